// Who hears about a lifecycle step, as data for the shells (texts: sup-notify-*). A return carries
// its jump (cell or narrative part) so a button can open exactly that question.
import { cellLabel } from "../report/cells.ts";
import { NARRATIVE_PARTS, SECTIONS } from "../report/narrative.ts";
import { departmentById, officersOf, supervisorsOf } from "../org/org-ops.ts";
import type { Org } from "../org/org-schema.ts";
import type { Jump, LifecycleRecord, TransitionResult } from "./lifecycle.ts";
import { transitionFor } from "./transitions.ts";

export type Audience = "supervisors-of-office" | "officers-of-department";

export interface Notification {
  readonly to: Audience;
  readonly key: string;
  readonly params: Readonly<Record<string, string | number>>;
  readonly jump?: Jump;
}

/** The official label of what a return points at: a cell label, a part's lead or its section heading. */
function jumpLabel(jump: Jump): { whereKind: "cell" | "part" | "intro"; where: string } {
  if (jump.cell !== undefined) return { whereKind: "cell", where: cellLabel(jump.cell) };
  const part = NARRATIVE_PARTS.find((candidate) => candidate.id === jump.part);
  if (part === undefined || part.section === null) return { whereKind: "intro", where: "" };
  const heading = SECTIONS.find((section) => section.key === part.section)?.heading ?? "";
  return { whereKind: "part", where: `${heading}${part.lead ?? ""}` };
}

export function notificationsFor(result: TransitionResult, org: Org): Notification[] {
  const { record, event } = result;
  const step = transitionFor(event.from, event.action);
  if (step === undefined) return [];
  // A step is told to the other party: the department's to the office, the office's to the department.
  const to: Audience = step.who === "department" ? "supervisors-of-office" : "officers-of-department";
  const base = { department: departmentById(org, record.departmentId)?.name ?? record.departmentId, year: String(record.year) };
  const comment = event.comment ?? "";
  if (event.action === "submit") return [{ to, key: step.notify, params: base }];
  if (event.action !== "return") return [{ to, key: step.notify, params: { ...base, comment, hasComment: comment === "" ? "no" : "yes" } }];
  if (event.target === undefined) return [{ to, key: step.notify, params: { ...base, comment, whereKind: "none", where: "" } }];
  return [{ to, key: step.notify, params: { ...base, comment, ...jumpLabel(event.target) }, jump: event.target }];
}

/** The Telegram user ids a notification goes to. */
export function recipientsOf(notification: Notification, record: LifecycleRecord, org: Org): string[] {
  return notification.to === "supervisors-of-office" ? supervisorsOf(org, record.officeId) : officersOf(org, record.departmentId);
}
