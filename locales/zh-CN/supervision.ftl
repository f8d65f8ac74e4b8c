# Supervision: organisation, invitations, report lifecycle, deadlines, reminders, status board, office summary.

## Report status
sup-status = { $status ->
    [draft] 填写中
    [submitted] 已报送
    [returned] 已退回修改
    [approved] 已审核通过
   *[none] 未开始
}

## Roles
sup-role = { $role ->
    [admin] 管理员
    [supervisor] 政务公开办工作人员
    [leader] 分管领导
   *[officer] 部门填报人
}

## Permission denials
sup-denied = { $action ->
    [fillReport] 您没有填写该部门年报的权限。
    [viewReport] 您没有查看该年报的权限。
    [exportReport] 您没有导出该年报的权限。
    [submitReport] 只有本部门填报人可以报送年报。
    [returnReport] 只有政务公开办可以退回年报。
    [approveReport] 只有政务公开办可以审核通过年报。
    [reopenReport] 只有本部门填报人可以重新打开已通过的年报。
    [viewStatus] 您没有查看本单位报送进度的权限。
    [viewSummary] 您没有查看汇总数据的权限。
    [invite] 您没有邀请他人的权限。
   *[manageOrg] 您没有管理单位和部门的权限。
}

## Organisation edits
sup-org-error-duplicate-id = 该编号已存在。
sup-org-error-unknown-office = 找不到该政务公开办。
sup-org-error-unknown-department = 找不到该部门。
sup-org-error-empty-name = 名称不能为空。
sup-org-error-bad-name = 名称须为一行、不超过 60 个字，且不能含控制字符。

## Invitations
sup-invite-created = 邀请链接已生成（{ sup-role }），有效期至 { $expires }：
    { $link }
    链接只能使用一次，请只发给本人。
sup-invite-error-unknown-target = 找不到要邀请加入的单位或部门。
sup-invite-error-role-target-mismatch = 部门填报人只能邀请到部门，政务公开办工作人员和分管领导只能邀请到单位。
sup-invite-error-bad-expiry = 有效期格式不正确。
sup-redeem-welcome = 欢迎！您已作为{ sup-role }加入「{ $place }」。
sup-redeem-error-unknown = 邀请码无效，请向发出邀请的人重新索取链接。
sup-redeem-error-used = 该邀请链接已被使用过，请重新索取。
sup-redeem-error-expired = 该邀请链接已过期，请重新索取。
sup-redeem-error-elsewhere = 您已是其他单位的成员，不能用这个邀请链接加入。如需调整，请联系系统管理员。
sup-redeem-error-other-role = 您在本单位已有其他身份（例如填报人），一人在一个单位只能担任一种角色，不能用这个邀请链接。如需调整，请联系系统管理员。

## Lifecycle
sup-transition-error-not-allowed = 年报当前状态为「{ sup-status }」，不能进行此操作。
sup-transition-error-wrong-party = 此操作不能由您这一方进行。
sup-transition-error-not-clean = 年报还有 { $count } 处必须改正的错误，改正后才能报送。
sup-transition-error-comment-required = 退回时请写明需要修改的内容。
sup-transition-error-unknown-target = 退回意见指向的单元格或段落不存在。
sup-notify-submitted = 「{ $department }」已报送 { $year } 年度政府信息公开工作年度报告，请审核。
sup-notify-resubmitted = 「{ $department }」已按退回意见修改并重新报送 { $year } 年度年报，请审核。
sup-notify-reopened = 「{ $department }」重新打开了已审核通过的 { $year } 年度年报，正在修改。{ $hasComment ->
    [yes] 说明：{ $comment }
   *[no] {""}
}
sup-notify-approved = 您部门的 { $year } 年度年报已审核通过。{ $hasComment ->
    [yes] 意见：{ $comment }
   *[no] {""}
}
sup-notify-returned = 您部门的 { $year } 年度年报被退回修改。{ $whereKind ->
    [cell] 需修改：{ $where }。
    [part] 需修改：{ $where }。
    [intro] 需修改：开头段落。
   *[none] {""}
}
    意见：{ $comment }
sup-open-question = 去修改

## Deadlines
sup-deadline-set = { $year } 年度年报的报送截止日期已设为 { $deadline }。
sup-deadline-error-bad-date = 日期格式不正确，请按 2026-01-20 的格式输入。
sup-deadline-error-later-than-default = 截止日期不能晚于次年 1 月 31 日（《条例》第四十九条）。
sup-deadline-error-inside-report-year = 截止日期须在报告年度结束之后。

## Reminders
sup-remind-before = 提醒：「{ $department }」{ $year } 年度政府信息公开工作年度报告尚未报送，{ $days ->
    [0] 今天（{ $deadline }）是截止日。
   *[other] 距截止日 { $deadline } 还有 { $days } 天。
}
sup-remind-overdue = 「{ $department }」{ $year } 年度政府信息公开工作年度报告已超过截止日 { $deadline } { $days } 天，请尽快报送。
sup-digest = { $office } { $year } 年度年报报送情况：已报送 { $submitted } 个，未报送 { $pending } 个{ $overdue ->
    [0] {""}
   *[other] ，其中逾期 { $overdue } 个
}。{ $when ->
    [today] 今天（{ $deadline }）是截止日。
    [overdue] 截止日 { $deadline } 已过 { $days } 天。
   *[left] 距截止日 { $deadline } 还有 { $days } 天。
}
    未报送：{ $pendingNames }

## Status board
sup-board-title = { $office } · { $year } 年度年报 · 截止 { $deadline }（{ $when ->
    [today] 今天截止
    [overdue] 已逾期 { $days } 天
   *[left] 还有 { $days } 天
}）
sup-board-row = { $overdue ->
    [yes] 🔴
   *[no] { $status ->
        [submitted] 🟢
        [approved] ✅
        [returned] 🟠
       *[other] ⚪
    }
} { $name }：{ sup-status } { $done }/{ $total }{ $errors ->
    [0] {""}
   *[other] ，{ $errors } 处错误
}{ $hasLast ->
    [yes] ，{ $last }
   *[no] {""}
}
sup-board-tally = 已报送 { $delivered } · 未报送 { $pending } · 逾期 { $overdue }
sup-board-empty = 本单位还没有部门。

## Office summary
sup-summary-title = { $office } { $year } 年度汇总（{ $include ->
    [submitted] 仅已报送
   *[all] 全部部门
}）：已汇总 { $included } 个部门。
sup-summary-missing = 未纳入：{ $names }
sup-summary-failing = 有必须改正错误的部门：{ $names }
sup-summary-missing-cells = 有 { $count } 个单元格因部门未填写而未汇总。

## Spreadsheet
sup-xlsx-sheet-t2 = 表二
sup-xlsx-sheet-t3 = 表三
sup-xlsx-sheet-t4 = 表四
sup-xlsx-sheet-departments = 各部门
sup-xlsx-department = 部门
sup-xlsx-status = 状态
