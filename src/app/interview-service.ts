// The interview as a service both shells share (Telegram, terminal): resolves whose report it is,
// runs one engine step atomically inside the store's update of that report, and hands back the
// replies with any .docx already rendered. Every acknowledged answer is on disk before the reply.
import { currentQuestion, startInterview, step, type InterviewEvent, type InterviewState, type StepResult } from "../core/interview/engine.ts";
import type { Button, Line } from "../core/interview/reply.ts";
import { InterviewStateSchema } from "../core/interview/state.ts";
import type { Report } from "../core/report/schema.ts";
import { HANDLED_MAX, type ReportRecord } from "../store/report-record.ts";
import type { App } from "./app.ts";
import { documentFile, type DocumentFile } from "./document-file.ts";
import { checkAgency, rememberAgency } from "./personal-workspaces.ts";
import type { Workspace } from "./workspace.ts";

export type { InterviewEvent };

export type ServiceReply =
  | { readonly kind: "message"; readonly lines: Line[]; readonly buttons?: Button[][]; readonly mono?: string }
  | ({ readonly kind: "document" } & DocumentFile);

export type ServiceOutcome =
  | { readonly kind: "replies"; readonly replies: ServiceReply[] }
  /** Personal mode, first contact: the shell asks for the agency name (again, if `problem`). */
  | { readonly kind: "ask-agency"; readonly problem?: "length" | "control" }
  /** Organisation mode, not a member: the shell explains how to get an invitation. */
  | { readonly kind: "stranger" };

export interface HandleOptions {
  /**
   * The Telegram update this event came from. Recorded in the same atomic write as the answer, so
   * a re-delivered update (after a crash, or a webhook retry) is absorbed instead of answering the
   * next question. The console has none.
   */
  readonly updateId?: number;
}

export interface InterviewService {
  handle(userId: string, event: InterviewEvent, options?: HandleOptions): Promise<ServiceOutcome>;
}

/** Thrown inside the store update to abandon it: the update was applied meanwhile. */
class AlreadyHandled extends Error {}

function remember(handled: readonly number[] | undefined, updateId: number | undefined): number[] | undefined {
  if (updateId === undefined) return handled === undefined ? undefined : [...handled];
  return [...(handled ?? []), updateId].slice(-HANDLED_MAX);
}

const START: InterviewEvent = { type: "command", name: "start" };

/** Statuses in which the officer's answers are frozen (see the lifecycle in src/core/lifecycle/). */
const LOCKED: readonly string[] = ["submitted", "approved", "published"];

interface Loaded {
  readonly state: InterviewState;
  /** Not stored yet (new report, or a stored state that no longer validates). */
  readonly fresh: boolean;
}

function startFor(workspace: Workspace, lastYear: Report | undefined, prefill: Report | undefined): InterviewState {
  const options: { lastYear?: Report; prefill?: Report } = {};
  if (lastYear !== undefined) options.lastYear = lastYear;
  // Last year's figures are not this year's answers: only who the agency is carries over.
  const base = prefill ?? (lastYear === undefined ? undefined : { ...lastYear, text: {}, values: {} });
  if (base !== undefined) options.prefill = base;
  return startInterview({ agency: workspace.agency, year: workspace.year }, options);
}

export function createInterviewService(app: App): InterviewService {
  const { store, logger } = app;

  function load(record: ReportRecord | null, workspace: Workspace, lastYear: Report | undefined, quiet = false): Loaded {
    if (record === null) return { state: startFor(workspace, lastYear, undefined), fresh: true };
    if (record.interview !== undefined) {
      const parsed = InterviewStateSchema.safeParse(record.interview);
      if (parsed.success) return { state: parsed.data, fresh: false };
      // A deploy changed the state's shape: start the questions again over the saved answers.
      if (!quiet) logger.warn({ departmentId: workspace.departmentId, year: workspace.year, issues: parsed.error.issues.length }, "interview: stored state invalid, restarting from the report");
    }
    return { state: startFor(workspace, lastYear, record.report), fresh: true };
  }

  function run(loaded: Loaded, event: InterviewEvent, now: string, lastYear: Report | undefined): StepResult {
    // A new interview opens with its welcome whatever the first message was, unless it is a command.
    const first = loaded.fresh && event.type !== "command" ? START : event;
    return step(loaded.state, first, lastYear === undefined ? { now } : { now, lastYear });
  }

  async function replies(result: StepResult, revision: number): Promise<ServiceReply[]> {
    const out: ServiceReply[] = [];
    for (const reply of result.replies) {
      if (reply.kind === "message") out.push(reply);
      else out.push({ kind: "document", ...(await documentFile(result.state.report, reply.final, revision)) });
    }
    return out;
  }

  /** A re-delivered update: no state change, the current question again (its first reply may be lost). */
  function duplicate(record: ReportRecord, workspace: Workspace, lastYear: Report | undefined, now: string, updateId: number): ServiceOutcome {
    logger.info({ update_id: updateId, departmentId: workspace.departmentId, year: workspace.year }, "interview: duplicate update absorbed");
    const { state } = load(record, workspace, lastYear, true);
    const again = currentQuestion(state, lastYear === undefined ? { now } : { now, lastYear });
    return { kind: "replies", replies: again.flatMap((reply) => (reply.kind === "message" ? [reply] : [])) };
  }

  async function interview(userId: string, workspace: Workspace, event: InterviewEvent, now: string, updateId?: number): Promise<ServiceOutcome> {
    const key = { departmentId: workspace.departmentId, year: workspace.year };
    const previous = await store.reports.getReport({ departmentId: workspace.departmentId, year: workspace.year - 1 });
    const lastYear = previous?.report;
    const record = await store.reports.getReport(key);
    if (record !== null && updateId !== undefined && record.handled?.includes(updateId) === true) return duplicate(record, workspace, lastYear, now, updateId);
    const loaded = load(record, workspace, lastYear);
    const trial = run(loaded, event, now, lastYear);
    if (!loaded.fresh && trial.state === loaded.state) {
      return { kind: "replies", replies: await replies(trial, record?.revision ?? 0) };
    }
    // A submitted or approved report is the supervisor's to judge: answers change only after
    // it is returned or reopened. Looking around (review, export, navigation) stays open.
    if (record !== null && LOCKED.includes(record.status) && trial.changes.length > 0) {
      return { kind: "replies", replies: [{ kind: "message", lines: [{ key: `shell-locked-${record.status}` }] }] };
    }
    // Read-step-write again inside the store's atomic update: another message of the same report
    // may have landed since the read above, and the step must build on what is stored now.
    let result = trial;
    let saved: ReportRecord;
    try {
      saved = await store.reports.updateReport(
        key,
        (current) => {
          // Same update delivered twice at once (a webhook retry racing the first): keep the first.
          if (updateId !== undefined && current.handled?.includes(updateId) === true) throw new AlreadyHandled();
          result = run(load(current.revision === 0 ? null : current, workspace, lastYear, true), event, now, lastYear);
          return { report: result.state.report, status: current.status, interview: result.state, handled: remember(current.handled, updateId) };
        },
        { by: userId, at: now },
      );
    } catch (error) {
      if (!(error instanceof AlreadyHandled) || updateId === undefined) throw error;
      const stored = await store.reports.getReport(key);
      if (stored === null) throw error;
      return duplicate(stored, workspace, lastYear, now, updateId);
    }
    return { kind: "replies", replies: await replies(result, saved.revision) };
  }

  return {
    async handle(userId, event, options = {}) {
      const now = app.now();
      const { updateId } = options;
      const resolved = await app.workspaces(userId, now);
      if (resolved.kind === "stranger") return { kind: "stranger" };
      if (resolved.kind === "ready") return interview(userId, resolved.workspace, event, now, updateId);
      if (event.type !== "text") return { kind: "ask-agency" };
      const checked = checkAgency(event.text);
      if (!checked.ok) return { kind: "ask-agency", problem: checked.problem };
      await rememberAgency(store, userId, checked.agency);
      const ready = await app.workspaces(userId, now);
      if (ready.kind !== "ready") throw new Error("interview: workspace not ready after the agency was set");
      // The update that named the agency is recorded with the first write, so its re-delivery is
      // not taken for an answer to the first question.
      return interview(userId, ready.workspace, START, now, updateId);
    },
  };
}
