# Importing a published report (.txt, .html, .docx): failures and notes. Keys: import-<code>.

## Failures
import-empty = The file is empty: there is nothing to read.
import-binary = This is not a text, web page, Word (.docx) or PDF file, so it cannot be read.
import-unreadable = The file's text encoding or structure could not be recognised. Save it as .docx or UTF-8 text and try again.
import-legacy-doc = This is an old Word (.doc) file. Save it as .docx in Word or WPS and upload it again.
import-not-a-docx = This is a zip archive but not a Word (.docx) document.
import-broken-docx = The Word document is damaged and cannot be opened. Save it again and upload it.
import-not-a-report = No sections or tables of a government information disclosure annual report were found in the file.
import-format-2019 = This report uses the 2019 trial format (国办公开办函〔2019〕60号), whose tables differ from the 2021 format (国办公开办函〔2021〕30号); it cannot be imported as it is. Please fill in the new format.
import-too-large = The file is too large to import (limit 20 MB; 50 MB for a Word document's text).
import-broken-pdf = The PDF is damaged and cannot be opened. Download it again from the portal and try again.
import-encrypted-pdf = The PDF is protected by a password, so its text cannot be read.
import-scanned-pdf = This PDF is a scan: its pages hold images, not text, so no figure can be read. Use the web page or the Word file of the report instead.

## Notes
import-cell-blank = “{ $cell }” is blank: no value was imported (if 0 is meant, enter 0).
import-cell-unreadable = “{ $cell }” holds “{ $text }”, which is not a valid number; it was not imported.
import-row-missing = The row “{ $row }” was not found; its values need to be filled in.
import-row-blank = The whole row “{ $row }” is blank: no values were imported.
import-row-unreadable = The numbers of the row “{ $row }” could not be matched to its columns (“{ $text }”); they were not imported. Check and fill them in.
import-row-split-resolved = The numbers of the row “{ $row }” ran together (“{ $text }”); its total allows only one split: { $values }. Please check.
import-row-ambiguous = The numbers of the row “{ $row }” ran together (“{ $text }”) and can be read several ways: { $candidates }. Nothing was chosen; please pick the right one.
import-rows-chosen-despite-violations = Some rows ran together and no reading satisfies every rule of table 3; the only reading with the fewest violations ({ $count }) was taken, as published. The check below shows the violations.
import-row-duplicate = The row “{ $row }” appears more than once; only its first values were used.
import-table-missing = Table { $table } was not found; its values need to be filled in.
import-printed-total-kept = “{ $cell }” is printed as { $printed } but its items add up to { $derived }; the printed figure is kept for checking.
import-printed-total-unverified = “{ $cell }” is printed as { $printed }; some of its items could not be read, so it cannot be checked yet.
import-section-missing = The heading “{ $heading }” was not found.
import-part-missing = No text was found for “{ $part }”.
import-year-inferred = The title has no year; { $year } was taken from the text. Please confirm.
import-year-missing = The report year was not found; please fill it in.
import-agency-missing = The title does not name the agency; please fill it in.
import-trial-format-2019 = This report uses the 2019 trial format (国办公开办函〔2019〕60号; its tables contain “{ $marker }”). It was read in that format and checked by its own rules; the cells that correspond to the 2021 format (table 3 except （六）, table 4) carry over.
import-trial-2019-no-counterpart = These cells of the 2019 trial format have no counterpart in the 2021 format and are not carried into it (they are checked as published): { $cells }.
import-unknown = Import note: { $code }
