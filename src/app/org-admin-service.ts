// Organisation housekeeping for the bot's admin commands (and any other shell): list and revoke
// open invitations, remove a person, move a department. Edits go through editOrg (org-service.ts),
// the same atomic update of org.json as adding offices; who may do what is the caller's check.
import { invitationOfficeId, invitationRef, moveDepartment, removeMember, revokeInvitation, type AdminErrorCode } from "../core/org/org-admin-ops.ts";
import { localDate } from "../core/deadline/shanghai.ts";
import { openInvitations } from "../core/org/invitations.ts";
import type { Line } from "../core/summary/line.ts";
import type { Invitation, Member, Org } from "../core/org/org-schema.ts";
import type { App } from "./app.ts";
import { departmentByRef, editOrg, officeByRef, placeOf } from "./org-service.ts";

export interface OrgAdminService {
  revokeInvitation(ref: string): Promise<{ ok: true; invitation: Invitation } | { ok: false; error: AdminErrorCode }>;
  /** All the person's memberships, or only those in one office. */
  removeMember(userId: string, officeId?: string): Promise<{ ok: true; removed: Member[] } | { ok: false; error: AdminErrorCode }>;
  /** Department and office by name or id. */
  moveDepartment(departmentRef: string, officeRef: string): Promise<{ ok: true; department: string; from: string; to: string } | { ok: false; error: AdminErrorCode }>;
}

export function createOrgAdminService(app: Pick<App, "store">): OrgAdminService {
  return {
    async revokeInvitation(ref) {
      const out = await editOrg(app, (org) => {
        const revoked = revokeInvitation(org, ref);
        return revoked.ok ? { ok: true, org: revoked.org, result: revoked.invitation } : revoked;
      });
      return out.ok ? { ok: true, invitation: out.result } : out;
    },

    async removeMember(userId, officeId) {
      const out = await editOrg(app, (org) => {
        const removed = removeMember(org, userId.trim(), officeId);
        return removed.ok ? { ok: true, org: removed.org, result: removed.removed } : removed;
      });
      return out.ok ? { ok: true, removed: out.result } : out;
    },

    async moveDepartment(departmentRef, officeRef) {
      const out = await editOrg(app, (org) => {
        const department = departmentByRef(org, departmentRef);
        const office = officeByRef(org, officeRef);
        if (department === undefined) return { ok: false, error: "unknown-department" as const };
        if (office === undefined) return { ok: false, error: "unknown-office" as const };
        const from = officeByRef(org, department.officeId)?.name ?? department.officeId;
        const moved = moveDepartment(org, department.id, office.id);
        return moved.ok ? { ok: true, org: moved.org, result: { department: department.name, from, to: office.name } } : moved;
      });
      return out.ok ? { ok: true, ...out.result } : out;
    },
  };
}

/** Open invitations as lines (org-invitation-* keys), optionally one office only. */
export function invitationLines(org: Org, now: string, officeId?: string): Line[] {
  const open = openInvitations(org, now, officeId);
  if (open.length === 0) return [{ key: "org-invitations-none", params: {} }];
  return open.map((invitation) => {
    const target = invitation.target;
    const place = target.kind === "office" ? placeOf(org, { officeId: target.officeId }) : placeOf(org, { departmentId: target.departmentId });
    return { key: "org-invitation-line", params: { ref: invitationRef(invitation), role: invitation.role, place, expires: localDate(invitation.expiresAt) } };
  });
}

export { invitationOfficeId };
