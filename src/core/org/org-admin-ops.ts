// The organisation's housekeeping, pure: revoke an open invitation, remove a person's memberships,
// move a department to another office. Invitations are named by a short reference (the first
// characters of their code's hash: the code itself is never stored and must never be shown again).
import { departmentById, memberOfficeId, officeById } from "./org-ops.ts";
import type { Invitation, Member, Org } from "./org-schema.ts";

export type AdminErrorCode = "unknown-invitation" | "ambiguous-invitation" | "unknown-member" | "unknown-office" | "unknown-department" | "same-office";

/** Characters of the code's hash shown as an invitation's reference. */
const INVITATION_REF_CHARS = 8;

export function invitationRef(invitation: Pick<Invitation, "codeHash">): string {
  return invitation.codeHash.slice(0, INVITATION_REF_CHARS);
}

/** The office an invitation leads into. */
export function invitationOfficeId(org: Org, invitation: Invitation): string | undefined {
  const target = invitation.target;
  return target.kind === "office" ? target.officeId : departmentById(org, target.departmentId)?.officeId;
}

/** The one invitation whose reference starts with `ref` (at least 4 characters). */
export function invitationByRef(org: Org, ref: string): { ok: true; invitation: Invitation } | { ok: false; error: AdminErrorCode } {
  const text = ref.trim().toLowerCase();
  if (!/^[0-9a-f]{4,64}$/.test(text)) return { ok: false, error: "unknown-invitation" };
  const found = org.invitations.filter((invitation) => invitation.usedBy === undefined && invitation.codeHash.startsWith(text));
  if (found.length > 1) return { ok: false, error: "ambiguous-invitation" };
  const [invitation] = found;
  return invitation === undefined ? { ok: false, error: "unknown-invitation" } : { ok: true, invitation };
}

/** Drops an unused invitation: its link then answers like any unknown code. */
export function revokeInvitation(org: Org, ref: string): { ok: true; org: Org; invitation: Invitation } | { ok: false; error: AdminErrorCode } {
  const found = invitationByRef(org, ref);
  if (!found.ok) return found;
  return { ok: true, org: { ...org, invitations: org.invitations.filter((invitation) => invitation !== found.invitation) }, invitation: found.invitation };
}

/**
 * Removes a person's memberships, all of them or only those in one office (a supervisor's reach).
 * Their reports stay with the department: the next officer invited there continues them.
 */
export function removeMember(org: Org, userId: string, officeId?: string): { ok: true; org: Org; removed: Member[] } | { ok: false; error: AdminErrorCode } {
  const inScope = (member: Member): boolean => member.userId === userId && (officeId === undefined || memberOfficeId(org, member) === officeId);
  const removed = org.members.filter(inScope);
  if (removed.length === 0) return { ok: false, error: "unknown-member" };
  return { ok: true, org: { ...org, members: org.members.filter((member) => !inScope(member)) }, removed };
}

/**
 * Moves a department (with its officers, reports and open invitations, which all point at the
 * department) under another office: that office's supervisors now review it.
 */
export function moveDepartment(org: Org, departmentId: string, officeId: string): { ok: true; org: Org } | { ok: false; error: AdminErrorCode } {
  const department = departmentById(org, departmentId);
  if (department === undefined) return { ok: false, error: "unknown-department" };
  if (officeById(org, officeId) === undefined) return { ok: false, error: "unknown-office" };
  if (department.officeId === officeId) return { ok: false, error: "same-office" };
  const departments = org.departments.map((existing) => (existing.id === departmentId ? { ...existing, officeId } : existing));
  return { ok: true, org: { ...org, departments } };
}
