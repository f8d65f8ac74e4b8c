# Strings the shells (Telegram, terminal console) add around the interview.

shell-agency-ask = Hello! I help you write the annual report on government information disclosure (政府信息公开工作年度报告). First, please send the full name of your agency, e.g. 「奉化区应急管理局」.
shell-agency-invalid = The agency name should be one line of { $min } to { $max } characters. Please send your agency's full name again, e.g. 「奉化区应急管理局」.
shell-stranger = You are not a reporting officer of any department yet. Ask your government's 政务公开 office for an invitation link; open it to start.
shell-document-draft = Draft: not complete or not yet checked; do not submit it.
shell-document-final = Final: passes every check and can be submitted.

shell-console-welcome = nianbao (terminal). Type your answers; type a button's number or its text to press it; /help lists the commands; Ctrl+D quits.
shell-console-button = [{ $n }] { $label }
shell-console-buttons-hint = (type a number to choose a button; where figures are asked, use #number for a button)
shell-console-document = Document saved: { $path }
shell-console-bye = Saved. Goodbye.
shell-console-error = Something went wrong: { $reason }. What was saved is not lost.
shell-locked-submitted = The report has been submitted and awaits review, so it cannot be changed now. Ask your supervising office to return it if something must change.
shell-locked-approved = The report has been approved. To change it, send /reopen first, then submit it again.
shell-locked-published = The report has been published and can no longer be changed.

# One process per data folder (src/store/store-lock.ts).
store-locked = The data folder is in use by process { $pid } (is the bot running?). Stop it first; if no such process runs, delete { $lock } and try again.

## DingTalk
dingtalk-group-only = The report assistant works in one-to-one chats only: open 「年报助手」 in DingTalk and talk to it directly.
dingtalk-choice = 【{ $n }】{ $label }
dingtalk-choices-hint = Tap a button, or reply with its number (where figures are asked, reply #number).
dingtalk-title = Report assistant
