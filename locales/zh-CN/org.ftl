# Organisation shells: invitations, submission, review, summary, other years, admin commands (bot and CLI).
# Sentences of the supervision core are in supervision.ftl (sup-…).

## Joining
org-joined-next = { $role ->
    [officer] 下面是第一个问题；之后随时发送 /report 继续，填完后发送 /submit 报送。
    [supervisor] 发送 /status 查看各部门进度，发送 /summary 汇总数据。
   *[other] 发送 /status 查看各部门进度。
}
org-start-supervisor = 您好！发送 /status 查看各部门报送进度，/summary 汇总各部门数据，/orgs 查看单位和部门，/invite 邀请部门填报人。
org-stranger = 您好！我是年报助手。本单位的年报由政务公开办统一组织填报，需要通过邀请链接加入：请向本单位政务公开办索取邀请链接，点击后即可开始。

## Submission
org-not-officer = 只有部门填报人可以报送或重新打开年报。
org-no-report = 还没有这份年报的内容，请先发送 /report 填写。
org-submit-refused = 还不能报送：{ $errors } 处必须改正的错误，{ $missing } 项尚未填写。
org-missing-part = 未填写：{ $label }
org-and-more = ……另有 { $count } 项
org-submitted = 已报送「{ $agency }」{ $year } 年度年报，政务公开办审核后会通知您。
org-fixed-submit = 退回的年报已改好，可以重新报送。
org-btn-submit = 📤 报送
org-reopened = 已重新打开 { $year } 年度年报，可以继续修改；改好后请发送 /submit 重新报送。

## Review
org-btn-approve = ✅ 审核通过
org-btn-return = ↩️ 退回修改
org-btn-download = 📄 查看年报
org-btn-return-whole = 整份年报
org-return-where = 请选择需要修改的部分：
org-return-which = { $section }：请选择需要修改的位置：
org-return-comment = 请输入退回意见（针对：{ $where }），发送 /cancel 取消。
org-returned-done = 已将「{ $department }」{ $year } 年度年报退回修改。
org-approved-done = 已审核通过「{ $department }」{ $year } 年度年报。
org-no-office = 您不是任何政务公开办的工作人员。

## Summary
org-summary-choose = 汇总 { $year } 年度数据，请选择范围：
org-btn-summary-submitted = 仅已报送的部门
org-btn-summary-all = 全部部门
org-summary-draft = 汇总稿（尚有部门未报送或数据不全，标注为草稿）
org-summary-final = 汇总报告

## Other years
org-export-which = 请注明部门，例如 /export 2024 应急管理局。
org-no-report-year = 没有找到 { $year } 年度的年报。
org-export-year = { $year } 年度年报（{ sup-status }）
org-import-failed = 无法导入该文件：{ $reason }
org-imported = 已导入 { $year } 年度年报（{ $cells } 个单元格），填写 { $current } 年度年报时将作为上年数据使用。

## Administration
org-usage-addoffice = 用法：/addoffice 单位名称
org-usage-adddept = 用法：/adddept 单位名称或编号 部门名称
org-usage-invite = 用法：/invite 单位或部门 officer|supervisor|leader [有效期，如 7d，最长 90d]
org-office-added = 已添加单位「{ $name }」（编号 { $id }）。
org-department-added = 已在「{ $office }」下添加部门「{ $name }」（编号 { $id }）。
org-invite-for = 邀请加入：{ $place }
org-list-office = 🏛 { $name }（{ $id }）：工作人员 { $supervisors } 人，未使用的邀请 { $invitations } 个
org-list-department = { "  " }· { $name }（{ $id }）：填报人 { $officers } 人
org-list-empty = 还没有任何单位。
org-cli-usage =
    用法：npx nianbao admin <子命令>
      add-office <单位名称>
      add-department <单位名称或编号> <部门名称>
      invite <单位或部门> --role officer|supervisor|leader [--expires 7d]
      list
      invitations
      revoke <邀请编号>
      remove-member <用户编号>
      move-department <部门> <单位>
    数据目录：DATA_DIR（默认 ./data）；邀请链接需要 BOT_USERNAME。
