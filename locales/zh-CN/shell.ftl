# Strings the shells (Telegram, terminal console) add around the interview.

shell-agency-ask = 您好！我是年报助手，帮您填写《政府信息公开工作年度报告》。请先发送您单位的全称，例如「奉化区应急管理局」。
shell-agency-invalid = 单位名称应为一行文字，{ $min } 至 { $max } 个字。请重新发送您单位的全称，例如「奉化区应急管理局」。
shell-agency-hidden = 单位名称含有看不见的字符（如复制带来的方向控制符或零宽字符）。请直接输入您单位的全称，例如「奉化区应急管理局」。
shell-stranger = 您还不是任何单位的填报人。请向本级政务公开办公室索取邀请链接，点击链接后即可开始填写。
shell-document-draft = 草稿：尚未填完或尚未校验通过，请勿报送。
shell-document-final = 定稿：已通过全部校验，可以报送。

shell-console-welcome = 年报助手（终端模式）。直接输入回答；输入按钮前的 #编号（如 #1）或按钮文字即可点按钮；/help 查看命令；Ctrl+D 退出。
shell-console-button = [#{ $n }] { $label }
shell-console-buttons-hint = （输入 #编号 选择按钮，例如 #1；只输入数字是回答）
shell-console-unknown-button = 没有编号为 #{ $n } 的按钮。
shell-console-unknown-command = 未知命令「{ $command }」。输入 /help 查看可用命令。
shell-console-document = 文档已保存：{ $path }
shell-console-document-same = 报告内容没有变化，文档仍是：{ $path }
shell-console-bye = 已保存，再见。
shell-console-error = 出错了：{ $reason }。已保存的内容不会丢失。
shell-locked-submitted = 年报已报送，正在等待主管单位审核，暂不能修改。如需修改，请联系主管单位退回。
shell-locked-approved = 年报已审核通过。如需修改，请先发送 /reopen 撤回，修改后重新报送。
shell-locked-published = 年报已公开发布，不能再修改。

# One process per data folder (src/store/store-lock.ts).
store-locked = 数据目录正由进程 { $pid } 使用（机器人正在运行？）。请先停止它再操作；若确认没有这样的进程在运行，可删除 { $lock } 后重试。

# Reaching Telegram at start-up (src/telegram/reach-telegram.ts).
telegram-unreachable = 无法连接 Telegram（{ $apiRoot }）：{ $reason }。将持续重试；请检查网络、代理或 TELEGRAM_API_ROOT。
telegram-reached = 已连接 Telegram（@{ $bot }），开始工作。
telegram-token-rejected = BOT_TOKEN 被 Telegram 拒绝（{ $description }）：令牌有误或已被撤销。请在 @BotFather 中（/mybots → API Token）取得当前令牌，填入 BOT_TOKEN 后重新启动。

# 存储故障，如实告知（src/app/store-faults.ts）。
store-fault-disk-full = 未保存——服务器磁盘已满。您之前的回答都安全；请在管理员腾出空间后重试。
store-fault-damaged = 这份报告（{ $report }）的数据文件已损坏，无法读取；已通知管理员。最后一份完好的副本保存于 { $since }，此后的修改可能已丢失。
store-fault-damaged-no-backup = 这份报告（{ $report }）的数据文件已损坏，无法读取；已通知管理员。没有更早的副本可以恢复。
store-fault-admin = 存储故障：报告 { $report } 已损坏（{ $file }：{ $reason }）。备份 { $file }.bak 可读，保存于 { $since }，此后的修改可能已丢失。运行 `npx nianbao doctor` 可列出所有损坏的文件。
store-fault-admin-no-backup = 存储故障：报告 { $report } 已损坏（{ $file }：{ $reason }），且没有可读的备份。运行 `npx nianbao doctor` 可列出所有损坏的文件。
store-legacy-journal = { $dir } 中有 { $segments } 个旧版本机器人写下、尚未写入报告文件的日志文件。请先启动旧版本一次并正常停止（它会把日志写入报告文件），再启动本版本。详见 data/README.md。

## DingTalk
dingtalk-group-only = 年报助手只在单聊中工作：请在钉钉里点开「年报助手」，与它单独对话。
dingtalk-choice = 【#{ $n }】{ $label }
dingtalk-choices-hint = 点按钮，或回复 # 加编号（如 #2）。
dingtalk-title = 年报助手
