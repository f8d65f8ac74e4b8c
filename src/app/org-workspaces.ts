// Organisation mode's ResolveWorkspace: an officer works on their department's report; the year is
// the one being collected (campaignYear: the previous Shanghai year, the current one from November)
// unless the session chose another year of the same department (session.currentReport). Anyone else
// is a "stranger" and only gets the explanation of how to be invited (supervisors use /status and
// /summary, not the interview).
import { campaignYear } from "../core/deadline/calendar.ts";
import { departmentById, membershipsOf } from "../core/org/org-ops.ts";
import type { Org } from "../core/org/org-schema.ts";
import type { App } from "./app.ts";
import type { ResolveWorkspace } from "./workspace.ts";

export function orgWorkspaces(app: Pick<App, "store">, org: () => Promise<Org>): ResolveWorkspace {
  return async (userId, at) => {
    const current = await org();
    // The department of their first officer membership.
    const department = membershipsOf(current, userId)
      .map((member) => (member.role === "officer" && member.departmentId !== undefined ? departmentById(current, member.departmentId) : undefined))
      .find((found) => found !== undefined);
    if (department === undefined) return { kind: "stranger" };
    const chosen = (await app.store.user(userId).read()).currentReport;
    const year = chosen !== undefined && chosen.departmentId === department.id ? chosen.year : campaignYear(at);
    return { kind: "ready", workspace: { departmentId: department.id, officeId: department.officeId, agency: department.name, year } };
  };
}
