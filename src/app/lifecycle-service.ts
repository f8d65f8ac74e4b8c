// The report lifecycle: the status lives in the report record (so the index and the board see it),
// the events in lifecycle/<departmentId>.json. Results list who to tell what, for the channel to send.
import { z } from "zod";
import { LifecycleEventSchema, newRecord, partyOf, transition, type Jump, type LifecycleEvent, type LifecycleRecord, type TransitionErrorCode, type TransitionOutcome } from "../core/lifecycle/lifecycle.ts";
import { notificationsFor, recipientsOf } from "../core/lifecycle/notifications.ts";
import { PERMISSION_OF, type LifecycleAction, type Status } from "../core/lifecycle/transitions.ts";
import { departmentById } from "../core/org/org-ops.ts";
import type { Org } from "../core/org/org-schema.ts";
import { can, type Action } from "../core/org/permissions.ts";
import { checkReport, missingParts, type MissingParts } from "../core/report/check.ts";
import { errorsOf, type Finding } from "../core/report/findings.ts";
import { findingSentence, partLabel } from "../findings-text.ts";
import type { Translate } from "../i18n.ts";
import { rememberUpdate, wasHandled, type ReportKey, type ReportRecord, type ReportStatus, type Via } from "./report-record.ts";
import type { App } from "./app.ts";
import { editJumpData } from "./edit-jump.ts";

/** One message to one person: a Fluent key (supervision.ftl) and, for returns, the jump button's data. */
export interface Delivery {
  readonly userId: string;
  readonly key: string;
  readonly params: Readonly<Record<string, string | number>>;
  /** `ed:<cell>` (edit-jump.ts): the button opening exactly the question to fix. */
  readonly jumpData?: string;
  /** The report now waits for this person's review: offer approve, return and read. */
  readonly review?: true;
}

export type ActOutcome =
  | { ok: true; record: LifecycleRecord; event: LifecycleEvent; deliveries: Delivery[] }
  | { ok: false; error: "denied"; permission: Action }
  | { ok: false; error: "no-report" }
  | { ok: false; error: "incomplete"; findings: Finding[]; missing: MissingParts }
  | { ok: false; error: TransitionErrorCode; params?: Record<string, string | number> };

export type LifecycleService = ReturnType<typeof createLifecycleService>;

const EventSchema = LifecycleEventSchema.extend({ update: z.number().int().optional() });
const LifecycleDocSchema = z.object({ years: z.record(z.string(), z.array(EventSchema)) }).strict();

/** "published" is past approval: for the lifecycle it is approved. */
export function lifecycleStatus(status: ReportStatus): Status {
  return status === "published" ? "approved" : status;
}

/** Findings and missing parts listed at most this many at a time (phone-sized messages). */
const LIST_MAX = 12;

/** The sentence for a refused step (permission, state, checker), shared by the chat channels. */
export function refusalText(t: Translate, outcome: Refusal): string {
  switch (outcome.error) {
    case "denied":
      return t("sup-denied", { action: outcome.permission });
    case "no-report":
      return t("org-no-report");
    case "incomplete": {
      const lines = [
        ...outcome.findings.map((finding) => `✖ ${findingSentence(t, finding)}`),
        ...[...outcome.missing.cells, ...outcome.missing.texts].map((id) => `○ ${t("org-missing-part", { label: partLabel(t, id) })}`),
      ];
      const shown = lines.slice(0, LIST_MAX);
      const more = lines.length - shown.length;
      return [t("org-submit-refused", { errors: outcome.findings.length, missing: outcome.missing.cells.length + outcome.missing.texts.length }), ...shown, ...(more > 0 ? [t("org-and-more", { count: more })] : [])].join("\n");
    }
    default:
      return t(`sup-transition-error-${outcome.error}`, { ...(outcome.params ?? {}) });
  }
}

class Conflict extends Error {}

type StepOptions = { comment?: string; target?: Jump };
type Refusal = Exclude<ActOutcome, { ok: true }>;

export function createLifecycleService(app: Pick<App, "store" | "adminIds" | "now">, org: () => Promise<Org>) {
  const doc = (departmentId: string) => app.store.doc(`lifecycle/${departmentId}.json`, LifecycleDocSchema, { years: {} });

  async function load(current: Org, key: ReportKey, stored: ReportRecord): Promise<LifecycleRecord | undefined> {
    const department = departmentById(current, key.departmentId);
    if (department === undefined) return undefined;
    const history = (await doc(key.departmentId).read()).years[String(key.year)] ?? [];
    const base = newRecord({ departmentId: key.departmentId, officeId: department.officeId, year: key.year, at: stored.updatedAt });
    return { ...base, status: lifecycleStatus(stored.status), history };
  }

  function deliveriesOf(record: LifecycleRecord, event: LifecycleEvent, current: Org): Delivery[] {
    return notificationsFor({ record, event }, current).flatMap((notification) => {
      const jumpData = notification.jump === undefined ? undefined : editJumpData(notification.jump);
      return recipientsOf(notification, record, current).map((userId) => ({
        userId,
        key: notification.key,
        params: notification.params,
        ...(jumpData === undefined ? {} : { jumpData }),
        ...(event.to === "submitted" ? { review: true as const } : {}),
      }));
    });
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

  /** Who may act, what the checker says (submit), then the step from the stored status. */
  async function plan(userId: string, key: ReportKey, action: LifecycleAction, options: StepOptions, at: string): Promise<Refusal | TransitionOutcome> {
    const current = await org();
    const permission = PERMISSION_OF[action];
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
    return transition(record, action, { ...options, by: userId, as: party ?? "department", at, hardErrorCount });
  }

  async function commit(userId: string, key: ReportKey, action: LifecycleAction, options: StepOptions, via: Via = {}): Promise<ActOutcome> {
    const again = await already(key, via.updateId);
    if (again !== undefined) return again;
    const at = app.now();
    const planned = await plan(userId, key, action, options, at);
    if (!planned.ok) return planned;
    const { record, event } = planned.result;
    try {
      await app.store.reports.updateReport(
        key,
        (stored) => {
          if (lifecycleStatus(stored.status) !== event.from) throw new Conflict();
          // The update id goes in the same write as the status: a re-delivery finds it (already()).
          return { report: stored.report, status: event.to, interview: stored.interview, handled: rememberUpdate(stored.handled, via.updateId) };
        },
        { by: `tg:${userId}`, at },
      );
    } catch (error) {
      if (error instanceof Conflict) return { ok: false, error: "not-allowed", params: { status: event.to, action } };
      throw error;
    }
    const kept = { ...event, ...(via.updateId === undefined ? {} : { update: via.updateId }) };
    await doc(key.departmentId).update((lifecycle) => ({
      years: { ...lifecycle.years, [String(key.year)]: [...(lifecycle.years[String(key.year)] ?? []), kept] },
    }));
    return { ok: true, record, event, deliveries: deliveriesOf(record, event, await org()) };
  }

  return {
    submit: (userId: string, key: ReportKey, via?: Via) => commit(userId, key, "submit", {}, via),
    returnReport: (userId: string, key: ReportKey, options: { comment: string; target?: Jump }, via?: Via) => commit(userId, key, "return", options, via),
    approve: (userId: string, key: ReportKey, comment?: string, via?: Via) => commit(userId, key, "approve", { comment }, via),
    reopen: (userId: string, key: ReportKey, comment?: string, via?: Via) => commit(userId, key, "reopen", { comment }, via),
  };
}
