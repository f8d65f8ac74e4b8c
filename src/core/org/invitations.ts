// One-time invitation codes (a t.me/<bot>?start=<code> link) into an office or department. Only
// hash(code) is stored, so a leaked org.json reveals no usable code; randomness and hash come from the shell.
import { departmentById, invitationOfficeId, memberOfficeId, membershipsOf, officeById } from "./org-ops.ts";
import type { Invitation, InvitationTarget, Member, Org } from "./org-schema.ts";
import { SCOPE_OF_ROLE } from "./permissions.ts";

/** 16 random bytes = 128 bits; a code is 22 characters of [A-Za-z0-9_-]. */
export const CODE_BYTES = 16;
/** Telegram's deep-link start parameter: at most 64 characters of [A-Za-z0-9_-]. */
export const START_PARAM_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;

export type Hash = (text: string) => string;

type InviteErrorCode = "unknown-target" | "role-target-mismatch" | "bad-expiry";
/** "elsewhere": a member of another office; "other-role": one person, one role per office. */
export type RedeemErrorCode = "unknown" | "used" | "expired" | "elsewhere" | "other-role";

/** What an admin asks for; the code, its hash and its use are the invitation's own. */
export type InvitationRequest = Readonly<Pick<Invitation, "target" | "role" | "expiresAt" | "createdBy">>;

/** URL-safe base64 without padding (RFC 4648 §5). */
export function base64Url(bytes: Uint8Array): string {
  return btoa(String.fromCharCode(...bytes)).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

function targetExists(org: Org, target: InvitationTarget): boolean {
  return target.kind === "office" ? officeById(org, target.officeId) !== undefined : departmentById(org, target.departmentId) !== undefined;
}

export function createInvitation(
  org: Org,
  request: InvitationRequest,
  randomBytes: Uint8Array,
  hash: Hash,
): { ok: true; org: Org; code: string; invitation: Invitation } | { ok: false; error: InviteErrorCode } {
  // Too few or too many bytes is a programmer fault, not bad user input.
  if (randomBytes.length < CODE_BYTES || randomBytes.length > 48) throw new Error(`org: invitation code needs 16–48 random bytes, got ${randomBytes.length}`);
  // An invitation leads where the role's scope is; admins (scope "any") come from ADMIN_IDS only.
  if (SCOPE_OF_ROLE[request.role] !== request.target.kind) return { ok: false, error: "role-target-mismatch" };
  if (!targetExists(org, request.target)) return { ok: false, error: "unknown-target" };
  if (Number.isNaN(Date.parse(request.expiresAt))) return { ok: false, error: "bad-expiry" };
  const code = base64Url(randomBytes);
  const invitation: Invitation = {
    codeHash: hash(code),
    target: request.target,
    role: request.role,
    expiresAt: request.expiresAt,
    createdBy: request.createdBy,
  };
  return { ok: true, org: { ...org, invitations: [...org.invitations, invitation] }, code, invitation };
}

function memberFor(invitation: Invitation, userId: string): Member {
  return invitation.target.kind === "office"
    ? { userId, role: invitation.role, officeId: invitation.target.officeId }
    : { userId, role: invitation.role, departmentId: invitation.target.departmentId };
}

function sameMember(a: Member, b: Member): boolean {
  return a.userId === b.userId && a.role === b.role && a.officeId === b.officeId && a.departmentId === b.departmentId;
}

/** Redeems a code at `now` (ISO instant). Hashes are compared, so no constant-time compare is needed. */
export function redeemInvitation(
  org: Org,
  code: string,
  userId: string,
  now: string,
  hash: Hash,
  updateId?: number,
): { ok: true; org: Org; member: Member; invitation: Invitation } | { ok: false; error: RedeemErrorCode } {
  if (!START_PARAM_PATTERN.test(code)) return { ok: false, error: "unknown" };
  const codeHash = hash(code);
  const index = org.invitations.findIndex((invitation) => invitation.codeHash === codeHash);
  const invitation = org.invitations[index];
  if (invitation === undefined) return { ok: false, error: "unknown" };
  // A re-delivered update (a crash, a webhook retry) is the redemption already made, not a reuse.
  if (updateId !== undefined && invitation.usedBy === userId && invitation.usedByUpdate === updateId) return { ok: true, org, member: memberFor(invitation, userId), invitation };
  if (invitation.usedBy !== undefined) return { ok: false, error: "used" };
  if (Date.parse(now) >= Date.parse(invitation.expiresAt)) return { ok: false, error: "expired" };
  const member = memberFor(invitation, userId);
  // A code is a bearer token: one leaked to a member of another office must not make them a
  // member here too (they would gain this office's reports while still working for their own).
  const office = memberOfficeId(org, member);
  if (membershipsOf(org, userId).some((existing) => memberOfficeId(org, existing) !== office)) return { ok: false, error: "elsewhere" };
  // An officer who became their office's supervisor would review (approve) their own report.
  if (membershipsOf(org, userId).some((existing) => existing.role !== member.role)) return { ok: false, error: "other-role" };
  const used: Invitation = { ...invitation, usedBy: userId, usedAt: now, ...(updateId === undefined ? {} : { usedByUpdate: updateId }) };
  const invitations = org.invitations.map((existing, i) => (i === index ? used : existing));
  const members = org.members.some((existing) => sameMember(existing, member)) ? org.members : [...org.members, member];
  return { ok: true, org: { ...org, invitations, members }, member, invitation: used };
}

/** Invitations still redeemable at `now`, optionally only those pointing into one office. */
export function openInvitations(org: Org, now: string, officeId?: string): Invitation[] {
  return org.invitations.filter(
    (invitation) =>
      invitation.usedBy === undefined &&
      Date.parse(now) < Date.parse(invitation.expiresAt) &&
      (officeId === undefined || invitationOfficeId(org, invitation) === officeId),
  );
}
