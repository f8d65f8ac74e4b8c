# Importing a published report (.txt, .html, .docx): failures and notes. Keys: import-<code>.

## Failures
import-empty = 文件是空的，没有可读取的内容。
import-binary = 这不是文本、网页、Word (.docx) 或 PDF 文件，无法读取。
import-unreadable = 无法识别文件的文字编码或结构，请另存为 .docx 或 UTF-8 文本后再试。
import-legacy-doc = 这是旧版 Word (.doc) 文件，请在 Word 或 WPS 中另存为 .docx 后再上传。
import-not-a-docx = 这是压缩包，但不是 Word (.docx) 文档。
import-broken-docx = Word 文档已损坏，无法打开，请重新保存后再上传。
import-not-a-report = 文件中没有找到政府信息公开工作年度报告的章节和表格。
import-format-2019 = 这份报告使用的是 2019 年试行格式（国办公开办函〔2019〕60号），与 2021 年格式（国办公开办函〔2021〕30号）的表格不同，无法直接导入，请按新格式填报。
import-too-large = 文件太大，无法导入（上限 20 MB，Word 正文上限 50 MB）。
import-broken-pdf = PDF 文件已损坏，无法打开。请从网站重新下载后再试。
import-encrypted-pdf = PDF 文件设有密码保护，无法读取其中文字。
import-scanned-pdf = 这是扫描件 PDF：页面是图片而不是文字，无法读取任何数字。请改用该报告的网页或 Word 文件。

## Notes
import-cell-blank = 「{ $cell }」是空白单元格，未填数值（如应为 0，请填写 0）。
import-cell-unreadable = 「{ $cell }」的内容「{ $text }」不是有效数字，未导入。
import-row-missing = 没有找到「{ $row }」这一行，该行数值需要补填。
import-row-blank = 「{ $row }」整行为空白，未填数值。
import-row-unreadable = 「{ $row }」一行的数字无法对应到各列（「{ $text }」），未导入，请核对后补填。
import-row-split-resolved = 「{ $row }」一行的数字连在一起（「{ $text }」），已按合计唯一拆分为：{ $values }，请核对。
import-row-ambiguous = 「{ $row }」一行的数字连在一起（「{ $text }」），可有多种拆法：{ $candidates }。未作选择，请确定正确的一种。
import-rows-chosen-despite-violations = 表三有几行数字连在一起，没有一种拆法满足全部勾稽关系；已按原文采用违反最少（{ $count } 处）且唯一的拆法，违反之处见下方检查结果。
import-row-duplicate = 「{ $row }」出现了不止一次，只采用了第一次出现的数值。
import-table-missing = 没有找到表{ $table }，其中数值需要补填。
import-printed-total-kept = 「{ $cell }」原文印的是 { $printed }，但按各项相加应为 { $derived }，已保留原数供核对。
import-printed-total-unverified = 「{ $cell }」原文印的是 { $printed }，因部分分项未能读取，暂无法核对。
import-section-missing = 没有找到标题「{ $heading }」。
import-part-missing = 没有找到「{ $part }」的文字内容。
import-year-inferred = 标题中没有年度，已根据正文推断为 { $year } 年，请确认。
import-year-missing = 没有找到报告年度，请补填。
import-agency-missing = 标题中没有机关名称，请补填。
import-trial-format-2019 = 这份报告使用 2019 年试行格式（国办公开办函〔2019〕60号，表格中有「{ $marker }」），已按该格式读取并按其规则校验；与 2021 年格式对应的栏目（表三除（六）外、表四）可以结转。
import-trial-2019-no-counterpart = 以下 2019 年试行格式的栏目在 2021 年格式中没有对应项，不转入新格式（按原文校验）：{ $cells }。
import-unknown = 导入提示：{ $code }
