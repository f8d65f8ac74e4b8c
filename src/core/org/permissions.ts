// Who may do what, as data. Each role reaches a fixed scope; a target {} means "the whole
// installation" (only "any" covers it); a department target implies its office.
import { departmentById, memberOfficeId, membershipsOf } from "./org-ops.ts";
import type { Member, Org, Role } from "./org-schema.ts";

/** Leaders (分管领导 of an office) read everything of their office and change nothing. */
export const SCOPE_OF_ROLE: Readonly<Record<Role, "department" | "office" | "any">> = {
  admin: "any",
  officer: "department",
  supervisor: "office",
  leader: "office",
};

/** Who may do what: the actions are this table's keys. */
const PERMISSIONS = {
  fillReport: ["admin", "officer"],
  viewReport: ["admin", "officer", "supervisor", "leader"],
  exportReport: ["admin", "officer", "supervisor", "leader"],
  submitReport: ["admin", "officer"],
  // Returning and approving is the office's review of a department's submission.
  returnReport: ["admin", "supervisor"],
  approveReport: ["admin", "supervisor"],
  // An approved report is reopened by the department itself (the supervisor is told).
  reopenReport: ["admin", "officer"],
  viewStatus: ["admin", "supervisor", "leader"],
  viewSummary: ["admin", "supervisor", "leader"],
  invite: ["admin", "supervisor"],
  manageOrg: ["admin", "supervisor"],
} satisfies Readonly<Record<string, readonly Role[]>>;
export type Action = keyof typeof PERMISSIONS;

export interface Target {
  readonly officeId?: string;
  readonly departmentId?: string;
}

function covers(org: Org, member: Member, target: Target, targetOffice: string | undefined): boolean {
  const scope = SCOPE_OF_ROLE[member.role];
  if (scope === "any") return true;
  if (scope === "department") return target.departmentId !== undefined && member.departmentId === target.departmentId;
  const own = memberOfficeId(org, member);
  return own !== undefined && targetOffice !== undefined && own === targetOffice;
}

export function isAdmin(org: Org, userId: string, adminIds: readonly string[]): boolean {
  return adminIds.includes(userId) || membershipsOf(org, userId).some((member) => member.role === "admin");
}

/** The office's review of a submission: never by someone of the department under review. */
const REVIEW_ACTIONS: ReadonlySet<Action> = new Set(["returnReport", "approveReport"]);

export function can(org: Org, userId: string, action: Action, target: Target, adminIds: readonly string[]): boolean {
  const roles: readonly Role[] = PERMISSIONS[action];
  if (REVIEW_ACTIONS.has(action) && target.departmentId !== undefined && membershipsOf(org, userId).some((member) => member.departmentId === target.departmentId)) {
    return false;
  }
  if (isAdmin(org, userId, adminIds) && roles.includes("admin")) return true;
  let targetOffice = target.officeId;
  if (target.departmentId !== undefined) {
    const department = departmentById(org, target.departmentId);
    // An unknown department, or one that is not in the named office, is nobody's but an admin's.
    if (department === undefined || (targetOffice !== undefined && targetOffice !== department.officeId)) return false;
    targetOffice = department.officeId;
  }
  return membershipsOf(org, userId).some((member) => roles.includes(member.role) && covers(org, member, target, targetOffice));
}
