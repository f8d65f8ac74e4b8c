# Running the organisation from the chat: /whoami, /invitations, /revoke, /removemember, /movedept.

org-whoami = Your Telegram user id is { $id }.
    { $status ->
        [admin] You are an administrator of this bot.
        [member] You are a member of an office or department.
       *[none] To make someone an administrator, the person running the bot adds this number to ADMIN_IDS and restarts it.
    }
org-invitations-none = There are no unused invitations.
org-invitation-line = #{ $ref } · { sup-role } → { $place }, valid until { $expires }
org-usage-revoke = Usage: /revoke reference (the #… shown by /invitations)
org-usage-removemember = Usage: /removemember numeric-user-id (they find it with /whoami)
org-usage-movedept = Usage: /movedept department-name-or-id office-name-or-id
org-invitation-revoked = Invitation #{ $ref } revoked: its link no longer works.
org-member-removed = User { $id } removed ({ $count } membership(s)). Their department's reports stay; invite a new officer to continue them.
org-department-moved = Department “{ $name }” moved from “{ $from }” to “{ $to }”; that office now reviews its reports.
org-admin-error-unknown-invitation = No unused invitation has that reference; send /invitations to see them.
org-admin-error-ambiguous-invitation = Several invitations start with that reference; type more of it.
org-admin-error-unknown-member = That user is not a member here.
org-admin-error-unknown-office = No such office.
org-admin-error-unknown-department = No such department.
org-admin-error-same-office = The department already belongs to that office.
