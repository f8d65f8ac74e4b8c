// Pure edits and views of the organisation. Every edit returns a new Org or a typed error; the
// store persists the result. Ids come in from the caller (the core makes none up). Invitations are named
// by a short reference (their code's hash starts with it: the code itself is never stored nor shown again).
import { hasHiddenCharacters } from "../report/names.ts";
import type { Department, Invitation, Member, Office, Org } from "./org-schema.ts";

type OrgErrorCode = "duplicate-id" | "unknown-office" | "unknown-department" | "empty-name" | "bad-name";
type OrgEdit = { ok: true; org: Org } | { ok: false; error: OrgErrorCode };

/** A department's name is printed as the agency in the report title: one short line. */
const NAME_MAX_CHARS = 60;
// Hidden characters (the org file's schema refuses them too) and noncharacters would garble titles and lists.
const NONCHARACTER = /[\uFFFE\uFFFF]/u;

function nameProblem(name: string): OrgErrorCode | undefined {
  const text = name.trim();
  if (text === "") return "empty-name";
  return hasHiddenCharacters(text) || NONCHARACTER.test(text) || [...text].length > NAME_MAX_CHARS ? "bad-name" : undefined;
}

export function addOffice(org: Org, office: Office): OrgEdit {
  const problem = nameProblem(office.name);
  if (problem !== undefined) return { ok: false, error: problem };
  if (org.offices.some((existing) => existing.id === office.id)) return { ok: false, error: "duplicate-id" };
  return { ok: true, org: { ...org, offices: [...org.offices, { id: office.id, name: office.name.trim() }] } };
}

export function addDepartment(org: Org, department: Department): OrgEdit {
  const problem = nameProblem(department.name);
  if (problem !== undefined) return { ok: false, error: problem };
  if (!org.offices.some((office) => office.id === department.officeId)) return { ok: false, error: "unknown-office" };
  if (org.departments.some((existing) => existing.id === department.id)) return { ok: false, error: "duplicate-id" };
  const added: Department = { id: department.id, officeId: department.officeId, name: department.name.trim() };
  return { ok: true, org: { ...org, departments: [...org.departments, added] } };
}

export function officeById(org: Org, officeId: string): Office | undefined {
  return org.offices.find((office) => office.id === officeId);
}

export function departmentById(org: Org, departmentId: string): Department | undefined {
  return org.departments.find((department) => department.id === departmentId);
}

/** Departments of one office, in the order they were added. */
export function departmentsOf(org: Org, officeId: string): Department[] {
  return org.departments.filter((department) => department.officeId === officeId);
}

/** The office a membership belongs to: its own officeId, or its department's office. */
export function memberOfficeId(org: Org, member: Member): string | undefined {
  if (member.officeId !== undefined) return member.officeId;
  return member.departmentId === undefined ? undefined : departmentById(org, member.departmentId)?.officeId;
}

/** Every membership of one Telegram user (a person may hold several). */
export function membershipsOf(org: Org, userId: string): Member[] {
  return org.members.filter((member) => member.userId === userId);
}

export function officersOf(org: Org, departmentId: string): string[] {
  return unique(org.members.filter((m) => m.role === "officer" && m.departmentId === departmentId).map((m) => m.userId));
}

export function supervisorsOf(org: Org, officeId: string): string[] {
  return unique(org.members.filter((m) => m.role === "supervisor" && memberOfficeId(org, m) === officeId).map((m) => m.userId));
}

function unique(ids: readonly string[]): string[] {
  return [...new Set(ids)];
}

type AdminErrorCode = "unknown-invitation" | "ambiguous-invitation" | "unknown-member" | "unknown-office" | "unknown-department" | "same-office";

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

/** All a person's memberships, or those in one office; their reports stay for the department's next officer. */
export function removeMember(org: Org, userId: string, officeId?: string): { ok: true; org: Org; removed: Member[] } | { ok: false; error: AdminErrorCode } {
  const inScope = (member: Member): boolean => member.userId === userId && (officeId === undefined || memberOfficeId(org, member) === officeId);
  const removed = org.members.filter(inScope);
  if (removed.length === 0) return { ok: false, error: "unknown-member" };
  return { ok: true, org: { ...org, members: org.members.filter((member) => !inScope(member)) }, removed };
}

/** Its officers, reports and open invitations point at the department, so they all move with it. */
export function moveDepartment(org: Org, departmentId: string, officeId: string): { ok: true; org: Org } | { ok: false; error: AdminErrorCode } {
  const department = departmentById(org, departmentId);
  if (department === undefined) return { ok: false, error: "unknown-department" };
  if (officeById(org, officeId) === undefined) return { ok: false, error: "unknown-office" };
  if (department.officeId === officeId) return { ok: false, error: "same-office" };
  const departments = org.departments.map((existing) => (existing.id === departmentId ? { ...existing, officeId } : existing));
  return { ok: true, org: { ...org, departments } };
}
