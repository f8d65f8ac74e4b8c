// Personal mode (no organisation configured): every user fills their own agency's report. The
// agency name is asked once and kept in the user's session; the department is the user itself.
import { campaignYear } from "../core/deadline/calendar.ts";
import { hasHiddenCharacters } from "../core/report/names.ts";
import type { Store } from "./store-port.ts";
import { readSession } from "./user-session.ts";
import type { ResolveWorkspace } from "./workspace.ts";

export const AGENCY_MIN_CHARS = 2;
export const AGENCY_MAX_CHARS = 60;

export type AgencyCheck = { ok: true; agency: string } | { ok: false; problem: "length" | "control" };

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
