// Which report a user works on. Personal mode (each user fills their own agency's report, so one
// office needs no set-up) until ADMIN_IDS is set or org.json has an office; then organisation mode.
import { campaignYear } from "../core/deadline/calendar.ts";
import { departmentById, membershipsOf } from "../core/org/org-ops.ts";
import type { Org } from "../core/org/org-schema.ts";
import { hasHiddenCharacters } from "../core/report/names.ts";
import type { App } from "./app.ts";
import { createOrgService } from "./org-service.ts";
import type { Store } from "./store-port.ts";
import { readSession } from "./user-session.ts";

export interface Workspace {
  /** Store key of the department (ASCII: [A-Za-z0-9_-]{1,64}). */
  readonly departmentId: string;
  readonly officeId?: string;
  /** The agency name printed in the title, e.g. 奉化区应急管理局. */
  readonly agency: string;
  /** The report year being worked on (the previous calendar year in Asia/Shanghai by default). */
  readonly year: number;
}

export type WorkspaceResult =
  | { readonly kind: "ready"; readonly workspace: Workspace }
  /** Personal mode, first contact: ask the agency name, then `ready`. */
  | { readonly kind: "needs-agency" }
  /** Organisation mode, not a member: explain how to get an invitation; nothing else. */
  | { readonly kind: "stranger" };

/** `at` is the current ISO instant (the year defaults from it). */
export type ResolveWorkspace = (userId: string, at: string) => Promise<WorkspaceResult>;

// Organisation mode: an officer's department (first officer membership), in the year being collected.
// Supervisors use /status, not the interview.
export function orgWorkspaces(org: () => Promise<Org>): ResolveWorkspace {
  return async (userId, at) => {
    const current = await org();
    const department = membershipsOf(current, userId)
      .map((member) => (member.role === "officer" && member.departmentId !== undefined ? departmentById(current, member.departmentId) : undefined))
      .find((found) => found !== undefined);
    if (department === undefined) return { kind: "stranger" };
    const workspace = { departmentId: department.id, officeId: department.officeId, agency: department.name, year: campaignYear(at) };
    return { kind: "ready", workspace };
  };
}

// Personal mode: the agency name is asked once and kept in the user's session; the department is the user.
export const AGENCY_MIN_CHARS = 2;
export const AGENCY_MAX_CHARS = 60;

type AgencyCheck = { ok: true; agency: string } | { ok: false; problem: "length" | "control" };

/** An agency name as typed: one line of 2–60 characters without control or invisible format characters. */
export function checkAgency(text: string): AgencyCheck {
  const agency = text.trim();
  if (hasHiddenCharacters(agency)) return { ok: false, problem: "control" };
  const chars = [...agency].length;
  if (chars < AGENCY_MIN_CHARS || chars > AGENCY_MAX_CHARS) return { ok: false, problem: "length" };
  return { ok: true, agency };
}

/** Store key of a personal-mode user's department. */
export function personalDepartmentId(userId: string): string {
  return `p${userId}`;
}

export function personalWorkspaces(store: Store): ResolveWorkspace {
  return async (userId, at) => {
    const { agency } = await readSession(store, userId);
    // A name kept before invisible characters were refused is asked again rather than carried into a report.
    if (agency === undefined || hasHiddenCharacters(agency)) return { kind: "needs-agency" };
    // The report being collected is the previous calendar year in Asia/Shanghai (条例 第四十九条).
    return { kind: "ready", workspace: { departmentId: personalDepartmentId(userId), agency, year: campaignYear(at) } };
  };
}

export type AppBase = Omit<App, "workspaces">;

export async function chooseWorkspaces(app: AppBase): Promise<ResolveWorkspace> {
  const org = createOrgService(app);
  const organisation = orgWorkspaces(() => org.org());
  if (app.adminIds.length > 0) return organisation;
  const personal = personalWorkspaces(app.store);
  // Decided per request: an office added over the control socket switches mode without a restart.
  return async (userId, at) => ((await org.org()).offices.length > 0 ? organisation(userId, at) : personal(userId, at));
}
