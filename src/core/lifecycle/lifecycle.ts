// Lifecycle transitions applied to a department's report record. A return needs a comment and may
// point at one cell or narrative part; submitting needs hardErrorCount === 0 (the caller checks).
import { z } from "zod";
import { isCellId } from "../report/cells.ts";
import { isNarrativeId } from "../report/narrative.ts";
import { can } from "../org/permissions.ts";
import type { Org } from "../org/org-schema.ts";
import { LIFECYCLE_ACTIONS, PERMISSION_OF, STATUSES, transitionFor, type LifecycleAction, type Party, type Status } from "./transitions.ts";

/** What a return points at: one cell (t3.new.natural) or one narrative part (s5.problems). */
export const JumpSchema = z.object({ cell: z.string().optional(), part: z.string().optional() }).strict();
export type Jump = Readonly<z.infer<typeof JumpSchema>>;

/** One step in a report's history, as the app stores it (lifecycle/<departmentId>.json). */
export const LifecycleEventSchema = z.object({
  action: z.enum(LIFECYCLE_ACTIONS),
  from: z.enum(STATUSES),
  to: z.enum(STATUSES),
  by: z.string(),
  at: z.string(),
  comment: z.string().optional(),
  target: JumpSchema.optional(),
});
export type LifecycleEvent = Readonly<z.infer<typeof LifecycleEventSchema>>;

export interface LifecycleRecord {
  readonly departmentId: string;
  readonly officeId: string;
  readonly year: number;
  readonly status: Status;
  readonly updatedAt: string;
  /** Oldest first. */
  readonly history: readonly LifecycleEvent[];
}

export interface TransitionOptions {
  /** Telegram user id of the actor. */
  readonly by: string;
  /** The party the actor acts for (from partyOf). */
  readonly as: Party;
  /** ISO instant. */
  readonly at: string;
  readonly comment?: string;
  readonly target?: Jump;
  /** Hard-rule violations of the report right now; required to submit. */
  readonly hardErrorCount?: number;
}

export type TransitionErrorCode = "not-allowed" | "wrong-party" | "not-clean" | "comment-required" | "unknown-target";

export interface TransitionResult {
  readonly record: LifecycleRecord;
  readonly event: LifecycleEvent;
}

export type TransitionOutcome =
  | { ok: true; result: TransitionResult }
  | { ok: false; error: TransitionErrorCode; params?: Record<string, string | number> };

export function newRecord(init: { departmentId: string; officeId: string; year: number; at: string }): LifecycleRecord {
  return { ...init, status: "draft", updatedAt: init.at, history: [] };
}

/** The party a user may act as for this action on this record, or null when they may not. */
export function partyOf(org: Org, userId: string, record: LifecycleRecord, action: LifecycleAction, adminIds: readonly string[]): Party | null {
  const transition = transitionFor(record.status, action);
  if (transition === undefined) return null;
  const allowed = can(org, userId, PERMISSION_OF[action], { officeId: record.officeId, departmentId: record.departmentId }, adminIds);
  return allowed ? transition.who : null;
}

function targetProblem(target: Jump | undefined): boolean {
  if (target === undefined) return false;
  if (target.cell !== undefined && !isCellId(target.cell)) return true;
  if (target.part !== undefined && !isNarrativeId(target.part)) return true;
  return target.cell !== undefined && target.part !== undefined;
}

export function transition(record: LifecycleRecord, action: LifecycleAction, options: TransitionOptions): TransitionOutcome {
  const found = transitionFor(record.status, action);
  if (found === undefined) return { ok: false, error: "not-allowed", params: { status: record.status, action } };
  if (found.who !== options.as) return { ok: false, error: "wrong-party", params: { action } };
  if (action === "submit" && options.hardErrorCount !== 0) {
    return { ok: false, error: "not-clean", params: { count: options.hardErrorCount ?? -1 } };
  }
  const comment = options.comment?.trim() || undefined;
  if (action === "return" && comment === undefined) return { ok: false, error: "comment-required" };
  if (targetProblem(options.target)) return { ok: false, error: "unknown-target" };
  const event: LifecycleEvent = {
    action,
    from: record.status,
    to: found.to,
    by: options.by,
    at: options.at,
    ...(comment === undefined ? {} : { comment }),
    ...(options.target === undefined ? {} : { target: options.target }),
  };
  const next: LifecycleRecord = { ...record, status: found.to, updatedAt: options.at, history: [...record.history, event] };
  return { ok: true, result: { record: next, event } };
}
