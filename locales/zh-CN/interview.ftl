# The interview: questions, answers, navigation, finishing. Official labels arrive as parameters.

interview-welcome = 开始填写《{ $title }》。我会逐项提问，您的回答随时保存；发送 /help 查看可用命令。
interview-resume = 从上次停下的地方继续：
interview-help =
    填写说明：
    · 表格数字：一行一条消息，数字之间用空格或逗号分隔，例如「3 0 1 0 0 0」；也可以写「自然人3 其他1」（其余为0）；整行为0时只发「0」。
    · 合计、总计由我自动计算，不需要填写。
    · 文字部分：直接发送正文；「一、总体情况」可以整段粘贴，我会按（一）至（五）自动拆分。
    · /back 返回上一题　/skip 跳过本题　/edit 修改某一部分　/review 查看全表　/report 继续填写　/export 生成 Word 文档　/cancel 取消当前操作
interview-progress = { $bar } { $done }/{ $total } { $section }

interview-meta-confirm = 填报单位：{ $agency }；报告年度：{ $year }年。信息是否正确？
interview-meta-year-fixed = 报告年度（{ $year } 年）由政务公开办统一确定，不能在这里修改；查看往年的年报请发送 /export 年份，例如 /export 2023。
interview-meta-ask-agency = 请发送填报单位的全称，例如「奉化区应急管理局」。
interview-meta-ask-year = 请发送报告年度，例如「2021」。
interview-btn-meta-ok = ✅ 正确，开始填写
interview-btn-meta-agency = 修改单位名称
interview-btn-meta-year = 修改年度
interview-meta-rename-ask = 要把填报单位由「{ $old }」改为「{ $agency }」吗？
interview-btn-meta-rename = ✅ 改为此名称
interview-error-year = 年度应为 2000 至 2100 之间的四位数字，例如「2021」。
interview-error-agency = 单位名称应为一行文字，不超过 { $max } 个字。
interview-error-agency-hidden = 单位名称含有看不见的字符（如复制带来的方向控制符或零宽字符），请直接输入单位全称。

interview-gate-t2 = 本年是否制发或废止规章、行政规范性文件？（选「否」时，制发、废止件数记为0，仍需填写现行有效件数。）
interview-gate-t3 = 本年是否收到政府信息公开申请（含上年结转）？
interview-gate-t4 = 本年是否发生政府信息公开行政复议、行政诉讼？
interview-gate-confirm = 确认后，这一部分的 { $count } 个数字将全部填为0。确认吗？
interview-gate-zeroed = 已将 { $count } 个数字填为0。
interview-btn-yes = 是
interview-btn-no = 否
interview-btn-confirm-zero = 确认，全部填0
interview-btn-cancel = 取消

interview-ask-t2-row = 请填写「{ $row }」：{ $columns }（共 { $count } 个数字）。
interview-ask-t2-fees = 请填写「{ $row }」：{ $columns }，可保留最多6位小数。
interview-ask-t3-row = 请填写「{ $row }」，按申请人依次填写 { $count } 个数字：{ $columns }。
interview-ask-t3-remainder = 「{ $row }」按勾稽关系应为剩余数量。
interview-ask-t4-group = 请填写「{ $row }」：{ $columns }（共 { $count } 个数字，总计自动计算）。
interview-example = 示例：{ $example }
interview-example-named = 也可以只写有数字的列，例如：{ $example }
interview-current-values = 当前已填：{ $values }
interview-t3-remaining = 还需分配：{ $list }
interview-t3-remainder = 剩余（结转下年度）：{ $list }
interview-t3-remainder-unknown = 办理结果尚未填完，暂时无法计算结转数量。当前剩余：{ $list }
interview-t3-overdrawn = 注意：办理结果已超过收到的申请数量，请核对。剩余：{ $list }
interview-btn-remainder = ✅ 确认结转：{ $values }
interview-btn-group-zero = { $group } 全部为0
interview-btn-group-rest-zero = { $group } 其余全部为0
interview-group-zeroed = 已将 { $count } 行填为0。
interview-saved = 已保存。
interview-saved-total = 已保存，合计 { $total }。

interview-error-empty = 没有收到数字。
interview-error-too-long = 内容太长（超过 { $max } 个字符），这里只需要一行数字。
interview-error-not-number = 「{ $token }」不是数字。
interview-error-malformed-numeral = 「{ $token }」不是规范的中文数字，请核对，或改用阿拉伯数字（如 20、1005）。
interview-error-negative = 「{ $token }」是负数，数量不能小于0。
interview-error-fraction = 「{ $token }」不是整数，件数应为整数。
interview-error-decimals = 「{ $token }」的小数位太多，最多保留 { $max } 位。
interview-error-too-large = 「{ $token }」太大，请核对。
interview-error-count = 需要 { $expected } 个数字，收到了 { $got } 个。
interview-error-duplicate-name = 「{ $name }」出现了两次。
interview-error-over = 「{ $column }」只剩 { $left } 件可分配，填写的 { $entered } 超出了。本行未保存，请核对。
interview-error-remainder = 结转数量须等于剩余数量：{ $list }。如有出入，请先修改前面的行。
interview-error-remainder-unknown = 办理结果尚未填完或已超出，无法确认结转数量。
interview-error-use-buttons = 请点击下方按钮作答，或回复「是」或「否」。
interview-error-message-long = 消息太长（超过 { $max } 个字符）。
interview-error-narrative-empty = 内容为空，请发送正文。
interview-error-narrative-long = 内容共 { $chars } 字，超过上限 { $max } 字，请精简后再发送。

interview-ask-intro = （可选）报告开头的引言段落，例如「根据《中华人民共和国政府信息公开条例》……本报告所列数据的统计期限自……」。
interview-ask-s1-summary = 请发送「一、总体情况」开头的概述段落。
interview-ask-s1-part = 请发送「{ $lead }」的正文（不含标题）。
interview-ask-section = 请发送「{ $heading }」的正文。
interview-hint-s1-paste = 也可以把「一、总体情况」全文一次粘贴过来，我会按（一）至（五）自动拆分。
interview-hint-optional = 这一项可以不填，点「跳过」即可。
interview-draft =
    根据表格数字生成的草稿（请核对、补充后使用）：
    { $draft }
interview-btn-use-draft = 使用此草稿
interview-draft-used = 已采用草稿，可随时修改。
interview-current-text = 当前内容（{ $chars } 字）：{ $preview }
interview-text-saved = 「{ $label }」已保存（{ $chars } 字）。
interview-split-done = 已拆分为 { $count } 部分并保存：{ $parts }
interview-split-preview = 已按（一）至（五）拆分为 { $count } 部分，请核对后保存：
interview-split-part = · { $label }（{ $chars } 字）：{ $preview }
interview-split-left-out = 「{ $start }…」起的 { $chars } 字不属于「一、总体情况」，不会保存。
interview-btn-split-ok = ✅ 按此保存
interview-btn-split-whole = 不拆分，整段保存为「{ $label }」
interview-btn-append = 补充内容
interview-btn-replace = 重新填写
interview-append-ask = 请发送要补充到「{ $label }」后面的内容。

interview-btn-skip = 跳过
interview-btn-keep = 保持不变
interview-btn-back = ⬅ 上一题
interview-back-first = 已经是第一题了。
interview-nothing-to-skip = 所有问题都已经过了。
interview-cancelled = 已取消。
interview-nothing-to-cancel = 当前没有需要取消的操作。
interview-button-stale = 这个按钮已过期，请使用最新消息中的按钮。
interview-button-invalid = 这个按钮无法识别。
interview-unsupported = 我只能读取文字消息，请直接输入。
interview-unsupported-document = 填写过程中请直接粘贴文字；如需导入已发布的年报，请使用导入功能。

interview-edit-choose = 要修改哪一部分？
interview-edit-section = 「{ $heading }」中要修改哪一项？
interview-edit-unknown = 找不到「{ $arg }」，请从下面选择。
interview-btn-section = { $label }
interview-btn-edit = ✏️ { $label }
interview-btn-edit-part = ✏️ { $kind ->
        [intro] 开头段落
        [summary] 一、总体情况（导语）
       *[other] { $label }
    }
interview-btn-edit-gated = ✏️ { $label }（已填0）
interview-btn-gate-edit = ✏️ 是否有此项
interview-btn-go = ➡ { $label }

interview-review-page = 第 { $page }/{ $pages } 页 · { $title }
interview-review-meta = 填报单位：{ $agency }；报告年度：{ $year }
interview-review-text = { $kind ->
        [intro] 开头段落
        [summary] 一、总体情况（导语）
       *[other] { $label }
    }（{ $chars } 字）：{ $preview }
interview-review-text-missing = { $kind ->
        [intro] 开头段落
        [summary] 一、总体情况（导语）
       *[other] { $label }
    }：{ $optional ->
        [yes] 未填写（可不填）
       *[no] 未填写
    }

interview-finish-missing = 还有 { $count } 项没有填写：
interview-missing-item = · { $label }
interview-missing-more = ……另有 { $count } 项
interview-finish-errors = 有 { $count } 处必须修改的问题，修改后才能定稿：
interview-finish-warnings = 有 { $count } 处需要您确认的提示，请逐条确认或修改：
interview-warning-number = 提示 { $n }：
interview-btn-warning-ok = ✅ 确认 { $n }
interview-btn-warning-fix = ✏️ 修改 { $n }
interview-finish-ready = 全部填写完成，校验通过。正在生成正式文档……
interview-finish-ready-export = 全部填写完成，校验通过。
interview-btn-export = 生成 Word 文档
interview-finish-text = 问题都已经回答完了。可以发送 /review 查看，/edit 修改，或 /export 生成文档。
interview-export-draft = 报告尚未填完，已生成标记为「草稿」的文档。还有 { $count } 项没有填写：

interview-last-year-values = 去年「四、结转下年度继续办理」为：{ $values }（应即本年「上年结转」）。
interview-btn-last-year-values = 与去年结转一致
interview-last-year-text = 去年此部分（{ $chars } 字）：{ $preview }
interview-btn-last-year-text = 以去年内容为起点
interview-last-year-used =
    已暂用去年的内容。照搬去年文字会被通报为「内容雷同」：请复制下面的全文，修改后点「重新填写」发送新版本。
    { $text }
interview-last-year-in-force = 去年现行有效 { $last } 件：也可以只发「制发 废止」两个数，现行有效按 { $last } + 制发 − 废止 推算。
interview-last-year-in-force-same = 本年没有制发或废止，现行有效件数应与去年相同：{ $values } 件。
interview-btn-last-year-in-force = 与去年相同
interview-error-in-force-negative = 按去年现行有效 { $last } 件推算，{ $last } + { $issued } − { $repealed } 小于 0。请核对，或把三个数都发来。
