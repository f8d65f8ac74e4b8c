# 程序给运维人员看的提示（终端、journald、docker logs）。

token-refused = Telegram 拒绝了 BOT_TOKEN（{ $code }）：令牌有误或已被撤销。请在 @BotFather 中（/mybots → API Token）取得当前令牌，填入 BOT_TOKEN 后重新启动。
