// The report's lifecycle as data: draft → submitted → (returned → submitted)* → approved, and an
// approved report reopened as a draft by its department. Reference: 条例 第四十九条 (departments
// submit to the 政务公开 office, which reviews).
import type { Action } from "../org/permissions.ts";

export const STATUSES = ["draft", "submitted", "returned", "approved"] as const;
export type Status = (typeof STATUSES)[number];

export const LIFECYCLE_ACTIONS = ["submit", "return", "approve", "reopen"] as const;
export type LifecycleAction = (typeof LIFECYCLE_ACTIONS)[number];

/** Who acts: the department that writes the report, or the office that supervises it. */
export type Party = "department" | "office";

export interface Transition {
  readonly from: Status;
  readonly action: LifecycleAction;
  readonly to: Status;
  readonly who: Party;
  /** What the other party is told (supervision.ftl). */
  readonly notify: string;
}

/** The permission a user needs (see PERMISSIONS) to take an action, whatever the status it starts from. */
export const PERMISSION_OF: Readonly<Record<LifecycleAction, Action>> = {
  submit: "submitReport",
  return: "returnReport",
  approve: "approveReport",
  reopen: "reopenReport",
};

export const TRANSITIONS: readonly Transition[] = [
  { from: "draft", action: "submit", to: "submitted", who: "department", notify: "sup-notify-submitted" },
  { from: "returned", action: "submit", to: "submitted", who: "department", notify: "sup-notify-resubmitted" },
  { from: "submitted", action: "return", to: "returned", who: "office", notify: "sup-notify-returned" },
  { from: "submitted", action: "approve", to: "approved", who: "office", notify: "sup-notify-approved" },
  { from: "approved", action: "reopen", to: "draft", who: "department", notify: "sup-notify-reopened" },
];

/** Submitted or approved: the department has delivered (no more reminders). */
export function isDelivered(status: Status | undefined): boolean {
  return status === "submitted" || status === "approved";
}

export function transitionFor(from: Status, action: LifecycleAction): Transition | undefined {
  return TRANSITIONS.find((transition) => transition.from === from && transition.action === action);
}
