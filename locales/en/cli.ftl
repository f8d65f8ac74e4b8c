cli-help =
    nianbao — fill in, check and produce the annual government information disclosure report (政府信息公开工作年度报告)

    Usage: npx nianbao <command> [arguments]

      import <report.txt|report.html|report.docx|report.pdf> [-o report.json] [--agency NAME] [--year YEAR]
          read an existing report (plain text, a saved web page, a Word .docx or a PDF) into report.json
      check <report.json|report.txt|.html|.docx|.pdf|folder> [--last-year last-year.json] [--json]
          check against the national format (a published report is imported first; a folder gives one row per report): exit 0 clean, 1 hard-rule violations, 2 unreadable input, 3 incomplete (figures that read several ways)
      render <report.json> -o out.docx [--draft] [--pdf | --html] [--agency NAME]
          produce the Word document in the official layout (marked as a draft while incomplete or failing);
          --pdf makes a PDF through LibreOffice, --html a fragment to paste into the portal
      summary <data dir> --office NAME -o out.docx
          produce a supervising office's combined summary
      demo [-o out.docx]
          render the real report shipped with nianbao (a district emergency bureau, 2021)
      admin …
          manage offices, departments and invitations (npx nianbao admin help)
      doctor
          check the data folder (DATA_DIR) and list damaged files that cannot be read, with their backups (safe while the bot runs)
      backup <file.tar.gz>
          a consistent backup of the data folder, safe while the bot runs (cron: see README)
      restore <file.tar.gz>
          put a backup back (stop the bot first); the folder before is kept beside it

    Options: --lang zh-CN|en chooses the language
cli-unknown-command = Unknown command "{ $command }". Run npx nianbao help to see the commands.
cli-bad-option = Unknown or incomplete option "{ $option }". Run npx nianbao help to see the options.
cli-usage-check = Usage: npx nianbao check <report.json | published report (.txt .html .docx .pdf) | folder> [--last-year last-year.json] [--json]
cli-usage-render = Usage: npx nianbao render <report.json> -o out.docx [--draft] [--pdf | --html] [--agency "full agency name"]
cli-usage-import = Usage: npx nianbao import <file> [-o report.json]
cli-file-missing = File not found: { $file }
cli-file-is-dir = { $file } is a folder, not a file.
cli-file-too-large = File too large: { $file }
cli-file-unreadable = Cannot read { $file } ({ $reason }).
cli-file-unwritable = Cannot write { $file } ({ $reason }).
cli-json-invalid = { $file } is not valid JSON ({ $reason }).
cli-report-invalid = { $file } is not a valid report.json; { $count } problem(s):
cli-import-failed = Cannot import { $file }: { $reason }
cli-import-written = Wrote { $file } ({ $cells } cells).
cli-check-clean = Check passed: no hard-rule violations ({ $warnings } warning(s)).
cli-check-failed = Check failed: { $errors } error(s), { $warnings } warning(s).
cli-check-incomplete = Incomplete: { $cells } cell(s) were left empty because their figures ran together and read several ways (listed above); choose the right reading and check again.
cli-check-folder-empty = No report files (.txt .html .docx .pdf .json) in { $folder }.
cli-check-column-file = file
cli-check-column-agency = agency
cli-check-column-year = year
cli-check-column-cells = cells imported
cli-check-column-errors = violations
cli-check-column-open = to choose
cli-check-column-status = result
cli-check-status-clean = clean
cli-check-status-violations = violations
cli-check-status-incomplete = incomplete
cli-check-status-unreadable = unreadable
cli-render-final = Final document written: { $file } ({ $kb } KB)
cli-render-draft = Draft written (incomplete or failing checks): { $file } ({ $kb } KB)
cli-demo-done = Demo document written: { $file } ({ $errors } error(s), { $warnings } warning(s))
cli-internal-error = Internal error: { $reason }. Please report this to the maintainers.

# npx nianbao doctor (src/cli/commands/doctor.ts)
doctor-clean = { $dir }: { $files } files checked, none damaged.
doctor-damaged = ✗ { $file }: { $reason }
doctor-backup-none = backup: none readable
doctor-backup-readable = backup: { $file }.bak is readable
doctor-backup-report = backup: readable, from { $since } (revision { $revision }); changes after that are not in it
doctor-summary = { $dir }: { $count } of { $files } files damaged. The bot tells the officers concerned that the report is damaged. If what a backup lacks is acceptable, stop the bot and replace the damaged file with its .bak.
cli-render-agency-missing = The report has no agency, so the title cannot name it and only a draft is made. Add --agency "full agency name".
cli-render-pdf = Final PDF written: { $file } ({ $kb } KB)
cli-render-pdf-draft = Draft PDF written (incomplete or failing checks): { $file } ({ $kb } KB)
cli-render-html = HTML fragment written (ready to paste into the portal CMS): { $file } ({ $kb } KB)
cli-render-html-draft = HTML fragment written, but the report is incomplete or fails checks; do not publish it: { $file } ({ $kb } KB)
cli-render-no-office = LibreOffice (soffice) is not installed, so no PDF can be made; wrote the .docx instead: { $file }
cli-usage-summary = Usage: npx nianbao summary <data dir> --office <office name> -o out.docx [--year YEAR] [--all]
cli-summary-final = Summary written: { $file }; departments workbook: { $xlsx }
cli-summary-draft = Draft summary written (departments missing or failing checks): { $file }; departments workbook: { $xlsx }
