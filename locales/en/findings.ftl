# Sentences for checker findings (src/core/report/rules.ts), rendered by src/findings-text.ts.
# Official labels stay in Chinese: they are the words on the form.

findings-value-invalid = { $problem ->
    [unknown-id] "{ $label }" is not a cell of this format; remove it or use the right cell id.
    [not-a-number] "{ $label }" holds "{ $value }", which is not a number; enter a number.
    [negative] "{ $label }" is { $value }; it cannot be negative.
    [fraction] "{ $label }" is { $value }; counts must be whole numbers.
    [too-many-decimals] "{ $label }" is { $value }; amounts in 万元 take at most six decimals.
    [too-large] "{ $label }" is { $value }; too large (at most 1000000000).
   *[other] "{ $label }" holds an invalid value "{ $value }".
}
findings-t3-row-total = { $label } (row · column) should be { $expected } but is { $actual }. 总计 is the sum of the six applicant columns of its row; check that row.
findings-t3-result-total = { $label } (row · column) should be { $expected } but is { $actual }. （七）总计 is the sum of results （一）–（六） in its column; check that column.
findings-t4-group-total = { $label } (group · column) should be { $expected } but is { $actual }. 总计 is 结果维持 + 结果纠正 + 其他结果 + 尚未审结.
findings-t3-balance = Column { $column }: 一 + 二 (new + carried over) = { $left }, but 三（七）总计 + 四 (carried forward) = { $right }; the two must be equal. Check this column's new, carried-over, result and carried-forward figures.
findings-carried-over-mismatch = { $label } is { $actual }, but last year's report carried { $expected } forward (四、结转下年度继续办理); these should match. Check or explain.
findings-in-force-mismatch = { $label } is { $actual }; last year's { $lastInForce } in force + { $issued } issued − { $repealed } repealed gives { $expected }. Please check.
findings-narrative-similar = "{ $label }" is { $similarity }% similar to the same part of last year's report (内容雷同); rewrite it for this year.
findings-s5-repeated = "{ $label }" is { $similarity }% similar to last year's; problems and improvements must not repeat year after year. Describe this year's problems and measures.
findings-narrative-placeholder = "{ $label }" still contains the draft's placeholder 「{ $placeholder }」; replace it with what was actually done before finalising.
findings-narrative-number-mismatch = "{ $label }" says "{ $phrase }", but the table has { $cellLabel } = { $expected }; make the text and the table agree.
findings-s6-fee-silent = "{ $label }" does not say whether 信息处理费 (information processing fees) were collected; add a sentence such as 本年度未收取信息处理费.
findings-s1-too-long = 一、总体情况 has { $actual } characters, more than the { $limit } allowed; shorten it.
findings-other-handling-high = （六）其他处理 counts { $actual } cases, { $share }% of this year's { $applications } applications (new + carried over), above { $limit }%; supervising offices look at this, so check the classification.
findings-magnitude-implausible = { $unit ->
    [wanYuan] "{ $label }" is { $actual } 万元, above { $limit } 万元; please confirm the amount is in 万元.
   *[count] "{ $label }" is { $actual }, above { $limit }; please confirm (an extra digit?).
}
findings-unknown = Check finding ({ $rule }): { $label }
findings-part-intro = opening paragraph
