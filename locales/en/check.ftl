# A supervisor sends a published report file (.docx .txt .html .pdf): it is imported and checked, the findings come back.
chk-header = “{ $file }”: { $agency }, { $year }; { $cells } cells read; { $errors } error(s), { $warnings } warning(s).
chk-unknown-agency = (agency not named)
chk-clean = No problems found.
chk-more = … and { $count } more (npx nianbao check lists them all).
chk-failed = Cannot read “{ $file }”: { $reason }
chk-choose = In last year's report the figures of “{ $row }” ran together (“{ $text }”) and read several ways; tap the right one:
chk-chosen = “{ $row }” set to { $values }
chk-choice-refused = This choice cannot be applied (no such report, or not your department's).
