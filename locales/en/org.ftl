# Organisation shells: invitations, submission, review, summary, other years, admin commands (bot and CLI).
# Sentences of the supervision core are in supervision.ftl (sup-…).

## Joining
org-joined-next = { $role ->
    [officer] Here is the first question; send /report any time to continue, and /submit when it is done.
    [supervisor] Send /status to see the departments' progress and /summary to add up their figures.
   *[other] Send /status to see the departments' progress.
}
org-start-supervisor = Hello! Send /status for the departments' progress, /summary to add up their figures, /orgs for offices and departments, /invite to invite an officer.
org-stranger = Hello! I am the annual report assistant. Reports are collected by your government-transparency office, and you join with an invitation link: ask that office for one and open it.

## Submission
org-not-officer = Only a department's officer can submit or reopen its report.
org-no-report = There is nothing in this report yet; send /report to fill it in.
org-submit-refused = Not ready to submit: { $errors } error(s) to fix and { $missing } item(s) still empty.
org-missing-part = Empty: { $label }
org-and-more = …and { $count } more
org-submitted = The { $year } report of “{ $agency }” has been submitted; you will hear back after the review.
org-fixed-submit = The returned report is fixed and can be submitted again.
org-btn-submit = 📤 Submit
org-reopened = The { $year } report is open for changes again; send /submit when it is ready.

## Review
org-btn-approve = ✅ Approve
org-btn-return = ↩️ Return for changes
org-btn-download = 📄 Read the report
org-btn-return-whole = The whole report
org-return-where = Which part needs changes?
org-return-which = { $section }: where exactly?
org-return-comment = Type your comment (on: { $where }), or /cancel.
org-returned-done = The { $year } report of “{ $department }” was returned for changes.
org-approved-done = The { $year } report of “{ $department }” is approved.
org-no-office = You are not on the staff of any government-transparency office.

## Summary
org-summary-choose = Summary of { $year }: which departments?
org-btn-summary-submitted = Submitted only
org-btn-summary-all = All departments
org-summary-draft = Summary draft (some departments missing or incomplete)
org-summary-final = Summary report

## Other years
org-export-which = Name the department, e.g. /export 2024 d3.
org-no-report-year = There is no report for { $year }.
org-export-year = The { $year } report ({ sup-status })
org-import-failed = This file could not be imported: { $reason }
org-imported = The { $year } report was imported ({ $cells } cells); it is used as last year's report for { $current }.

## Administration
org-usage-addoffice = Usage: /addoffice office-name
org-usage-adddept = Usage: /adddept office-name-or-id department-name
org-usage-invite = Usage: /invite office-or-department officer|supervisor|leader [validity, e.g. 7d, at most 90d]
org-office-added = Office “{ $name }” added (id { $id }).
org-department-added = Department “{ $name }” added to “{ $office }” (id { $id }).
org-invite-for = Invitation into: { $place }
org-list-office = 🏛 { $name } ({ $id }): { $supervisors } staff, { $invitations } unused invitation(s)
org-list-department = { "  " }· { $name } ({ $id }): { $officers } officer(s)
org-list-empty = There are no offices yet.
org-cli-usage =
    Usage: npx nianbao admin <subcommand>
      add-office <office name>
      add-department <office name or id> <department name>
      invite <office or department> --role officer|supervisor|leader [--expires 7d]
      list
      invitations
      revoke <invitation ref>
      remove-member <user id>
      move-department <department> <office>
    Data folder: DATA_DIR (default ./data); invitation links need BOT_USERNAME.
