// Who may do what, as data. A grant names a role and the scope it covers relative to the member:
// "department" = the member's own department, "office" = any department of (or the office itself
// the member belongs to), "any" = everywhere. Admins are the Telegram ids in ADMIN_IDS (passed in)
// or members with role "admin". A target is the thing acted on: a department implies its office;
// an empty target ({}) means "the whole installation" and only an "any" grant covers it.
import { departmentById, memberOfficeId, membershipsOf } from "./org-ops.ts";
import type { Member, Org, Role } from "./org-schema.ts";

export const ACTIONS = [
  "fillReport",
  "viewReport",
  "exportReport",
  "submitReport",
  "returnReport",
  "approveReport",
  "reopenReport",
  "viewStatus",
  "viewSummary",
  "invite",
  "manageOrg",
] as const;
export type Action = (typeof ACTIONS)[number];

export type Scope = "department" | "office" | "any";
export interface Grant {
  readonly role: Role;
  readonly scope: Scope;
}

const ADMIN: Grant = { role: "admin", scope: "any" };
const OFFICER: Grant = { role: "officer", scope: "department" };
const SUPERVISOR: Grant = { role: "supervisor", scope: "office" };
/** Leaders (分管领导 of an office) read everything of their office and change nothing. */
const LEADER: Grant = { role: "leader", scope: "office" };

const PERMISSIONS: Readonly<Record<Action, readonly Grant[]>> = {
  fillReport: [ADMIN, OFFICER],
  viewReport: [ADMIN, OFFICER, SUPERVISOR, LEADER],
  exportReport: [ADMIN, OFFICER, SUPERVISOR, LEADER],
  submitReport: [ADMIN, OFFICER],
  // Returning and approving is the office's review of a department's submission.
  returnReport: [ADMIN, SUPERVISOR],
  approveReport: [ADMIN, SUPERVISOR],
  // An approved report is reopened by the department itself (the supervisor is told).
  reopenReport: [ADMIN, OFFICER],
  viewStatus: [ADMIN, SUPERVISOR, LEADER],
  viewSummary: [ADMIN, SUPERVISOR, LEADER],
  invite: [ADMIN, SUPERVISOR],
  manageOrg: [ADMIN, SUPERVISOR],
};

export interface Target {
  readonly officeId?: string;
  readonly departmentId?: string;
}

function covers(org: Org, member: Member, scope: Scope, target: Target, targetOffice: string | undefined): boolean {
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
  const grants = PERMISSIONS[action];
  if (REVIEW_ACTIONS.has(action) && target.departmentId !== undefined && membershipsOf(org, userId).some((member) => member.departmentId === target.departmentId)) {
    return false;
  }
  if (isAdmin(org, userId, adminIds) && grants.some((grant) => grant.role === "admin")) return true;
  let targetOffice = target.officeId;
  if (target.departmentId !== undefined) {
    const department = departmentById(org, target.departmentId);
    // An unknown department, or one that is not in the named office, is nobody's but an admin's.
    if (department === undefined || (targetOffice !== undefined && targetOffice !== department.officeId)) return false;
    targetOffice = department.officeId;
  }
  return membershipsOf(org, userId).some((member) =>
    grants.some((grant) => grant.role === member.role && covers(org, member, grant.scope, target, targetOffice)),
  );
}
