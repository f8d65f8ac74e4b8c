# Strings the shells (Telegram, terminal console) add around the interview.

shell-agency-ask = 您好！我是年报助手，帮您填写《政府信息公开工作年度报告》。请先发送您单位的全称，例如「奉化区应急管理局」。
shell-agency-invalid = 单位名称应为一行文字，{ $min } 至 { $max } 个字。请重新发送您单位的全称，例如「奉化区应急管理局」。
shell-stranger = 您还不是任何单位的填报人。请向本级政务公开办公室索取邀请链接，点击链接后即可开始填写。
shell-document-draft = 草稿：尚未填完或尚未校验通过，请勿报送。
shell-document-final = 定稿：已通过全部校验，可以报送。

shell-console-welcome = 年报助手（终端模式）。直接输入回答；输入按钮前的编号或按钮文字即可点按钮；/help 查看命令；Ctrl+D 退出。
shell-console-button = [{ $n }] { $label }
shell-console-buttons-hint = （输入编号选择按钮；需要填写数字时，用 #编号 选择按钮）
shell-console-document = 文档已保存：{ $path }
shell-console-bye = 已保存，再见。
shell-console-error = 出错了：{ $reason }。已保存的内容不会丢失。
shell-locked-submitted = 年报已报送，正在等待主管单位审核，暂不能修改。如需修改，请联系主管单位退回。
shell-locked-approved = 年报已审核通过。如需修改，请先发送 /reopen 撤回，修改后重新报送。
shell-locked-published = 年报已公开发布，不能再修改。

# One process per data folder (src/store/store-lock.ts).
store-locked = 数据目录正由进程 { $pid } 使用（机器人正在运行？）。请先停止它再操作；若确认没有这样的进程在运行，可删除 { $lock } 后重试。

## DingTalk
dingtalk-group-only = 年报助手只在单聊中工作：请在钉钉里点开「年报助手」，与它单独对话。
dingtalk-choice = 【{ $n }】{ $label }
dingtalk-choices-hint = 点按钮，或回复按钮前的编号（需要填写数字时，回复 #编号）。
dingtalk-title = 年报助手
