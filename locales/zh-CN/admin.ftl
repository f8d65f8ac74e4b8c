# 在聊天中管理组织：/whoami、/invitations、/revoke、/removemember、/movedept。

org-whoami = 您的 Telegram 用户编号是 { $id }。
    { $status ->
        [admin] 您是本机器人的管理员。
        [member] 您已加入某个单位或部门。
       *[none] 如需设为管理员，请运行机器人的同事把这个编号加入 ADMIN_IDS 并重启。
    }
org-invitations-none = 目前没有未使用的邀请。
org-invitation-line = #{ $ref } · { sup-role } → { $place }，有效期至 { $expires }
org-usage-revoke = 用法：/revoke 邀请编号（/invitations 列出的 #…）
org-usage-removemember = 用法：/removemember 数字用户编号（对方发送 /whoami 即可查到）
org-usage-movedept = 用法：/movedept 部门名称或编号 单位名称或编号
org-invitation-revoked = 邀请 #{ $ref } 已作废，链接不再有效。
org-member-removed = 已移除用户 { $id }（{ $count } 项身份）。其部门的年报仍保留，邀请新的填报人即可继续。
org-department-moved = 部门“{ $name }”已从“{ $from }”调整到“{ $to }”，今后由该单位审核其年报。
org-admin-error-unknown-invitation = 没有这个编号的未使用邀请；发送 /invitations 查看。
org-admin-error-ambiguous-invitation = 有多个邀请以此编号开头，请多输入几位。
org-admin-error-unknown-member = 该用户不是这里的成员。
org-admin-error-unknown-office = 没有这个单位。
org-admin-error-unknown-department = 没有这个部门。
org-admin-error-same-office = 该部门已经属于这个单位。
