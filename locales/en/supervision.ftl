# Supervision: organisation, invitations, report lifecycle, deadlines, reminders, status board, office summary.

## Report status
sup-status = { $status ->
    [draft] in progress
    [submitted] submitted
    [returned] returned for changes
    [approved] approved
   *[none] not started
}

## Roles
sup-role = { $role ->
    [admin] administrator
    [supervisor] supervisor (open-government office)
    [leader] leader
   *[officer] department officer
}

## Permission denials
sup-denied = { $action ->
    [fillReport] You may not fill in this department's report.
    [viewReport] You may not view this report.
    [exportReport] You may not export this report.
    [submitReport] Only the department's officers can submit its report.
    [returnReport] Only the open-government office can return a report.
    [approveReport] Only the open-government office can approve a report.
    [reopenReport] Only the department's officers can reopen an approved report.
    [viewStatus] You may not view this office's progress.
    [viewSummary] You may not view the office summary.
    [invite] You may not invite people.
   *[manageOrg] You may not manage offices and departments.
}

## Organisation edits
sup-org-error-duplicate-id = That id already exists.
sup-org-error-unknown-office = No such office.
sup-org-error-unknown-department = No such department.
sup-org-error-empty-name = The name must not be empty.
sup-org-error-bad-name = The name must be one line of at most 60 characters, without control characters.

## Invitations
sup-invite-created = Invitation link ({ sup-role }), valid until { $expires }:
    { $link }
    It works once; send it only to the person invited.
sup-invite-error-unknown-target = The office or department to invite into does not exist.
sup-invite-error-role-target-mismatch = Officers are invited into a department; supervisors and leaders into an office.
sup-invite-error-bad-expiry = The expiry time is not valid.
sup-redeem-welcome = Welcome! You joined “{ $place }” as { sup-role }.
sup-redeem-error-unknown = This invitation code is not valid; ask for a new link.
sup-redeem-error-used = This invitation link has already been used; ask for a new one.
sup-redeem-error-expired = This invitation link has expired; ask for a new one.
sup-redeem-error-elsewhere = You already belong to another office and cannot join with this link; ask the administrator to move you.
sup-redeem-error-other-role = You already hold another role in this office (e.g. officer); one person has one role per office, so this link cannot be used. Ask the administrator to change it.

## Lifecycle
sup-transition-error-not-allowed = The report is { sup-status }; this step is not possible now.
sup-transition-error-wrong-party = This step is not yours to take.
sup-transition-error-not-clean = The report still has { $count } errors that must be fixed before it can be submitted.
sup-transition-error-comment-required = Say what needs to change when returning a report.
sup-transition-error-unknown-target = The cell or paragraph the comment points at does not exist.
sup-notify-submitted = { $department } submitted its { $year } annual report for review.
sup-notify-resubmitted = { $department } revised and resubmitted its { $year } annual report for review.
sup-notify-reopened = { $department } reopened its approved { $year } annual report to change it.{ $hasComment ->
    [yes] {" "}Note: { $comment }
   *[no] {""}
}
sup-notify-approved = Your department's { $year } annual report was approved.{ $hasComment ->
    [yes] {" "}Comment: { $comment }
   *[no] {""}
}
sup-notify-returned = Your department's { $year } annual report was returned for changes.{ $whereKind ->
    [cell] {" "}To fix: { $where }.
    [part] {" "}To fix: { $where }.
    [intro] {" "}To fix: the opening paragraph.
   *[none] {""}
}
    Comment: { $comment }
sup-open-question = Fix it

## Deadlines
sup-deadline-set = The deadline for the { $year } reports is now { $deadline }.
sup-deadline-error-bad-date = Not a date; type it like 2026-01-20.
sup-deadline-error-later-than-default = The deadline cannot be later than 31 January of the following year (Regulations, art. 49).
sup-deadline-error-inside-report-year = The deadline must fall after the report year.

## Reminders
sup-remind-before = Reminder: the { $year } annual report of { $department } has not been submitted yet; { $days ->
    [0] today ({ $deadline }) is the deadline.
    [one] the deadline ({ $deadline }) is tomorrow.
   *[other] { $days } days are left until the deadline ({ $deadline }).
}
sup-remind-overdue = The { $year } annual report of { $department } is { $days ->
    [one] one day
   *[other] { $days } days
} past its deadline ({ $deadline }). Please submit it as soon as possible.
sup-digest = { $office }, { $year } reports: { $submitted } submitted, { $pending } not yet{ $overdue ->
    [0] {""}
   *[other] , { $overdue } overdue
}. { $when ->
    [today] Today ({ $deadline }) is the deadline.
    [overdue] The deadline ({ $deadline }) passed { $days } days ago.
   *[left] { $days } days left until { $deadline }.
}
    Not submitted: { $pendingNames }

## Status board
sup-board-title = { $office } · { $year } reports · due { $deadline } ({ $when ->
    [today] due today
    [overdue] { $days } days overdue
   *[left] { $days } days left
})
sup-board-row = { $overdue ->
    [yes] 🔴
   *[no] { $status ->
        [submitted] 🟢
        [approved] ✅
        [returned] 🟠
       *[other] ⚪
    }
} { $name }: { sup-status } { $done }/{ $total }{ $errors ->
    [0] {""}
   *[other] , { $errors } errors
}{ $hasLast ->
    [yes] , { $last }
   *[no] {""}
}
sup-board-tally = { $delivered } submitted · { $pending } not yet · { $overdue } overdue
sup-board-empty = This office has no departments yet.

## Office summary
sup-summary-title = { $office } { $year } summary ({ $include ->
    [submitted] submitted reports only
   *[all] all departments
}): { $included } departments added up.
sup-summary-missing = Not included: { $names }
sup-summary-failing = Departments with errors to fix: { $names }
sup-summary-missing-cells = { $count } cells were left out because some departments have not answered them.

## Spreadsheet
sup-xlsx-sheet-t2 = Table 2
sup-xlsx-sheet-t3 = Table 3
sup-xlsx-sheet-t4 = Table 4
sup-xlsx-sheet-departments = Departments
sup-xlsx-department = Department
sup-xlsx-status = Status
