# 政务公开办发来已公开的年报文件（.docx .txt .html .pdf）：导入并校验，回复发现的问题。
chk-header = 「{ $file }」：{ $agency } { $year } 年度，读出 { $cells } 个单元格；{ $errors } 处错误，{ $warnings } 条提醒。
chk-unknown-agency = （未写明机关）
chk-clean = 未发现问题。
chk-more = ……另有 { $count } 条未列出（可用 npx nianbao check 查看全部）。
chk-failed = 无法读取「{ $file }」：{ $reason }
chk-choose = 上年年报中「{ $row }」一行的数字连在一起（「{ $text }」），可有多种拆法，请点选正确的一种：
chk-chosen = 「{ $row }」已采用：{ $values }
chk-choice-refused = 无法采用该选择（年报不存在或不属于您的部门）。
