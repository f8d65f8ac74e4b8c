# The interview: questions, answers, navigation, finishing. Official labels arrive as parameters.

interview-welcome = Let's fill in “{ $title }”. I ask one item at a time and save every answer; send /help for the commands.
interview-resume = Picking up where you left off:
interview-help =
    How to answer:
    · Table rows: one message per row, numbers separated by spaces or commas, e.g. “3 0 1 0 0 0”; or name columns, e.g. “自然人3 其他1” (the rest are 0); a row of zeros is just “0”.
    · Totals are calculated for you; never type them.
    · Text: send the text itself; you may paste the whole of 一、总体情况 and I split it at （一）–（五）.
    · /back previous question  /skip skip this one  /edit change a part  /review see the tables  /report continue  /export make the Word file  /cancel cancel
interview-progress = { $bar } { $done }/{ $total } { $section }

interview-meta-confirm = Agency: { $agency }; report year: { $year }. Is this right?
interview-meta-year-fixed = The report year ({ $year }) is set by the office and cannot be changed here; for an earlier year send /export and the year, e.g. /export 2023.
interview-meta-ask-agency = Send the agency's full name, e.g. “奉化区应急管理局”.
interview-meta-ask-year = Send the report year, e.g. “2021”.
interview-btn-meta-ok = ✅ Correct, start
interview-btn-meta-agency = Change agency
interview-btn-meta-year = Change year
interview-meta-rename-ask = Change the agency from “{ $old }” to “{ $agency }”?
interview-btn-meta-rename = ✅ Use this name
interview-error-year = The year must be four digits between 2000 and 2100, e.g. “2021”.
interview-error-agency = The agency's name must be one line of at most { $max } characters.
interview-error-agency-hidden = The agency name contains invisible characters (such as direction marks or zero-width spaces copied along with it); please type the full name.

interview-gate-t2 = Did you issue or repeal any rules (规章) or normative documents (行政规范性文件) this year? (With “No”, issued and repealed are 0; you still give the number in force.)
interview-gate-t3 = Did you receive any requests for government information this year (including ones carried over)?
interview-gate-t4 = Were there any administrative reviews or lawsuits about information disclosure this year?
interview-gate-confirm = Confirming fills all { $count } numbers of this part with 0. Confirm?
interview-gate-zeroed = { $count } numbers set to 0.
interview-btn-yes = Yes
interview-btn-no = No
interview-btn-confirm-zero = Confirm, all 0
interview-btn-cancel = Cancel

interview-ask-t2-row = Please give “{ $row }”: { $columns } ({ $count } numbers).
interview-ask-t2-fees = Please give “{ $row }”: { $columns }, up to 6 decimals.
interview-ask-t3-row = Please give “{ $row }”: { $count } numbers, one per applicant type: { $columns }.
interview-ask-t3-remainder = “{ $row }” must be what remains, by the table's balance rule.
interview-ask-t4-group = Please give “{ $row }”: { $columns } ({ $count } numbers; the total is calculated).
interview-example = Example: { $example }
interview-example-named = Or name only the columns that are not 0, e.g. { $example }
interview-current-values = Currently: { $values }
interview-t3-remaining = Still to account for: { $list }
interview-t3-remainder = Remaining (carried forward): { $list }
interview-t3-remainder-unknown = The results are not complete yet, so the carry-forward cannot be calculated. Remaining now: { $list }
interview-t3-overdrawn = Note: the results exceed the requests received; please check. Remaining: { $list }
interview-btn-remainder = ✅ Carry forward: { $values }
interview-btn-group-zero = { $group }: all 0
interview-btn-group-rest-zero = { $group }: the rest 0
interview-group-zeroed = { $count } rows set to 0.
interview-saved = Saved.
interview-saved-total = Saved; total { $total }.

interview-error-empty = I received no numbers.
interview-error-too-long = That is too long (over { $max } characters); one row of numbers is expected here.
interview-error-not-number = “{ $token }” is not a number.
interview-error-malformed-numeral = “{ $token }” is not a well-formed Chinese numeral; please check it or use digits (e.g. 20, 1005).
interview-error-negative = “{ $token }” is negative; counts cannot be below 0.
interview-error-fraction = “{ $token }” is not a whole number; counts are whole numbers.
interview-error-decimals = “{ $token }” has too many decimals; at most { $max }.
interview-error-too-large = “{ $token }” is too large; please check it.
interview-error-count = { $expected } numbers are needed; I got { $got }.
interview-error-duplicate-name = “{ $name }” appears twice.
interview-error-over = Only { $left } are left to account for under “{ $column }”; { $entered } is too many. The row was not saved; please check.
interview-error-remainder = The carry-forward must equal what remains: { $list }. If it does not, correct the rows above first.
interview-error-remainder-unknown = The results are incomplete or exceed the requests, so the carry-forward cannot be confirmed.
interview-error-use-buttons = Please tap a button below, or answer “yes” or “no”.
interview-error-message-long = That message is too long (over { $max } characters).
interview-error-narrative-empty = That is empty; please send the text.
interview-error-narrative-long = That is { $chars } characters, over the limit of { $max }; please shorten it.

interview-ask-intro = (Optional) the opening paragraph of the report, e.g. “根据《中华人民共和国政府信息公开条例》……本报告所列数据的统计期限自……”.
interview-ask-s1-summary = Please send the opening paragraph of “一、总体情况”.
interview-ask-s1-part = Please send the text of “{ $lead }” (without its heading).
interview-ask-section = Please send the text of “{ $heading }”.
interview-hint-s1-paste = You may also paste the whole of “一、总体情况” at once; I split it at （一）–（五）.
interview-hint-optional = This one is optional; tap “Skip” to leave it out.
interview-draft =
    A draft written from your figures (check and complete it before use):
    { $draft }
interview-btn-use-draft = Use this draft
interview-draft-used = Draft taken; you can change it any time.
interview-current-text = Current text ({ $chars } characters): { $preview }
interview-text-saved = “{ $label }” saved ({ $chars } characters).
interview-split-done = Split into { $count } parts and saved: { $parts }
interview-split-preview = Split at （一）…（五） into { $count } parts; check, then save:
interview-split-part = · { $label } ({ $chars } characters): { $preview }
interview-split-left-out = The { $chars } characters from “{ $start }…” on are not part of 一、总体情况 and will not be saved.
interview-btn-split-ok = ✅ Save like this
interview-btn-split-whole = Don’t split: save it all as “{ $label }”
interview-btn-append = Add more
interview-btn-replace = Rewrite
interview-append-ask = Send the text to add after “{ $label }”.

interview-btn-skip = Skip
interview-btn-keep = Keep as is
interview-btn-back = ⬅ Back
interview-back-first = This is already the first question.
interview-nothing-to-skip = Every question has been passed.
interview-cancelled = Cancelled.
interview-nothing-to-cancel = There is nothing to cancel.
interview-button-stale = That button is out of date; please use the buttons of the latest message.
interview-button-invalid = I do not recognise that button.
interview-unsupported = I can only read text messages; please type your answer.
interview-unsupported-document = While filling in, please paste text; to import a published report, use the import feature.

interview-edit-choose = Which part do you want to change?
interview-edit-section = Which item of “{ $heading }”?
interview-edit-unknown = I cannot find “{ $arg }”; please choose below.
interview-btn-section = { $label }
interview-btn-edit = ✏️ { $label }
interview-btn-edit-part = ✏️ { $kind ->
        [intro] Opening paragraph
        [summary] 一、总体情况 (lead-in)
       *[other] { $label }
    }
interview-btn-edit-gated = ✏️ { $label } (set to 0)
interview-btn-gate-edit = ✏️ Any at all?
interview-btn-go = ➡ { $label }

interview-review-page = Page { $page }/{ $pages } · { $title }
interview-review-meta = Agency: { $agency }; report year: { $year }
interview-review-text = { $kind ->
        [intro] Opening paragraph
        [summary] 一、总体情况 (lead-in)
       *[other] { $label }
    } ({ $chars } characters): { $preview }
interview-review-text-missing = { $kind ->
        [intro] Opening paragraph
        [summary] 一、总体情况 (lead-in)
       *[other] { $label }
    }: { $optional ->
        [yes] not written (optional)
       *[no] not written yet
    }

interview-finish-missing = { $count } items are still missing:
interview-missing-item = · { $label }
interview-missing-more = …and { $count } more
interview-finish-errors = { $count } problems must be fixed before the report can be finalised:
interview-finish-warnings = { $count } points need your confirmation; confirm or fix each:
interview-warning-number = Point { $n }:
interview-btn-warning-ok = ✅ Confirm { $n }
interview-btn-warning-fix = ✏️ Fix { $n }
interview-finish-ready = Everything is filled in and passes the checks. Making the final document…
interview-finish-ready-export = Everything is filled in and passes the checks.
interview-btn-export = Make the Word file
interview-finish-text = Every question is answered. Send /review to look, /edit to change, or /export for the document.
interview-export-draft = The report is not complete; here is a document marked as a draft. { $count } items are still missing:

interview-last-year-values = Last year's 四、结转下年度继续办理 was: { $values } (this year's 上年结转 should match).
interview-btn-last-year-values = Same as last year's carry-forward
interview-last-year-text = Last year's text for this part ({ $chars } characters): { $preview }
interview-btn-last-year-text = Start from last year's text
interview-last-year-used =
    Last year's text is in place for now. Text copied from last year is publicly criticised as 内容雷同: copy the full text below, edit it and send the new version (tap "Rewrite").
    { $text }
interview-last-year-in-force = Last year { $last } were in force: you may send just two numbers (issued, repealed) and the number in force is worked out as { $last } + issued − repealed.
interview-last-year-in-force-same = Nothing was issued or repealed this year, so the number in force should equal last year's: { $values }.
interview-btn-last-year-in-force = Same as last year
interview-error-in-force-negative = From last year's { $last } in force, { $last } + { $issued } − { $repealed } is below 0. Please check, or send all three numbers.
