# Published forms: /export pdf, /export html, /preview (issue 15).
published-no-report = There is no report for this year yet. Send /report to start.
published-final = Final report (all checks passed).
published-draft = Draft: the report is incomplete or fails checks; do not submit or publish it.
published-html = An HTML fragment, ready to paste into the government portal's CMS.
published-no-office = LibreOffice is not installed on the server, so no PDF can be made; here is the Word document (.docx).
published-preview-text = LibreOffice or pdftoppm is not installed on the server, so no page pictures can be made. Send /review for the tables as text.
published-preview-page = Page { $page } of { $pages }
