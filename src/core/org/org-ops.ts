// Pure edits and views of the organisation. Every edit returns a new Org or a typed error; the
// store persists the result. Ids come in from the caller (the core makes none up).
import type { Department, Member, Office, Org } from "./org-schema.ts";

export type OrgErrorCode = "duplicate-id" | "unknown-office" | "unknown-department" | "empty-name" | "bad-name";
export type OrgEdit = { ok: true; org: Org } | { ok: false; error: OrgErrorCode };

/** A department's name is printed as the agency in the report title: one short line. */
const NAME_MAX_CHARS = 60;
// Control characters and bidi overrides/isolates (U+202A–202E, U+2066–2069) would garble titles and lists.
const UNPRINTABLE = /[\p{Cc}‪-‮⁦-⁩￾￿]/u;

function nameProblem(name: string): OrgErrorCode | undefined {
  const text = name.trim();
  if (text === "") return "empty-name";
  return UNPRINTABLE.test(text) || [...text].length > NAME_MAX_CHARS ? "bad-name" : undefined;
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
