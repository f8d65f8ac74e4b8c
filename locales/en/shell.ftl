# Strings the shells (Telegram, terminal console) add around the interview.

shell-agency-ask = Hello! I help you write the annual report on government information disclosure (政府信息公开工作年度报告). First, please send the full name of your agency, e.g. 「奉化区应急管理局」.
shell-agency-invalid = The agency name should be one line of { $min } to { $max } characters. Please send your agency's full name again, e.g. 「奉化区应急管理局」.
shell-agency-hidden = The agency name contains invisible characters (such as direction marks or zero-width spaces copied along with it). Please type your agency's full name, e.g. 「奉化区应急管理局」.
shell-stranger = You are not a reporting officer of any department yet. Ask your government's 政务公开 office for an invitation link; open it to start.
shell-document-draft = Draft: not complete or not yet checked; do not submit it.
shell-document-final = Final: passes every check and can be submitted.

shell-console-welcome = nianbao (terminal). Type your answers; type # and a button's number (e.g. #1) or its text to press it; /help lists the commands; Ctrl+D quits.
shell-console-button = [#{ $n }] { $label }
shell-console-buttons-hint = (type #number to choose a button, e.g. #1; a bare number is an answer)
shell-console-unknown-button = There is no button #{ $n }.
shell-console-unknown-command = Unknown command “{ $command }”. Type /help for the commands.
shell-console-document = Document saved: { $path }
shell-console-document-same = The report has not changed; the document is still: { $path }
shell-console-bye = Saved. Goodbye.
shell-console-error = Something went wrong: { $reason }. What was saved is not lost.
shell-locked-submitted = The report has been submitted and awaits review, so it cannot be changed now. Ask your supervising office to return it if something must change.
shell-locked-approved = The report has been approved. To change it, send /reopen first, then submit it again.
shell-locked-published = The report has been published and can no longer be changed.

# One process per data folder (src/store/store-lock.ts).
store-locked = The data folder is in use by process { $pid } (is the bot running?). Stop it first; if no such process runs, delete { $lock } and try again.

# Reaching Telegram at start-up (src/telegram/reach-telegram.ts).
telegram-unreachable = Telegram cannot be reached ({ $apiRoot }): { $reason }. Still trying; check the network, proxy or TELEGRAM_API_ROOT.
telegram-reached = Telegram reached (@{ $bot }); the bot is working.
telegram-token-rejected = BOT_TOKEN was rejected by Telegram ({ $description }): the token is wrong or was revoked. Get the current one from @BotFather (/mybots → API Token), put it in BOT_TOKEN and start again.

# Storage faults, told as they are (src/app/store-faults.ts).
store-fault-disk-full = Not saved — the server's disk is full. Your earlier answers are safe; please try again once the office has freed space.
store-fault-damaged = This report ({ $report }) is damaged and cannot be read; the office has been told. The last good copy is from { $since }: changes made after that may be lost.
store-fault-damaged-no-backup = This report ({ $report }) is damaged and cannot be read; the office has been told. There is no earlier copy to fall back to.
store-fault-admin = Storage fault: report { $report } is damaged ({ $file }: { $reason }). Its backup { $file }.bak is readable, from { $since }: changes after that may be lost. Run `npx nianbao doctor` to list damaged files.
store-fault-admin-no-backup = Storage fault: report { $report } is damaged ({ $file }: { $reason }) and has no readable backup. Run `npx nianbao doctor` to list damaged files.
store-legacy-journal = { $dir } holds { $segments } unapplied journal file(s) written by an earlier release of the bot. Start that release once and stop it cleanly (it writes them into the report files), then start this one. See data/README.md.

## DingTalk
dingtalk-group-only = The report assistant works in one-to-one chats only: open 「年报助手」 in DingTalk and talk to it directly.
dingtalk-choice = 【#{ $n }】{ $label }
dingtalk-choices-hint = Tap a button, or reply # and its number (#2).
dingtalk-title = Report assistant
