# Telegram shell basics: help, language, fallbacks, error boundary.

bot-commands =
    .start = 开始或继续填写年报
    .report = 填写本年度的年报
    .review = 检查年报中的问题
    .edit = 修改某一项内容
    .export = 生成 Word 文档（/export pdf、/export html 生成 PDF 或网页）
    .preview = 以图片查看排版效果
    .lang = 切换语言
    .help = 查看使用说明
    .cancel = 取消当前操作
    .status = 查看各部门进度（主管）
    .summary = 汇总各部门数据（主管）
    .submit = 报送年报（主管单位审核）
    .reopen = 撤回已审核的年报重新修改
    .deadline = 设置报送截止日期（主管）
    .invite = 邀请部门填报人或主管（主管）
    .orgs = 查看单位和部门（管理员）
    .addoffice = 新增主管单位（管理员）
    .adddept = 新增部门（管理员）
    .whoami = 查看自己的数字用户编号（用于 ADMIN_IDS）
    .invitations = 查看未使用的邀请（主管）
    .revoke = 作废邀请（主管）
    .removemember = 移除人员（主管）
    .movedept = 把部门调整到另一单位（管理员）

bot-start-greeting = 您好！我是年报助手，帮您填写《政府信息公开工作年度报告》。发送 /report 开始填写，发送 /help 查看全部命令。
bot-help =
    我可以帮您一步步填写《政府信息公开工作年度报告》，检查数据，并生成正式格式的 Word 文档。

    可用命令：
    { $commands }
bot-help-line = /{ $command } — { $description }

bot-lang-choose = 请选择语言：
bot-lang-self = 简体中文
bot-lang-set = 已切换为简体中文。

bot-fallback-text = 我没有理解这条消息。发送 /start 开始或继续填写，发送 /report 填写年报，发送 /help 查看全部命令。
bot-fallback-command = 没有这个命令。发送 /help 查看可用命令。
bot-fallback-sticker = 收到您的贴纸 🙂 不过我只能处理文字。请发送 /help 查看可用命令。
bot-fallback-photo = 我无法识别图片中的内容。请直接输入文字或数字；如需导入已发布的年报，请发送 Word 或网页文件。
bot-fallback-voice = 我暂时无法处理语音或音频，请改为发送文字。
bot-fallback-video = 我无法处理视频或动图，请改为发送文字。
bot-fallback-location = 填写年报不需要位置信息，请发送文字。
bot-fallback-contact = 填写年报不需要联系人名片，请发送文字。
bot-fallback-file = 我现在没有在等待文件，所以没有处理它。需要导入文件时我会提示您发送。
bot-fallback-other = 这类消息我无法处理。请发送文字，或发送 /help 查看可用命令。
bot-edited = 修改已发送的消息不会生效。如需更正，请直接发送新的消息。
bot-group-private-only = 我只在私聊中工作，以保护您单位的报告数据。请点击我的头像，在私聊中发送 /start。
bot-button-stale = 这个按钮已失效，请使用最新的消息。

bot-error = 抱歉，处理出错了，请重试；您已保存的内容不会丢失。
bot-cancel-nothing = 当前没有需要取消的操作。
