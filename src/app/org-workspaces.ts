// Organisation mode's ResolveWorkspace: an officer works on their department's report; the year is
// the one being collected (campaignYear: the previous Shanghai year, the current one from November) unless the session chose
// another year of the same department (session.currentReport). Anyone else is a "stranger" and only
// gets the explanation of how to be invited (supervisors use /status and /summary, not the interview).
import { campaignYear } from "../core/deadline/calendar.ts";
import { departmentById, membershipsOf } from "../core/org/org-ops.ts";
import type { Org } from "../core/org/org-schema.ts";
import type { App } from "./app.ts";
import type { ResolveWorkspace, Workspace } from "./workspace.ts";

/** The department an officer fills (their first officer membership), or undefined. */
export function officerDepartment(org: Org, userId: string): { departmentId: string; officeId: string; name: string } | undefined {
  for (const member of membershipsOf(org, userId)) {
    if (member.role !== "officer" || member.departmentId === undefined) continue;
    const department = departmentById(org, member.departmentId);
    if (department !== undefined) return { departmentId: department.id, officeId: department.officeId, name: department.name };
  }
  return undefined;
}

export function workspaceFor(org: Org, userId: string, at: string, chosen?: { departmentId: string; year: number }): Workspace | undefined {
  const department = officerDepartment(org, userId);
  if (department === undefined) return undefined;
  const year = chosen !== undefined && chosen.departmentId === department.departmentId ? chosen.year : campaignYear(at);
  return { departmentId: department.departmentId, officeId: department.officeId, agency: department.name, year };
}

export function orgWorkspaces(app: Pick<App, "store">, org: () => Promise<Org>): ResolveWorkspace {
  return async (userId, at) => {
    const current = await org();
    if (officerDepartment(current, userId) === undefined) return { kind: "stranger" };
    const session = await app.store.user(userId).read();
    const workspace = workspaceFor(current, userId, at, session.currentReport);
    return workspace === undefined ? { kind: "stranger" } : { kind: "ready", workspace };
  };
}
