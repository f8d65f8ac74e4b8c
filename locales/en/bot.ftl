# Telegram shell basics: help, language, fallbacks, error boundary.

bot-commands =
    .start = Start or continue your report
    .report = Fill in this year's report
    .review = Check the report for problems
    .edit = Change one answer
    .export = Produce the Word document (/export pdf or /export html for PDF or web)
    .preview = See the printed pages as pictures
    .lang = Switch language
    .help = How to use this bot
    .cancel = Cancel the current step
    .status = Progress of each department (supervisors)
    .summary = Totals across departments (supervisors)
    .submit = Submit the report for review
    .reopen = Reopen an approved report to change it
    .deadline = Set the submission deadline (supervisors)
    .invite = Invite officers or supervisors (supervisors)
    .orgs = List offices and departments (admins)
    .addoffice = Add a supervising office (admins)
    .adddept = Add a department (admins)
    .whoami = Show your numeric user id (for ADMIN_IDS)
    .invitations = List unused invitations (supervisors)
    .revoke = Revoke an invitation (supervisors)
    .removemember = Remove a person (supervisors)
    .movedept = Move a department to another office (admins)

bot-start-greeting = Hello! I help you write the annual report on government information disclosure. Send /report to start, or /help to see all commands.
bot-help =
    I guide you step by step through the annual report on government information disclosure, check the figures, and produce the Word document in the official layout.

    Commands:
    { $commands }
bot-help-line = /{ $command } — { $description }

bot-lang-choose = Choose a language:
bot-lang-self = English
bot-lang-set = Language switched to English.

bot-fallback-text = I did not understand that. Send /start to start or continue, /report to fill in the report, or /help for all commands.
bot-fallback-command = There is no such command. Send /help to see the commands.
bot-fallback-sticker = Nice sticker 🙂 but I only understand text. Send /help to see the commands.
bot-fallback-photo = I cannot read pictures. Please type the text or figures; to import a published report, send it as a Word or web page file.
bot-fallback-voice = I cannot handle voice or audio messages yet; please send text.
bot-fallback-video = I cannot handle videos or animations; please send text.
bot-fallback-location = The report does not need a location; please send text.
bot-fallback-contact = The report does not need a contact card; please send text.
bot-fallback-file = I was not expecting a file, so I left it alone. I will ask when I need one.
bot-fallback-other = I cannot handle this kind of message. Please send text, or /help for the commands.
bot-edited = Editing a sent message has no effect. To correct something, just send a new message.
bot-group-private-only = I only work in private chats, to keep your office's report data private. Open a private chat with me and send /start.
bot-button-stale = This button is out of date; please use the latest message.

bot-error = Sorry, something went wrong. Please try again; nothing you saved is lost.
bot-cancel-nothing = There is nothing to cancel right now.
