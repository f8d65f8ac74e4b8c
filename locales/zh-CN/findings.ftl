# Sentences for checker findings (src/core/report/rules.ts), rendered by src/findings-text.ts.
# Variables: $label = the officer's name for the first cell or part; $expected / $actual; others per rule.

findings-value-invalid = { $problem ->
    [unknown-id] 「{ $label }」不是本格式中的栏目，请删除或改用正确的栏目编号。
    [not-a-number] 「{ $label }」的值「{ $value }」不是数字，请填写数字。
    [negative] 「{ $label }」为 { $value }，不能为负数。
    [fraction] 「{ $label }」为 { $value }，件数应为整数。
    [too-many-decimals] 「{ $label }」为 { $value }，金额（万元）最多保留六位小数。
    [too-large] 「{ $label }」为 { $value }，数值过大（不超过 1000000000）。
   *[other] 「{ $label }」的值「{ $value }」无效。
}
findings-t3-row-total = { $label } 应为 { $expected }，实为 { $actual }。总计应等于本行六类申请人之和，请核对本行各栏。
findings-t3-result-total = { $label } 应为 { $expected }，实为 { $actual }。（七）总计应等于本栏（一）至（六）各项之和，请核对本栏各项。
findings-t4-group-total = { $label } 应为 { $expected }，实为 { $actual }。总计应等于结果维持、结果纠正、其他结果、尚未审结之和。
findings-t3-balance = { $column } 一栏：一+二（新收+上年结转）= { $left }，三（七）总计+四（结转下年度）= { $right }，两者应相等。请核对本栏的新收、上年结转、办理结果和结转下年度数字。
findings-carried-over-mismatch = { $label } 为 { $actual }，但上年报告“四、结转下年度继续办理”为 { $expected }，两者通常应一致；如有差异请核实或说明。
findings-in-force-mismatch = { $label } 为 { $actual }，按上年现行有效 { $lastInForce } + 本年制发 { $issued } − 本年废止 { $repealed } 应为 { $expected }；请核实。
findings-narrative-similar = 「{ $label }」与上年报告的相同部分相似度达 { $similarity }%，属内容雷同，请结合本年度实际情况重写。
findings-s5-repeated = 「{ $label }」与上年报告相似度达 { $similarity }%；存在的问题和改进情况不得年年雷同，请写明本年度的问题和整改措施。
findings-narrative-placeholder = 「{ $label }」中仍有草稿的待补充内容「{ $placeholder }」，请改写为实际情况后再定稿。
findings-narrative-number-mismatch = 「{ $label }」写有「{ $phrase }」，而表格中 { $cellLabel } 为 { $expected }；请使文字与表格一致。
findings-s6-fee-silent = 「{ $label }」未说明是否收取信息处理费，请补充（如“本年度未收取信息处理费”）。
findings-s1-too-long = 一、总体情况共 { $actual } 字，超过 { $limit } 字的要求，请精简。
findings-other-handling-high = （六）其他处理共 { $actual } 件，占本年申请（新收+上年结转 { $applications } 件）的 { $share }%，超过 { $limit }%；上级政务公开部门会重点关注，请核实分类是否准确。
findings-magnitude-implausible = { $unit ->
    [wanYuan] 「{ $label }」为 { $actual } 万元，超过 { $limit } 万元，数额异常，请确认单位是否为万元。
   *[count] 「{ $label }」为 { $actual }，超过 { $limit }，数量异常，请确认是否多输了位数。
}
findings-unknown = 检查发现问题（{ $rule }）：{ $label }
findings-part-intro = 开头段落
