// The report lifecycle in the store: the status lives in the report record (so the index and the
// status board see it), the events in lifecycle/<departmentId>.json. Who may act comes from the
// org's PERMISSIONS; submitting runs the checker first. Results carry deliveries (who to tell what)
// for the channel to send; a return's delivery carries `ed:<cell>` data (edit-jump.ts) for a
// button that opens exactly the question to fix.
//
//   createLifecycleService(app, org) → LifecycleService
//     submit(userId, key) / returnReport(userId, key, { comment, target? }) / approve(userId, key, comment?) / reopen(userId, key, comment?)
//       → ActOutcome
//     lifecycle(key) → Promise<LifecycleRecord | undefined>
//     jumpData(jump) → callback data opening that cell's/part's question
import { z } from "zod";
import { newRecord, openReturn, partyOf, transition, type Jump, type LifecycleEvent, type LifecycleRecord, type TransitionErrorCode } from "../core/lifecycle/lifecycle.ts";
import { notificationsFor, recipientsOf } from "../core/lifecycle/notifications.ts";
import { STATUSES, TRANSITIONS, type LifecycleAction, type Status } from "../core/lifecycle/transitions.ts";
import { departmentById } from "../core/org/org-ops.ts";
import type { Org } from "../core/org/org-schema.ts";
import { can, type Action } from "../core/org/permissions.ts";
import { checkReport, missingParts, type MissingParts } from "../core/report/check.ts";
import { errorsOf, type Finding } from "../core/report/findings.ts";
import type { ReportKey, ReportRecord, ReportStatus } from "./report-record.ts";
import type { App } from "./app.ts";
import { editJumpData } from "./edit-jump.ts";
import { rememberUpdate, wasHandled } from "./handled-updates.ts";

/** One message to one person: a Fluent key (supervision.ftl) and, for returns, the jump button. */
export interface Delivery {
  readonly userId: string;
  readonly key: string;
  readonly params: Readonly<Record<string, string | number>>;
  readonly jump?: Jump;
  /** Callback data of the engine's jump (v<version>:j:<n>) for the officer's button. */
  readonly jumpData?: string;
}

export type ActOutcome =
  | { ok: true; record: LifecycleRecord; event: LifecycleEvent; deliveries: Delivery[] }
  | { ok: false; error: "denied"; permission: Action }
  | { ok: false; error: "no-report" }
  | { ok: false; error: "incomplete"; findings: Finding[]; missing: MissingParts }
  | { ok: false; error: TransitionErrorCode; params?: Record<string, string | number> };

/** The chat update asking: the same update delivered again (a crash, a webhook retry) is answered as before and changes nothing. */
export interface Via {
  readonly updateId?: number;
}

export interface LifecycleService {
  submit(userId: string, key: ReportKey, via?: Via): Promise<ActOutcome>;
  returnReport(userId: string, key: ReportKey, options: { comment: string; target?: Jump }, via?: Via): Promise<ActOutcome>;
  approve(userId: string, key: ReportKey, comment?: string, via?: Via): Promise<ActOutcome>;
  reopen(userId: string, key: ReportKey, comment?: string, via?: Via): Promise<ActOutcome>;
  lifecycle(key: ReportKey): Promise<LifecycleRecord | undefined>;
  jumpData(jump: Jump): string | undefined;
}

const EventSchema = z.object({
  action: z.enum(["submit", "return", "approve", "reopen"]),
  from: z.enum(STATUSES),
  to: z.enum(STATUSES),
  by: z.string(),
  at: z.string(),
  comment: z.string().optional(),
  target: z.object({ cell: z.string().optional(), part: z.string().optional() }).strict().optional(),
  /** The chat update that made this step. */
  update: z.number().int().optional(),
});
const LifecycleDocSchema = z.object({ years: z.record(z.string(), z.array(EventSchema)) }).strict();
type LifecycleDoc = z.infer<typeof LifecycleDocSchema>;

export const lifecyclePath = (departmentId: string): string => `lifecycle/${departmentId}.json`;

/** "published" is past approval: for the lifecycle it is approved. */
export function lifecycleStatus(status: ReportStatus): Status {
  return status === "published" ? "approved" : status;
}

/** The permission a lifecycle action needs (the same for every transition of that action). */
function permissionOf(action: LifecycleAction): Action {
  const found = TRANSITIONS.find((candidate) => candidate.action === action);
  if (found === undefined) throw new Error(`lifecycle: no transition for ${action}`);
  return found.permission;
}

/** Engine callback data jumping to the question of a cell or narrative part, for an interview at `version`. */

class Conflict extends Error {}

export function createLifecycleService(app: Pick<App, "store" | "adminIds" | "now">, org: () => Promise<Org>): LifecycleService {
  const doc = (departmentId: string) => app.store.doc<LifecycleDoc>(lifecyclePath(departmentId), LifecycleDocSchema, { years: {} });

  async function load(current: Org, key: ReportKey, stored: ReportRecord): Promise<LifecycleRecord | undefined> {
    const department = departmentById(current, key.departmentId);
    if (department === undefined) return undefined;
    const history = (await doc(key.departmentId).read()).years[String(key.year)] ?? [];
    const base = newRecord({ departmentId: key.departmentId, officeId: department.officeId, year: key.year, at: stored.updatedAt });
    return { ...base, status: lifecycleStatus(stored.status), history: history as LifecycleEvent[] };
  }



  async function act(userId: string, key: ReportKey, action: LifecycleAction, options: { comment?: string; target?: Jump }, at: string): Promise<ActOutcome> {
    const current = await org();
    const permission = permissionOf(action);
    if (!can(current, userId, permission, { departmentId: key.departmentId }, app.adminIds)) return { ok: false, error: "denied", permission };
    const stored = await app.store.reports.getReport(key);
    const record = stored === null ? undefined : await load(current, key, stored);
    if (stored === null || record === undefined) return { ok: false, error: "no-report" };
    const party = partyOf(current, userId, record, action, app.adminIds);
    let hardErrorCount: number | undefined;
    if (action === "submit") {
      const lastYear = (await app.store.reports.getReport({ departmentId: key.departmentId, year: key.year - 1 }))?.report;
      const findings = errorsOf(checkReport(stored.report, lastYear === undefined ? {} : { lastYear }));
      const missing = missingParts(stored.report);
      hardErrorCount = findings.length + missing.cells.length + missing.texts.length;
      if (hardErrorCount > 0 && party !== null) return { ok: false, error: "incomplete", findings, missing };
    }
    const outcome = transition(record, action, {
      by: userId,
      as: party ?? "department",
      at,
      ...(options.comment === undefined ? {} : { comment: options.comment }),
      ...(options.target === undefined ? {} : { target: options.target }),
      ...(hardErrorCount === undefined ? {} : { hardErrorCount }),
    });
    if (!outcome.ok) return outcome;
    return { ok: true, record: outcome.result.record, event: outcome.result.event, deliveries: [] };
  }

  /** Who hears of a step. */
  function deliveriesOf(record: LifecycleRecord, event: LifecycleEvent, current: Org): Delivery[] {
    const deliveries: Delivery[] = [];
    for (const notification of notificationsFor({ record, event }, current)) {
      const data = notification.jump === undefined ? undefined : editJumpData(notification.jump);
      for (const to of recipientsOf(notification, record, current)) {
        deliveries.push({
          userId: to,
          key: notification.key,
          params: notification.params,
          ...(notification.jump === undefined ? {} : { jump: notification.jump }),
          ...(data === undefined ? {} : { jumpData: data }),
        });
      }
    }
    return deliveries;
  }

  /** The step a re-delivered update already made, with its notices again (at least once); undefined when it is new. */
  async function already(key: ReportKey, updateId: number | undefined): Promise<ActOutcome | undefined> {
    if (updateId === undefined) return undefined;
    const stored = await app.store.reports.getReport(key);
    if (stored === null || !wasHandled(stored.handled, updateId)) return undefined;
    const current = await org();
    const record = await load(current, key, stored);
    const event = record?.history.find((candidate) => (candidate as { update?: number }).update === updateId);
    if (record === undefined || event === undefined) return undefined;
    return { ok: true, record, event, deliveries: deliveriesOf(record, event, current) };
  }

  /** Persists a transition computed by act() (re-checking the status), then lists who to tell. */
  async function commit(userId: string, key: ReportKey, action: LifecycleAction, options: { comment?: string; target?: Jump }, via: Via = {}): Promise<ActOutcome> {
    const again = await already(key, via.updateId);
    if (again !== undefined) return again;
    const at = app.now();
    const planned = await act(userId, key, action, options, at);
    if (!planned.ok) return planned;
    const event = planned.event;
    try {
      await app.store.reports.updateReport(
        key,
        (record) => {
          if (lifecycleStatus(record.status) !== event.from) throw new Conflict();
          // The update id goes in the same write as the status: a re-delivery finds it (already()).
          return { report: record.report, status: event.to, interview: record.interview, handled: rememberUpdate(record.handled, via.updateId) };
        },
        { by: `tg:${userId}`, at },
      );
    } catch (error) {
      if (error instanceof Conflict) return { ok: false, error: "not-allowed", params: { status: event.to, action } };
      throw error;
    }
    const stored = { ...event, ...(via.updateId === undefined ? {} : { update: via.updateId }) };
    await doc(key.departmentId).update((lifecycle) => ({
      years: { ...lifecycle.years, [String(key.year)]: [...(lifecycle.years[String(key.year)] ?? []), stored] },
    }));
    const record = planned.record;
    return { ok: true, record, event, deliveries: deliveriesOf(record, event, await org()) };
  }

  return {
    submit: (userId, key, via) => commit(userId, key, "submit", {}, via),
    returnReport: (userId, key, options, via) => commit(userId, key, "return", options, via),
    approve: (userId, key, comment, via) => commit(userId, key, "approve", comment === undefined ? {} : { comment }, via),
    reopen: (userId, key, comment, via) => commit(userId, key, "reopen", comment === undefined ? {} : { comment }, via),
    async lifecycle(key) {
      const stored = await app.store.reports.getReport(key);
      return stored === null ? undefined : load(await org(), key, stored);
    },
    jumpData: editJumpData,
  };
}

/** The open return (comment and jump) of a record while it is returned. */
export { openReturn };
