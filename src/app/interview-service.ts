// The interview as a service both shells share (Telegram, terminal): resolves whose report it is,
// runs one engine step atomically inside the store's update of that report, and hands back the
// replies with any .docx already rendered. Every acknowledged answer is on disk before the reply.
import { currentQuestion, startInterview, step, type InterviewEvent, type InterviewState, type StepContext, type StepResult } from "../core/interview/engine.ts";
import type { Button, Line } from "../core/interview/reply.ts";
import { InterviewStateSchema } from "../core/interview/state.ts";
import { isDelivered } from "../core/lifecycle/transitions.ts";
import type { Report } from "../core/report/schema.ts";
import { rememberUpdate, wasHandled, type ReportRecord, type Via } from "./report-record.ts";
import type { App } from "./app.ts";
import { lifecycleStatus } from "./lifecycle-service.ts";
import { documentFile, type DocumentFile } from "./report-document.ts";
import { SUBMIT_DATA } from "./edit-jump.ts";
import { patchSession } from "./user-session.ts";
import { checkAgency, type Workspace } from "./workspace.ts";

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

export type InterviewService = ReturnType<typeof createInterviewService>;

// Kept states this process built (typed by construction): the next answer reuses the cached record
// without validating its state again; a state read from disk is a new object, and is validated.
const built = new WeakSet<object>();

/** The state without its report, which the record holds once (a copy in the state doubled every file and diff). */
type KeptState = Omit<InterviewState, "report">;

/** What the record stores; this process built it, so reading it back needs no validation. */
function keep(state: InterviewState): KeptState {
  const { report: _report, ...kept } = state;
  built.add(kept);
  return kept;
}

const START: InterviewEvent = { type: "command", name: "start" };

interface Loaded {
  readonly state: InterviewState;
  /** Not stored yet (new report, or a stored state that no longer validates). */
  readonly fresh: boolean;
  /** The stored report named another year than its key (alignYear): write even if the step changes nothing. */
  readonly realigned?: boolean;
}

function startFor(workspace: Workspace, lastYear: Report | undefined, prefill: Report | undefined): InterviewState {
  // Last year's figures are not this year's answers: only who the agency is carries over.
  const base = prefill ?? (lastYear === undefined ? undefined : { ...lastYear, text: {}, values: {} });
  return startInterview({ agency: workspace.agency, year: workspace.year }, { lastYear, prefill: base });
}

/** In organisation mode the office decides the year (the store key, what /status and /submit go by). */
function stepContext(workspace: Workspace, now: string, lastYear: Report | undefined): StepContext {
  return { now, lastYear, yearFixed: workspace.officeId !== undefined };
}

/** A state from before the year was fixed may name another year than its store key: the key wins. */
function alignYear(state: InterviewState, workspace: Workspace): InterviewState {
  if (workspace.officeId === undefined || state.report.meta.year === workspace.year) return state;
  return { ...state, report: { ...state.report, meta: { ...state.report.meta, year: workspace.year } } };
}

export function createInterviewService(app: App) {
  const { store, logger } = app;

  function load(record: ReportRecord | null, workspace: Workspace, lastYear: Report | undefined, quiet = false): Loaded {
    const loaded = loadAsStored(record, workspace, lastYear, quiet);
    const state = alignYear(loaded.state, workspace);
    return state === loaded.state ? loaded : { state, fresh: loaded.fresh, realigned: true };
  }

  function loadAsStored(record: ReportRecord | null, workspace: Workspace, lastYear: Report | undefined, quiet: boolean): Loaded {
    if (record === null) return { state: startFor(workspace, lastYear, undefined), fresh: true };
    if (typeof record.interview === "object" && record.interview !== null && built.has(record.interview)) {
      return { state: { ...(record.interview as KeptState), report: record.report }, fresh: false };
    }
    if (record.interview !== undefined) {
      // Files written before the state was kept without its report still carry a copy: the record's wins.
      const stored = typeof record.interview === "object" && record.interview !== null ? { ...record.interview, report: record.report } : record.interview;
      const parsed = InterviewStateSchema.safeParse(stored);
      if (parsed.success) return { state: parsed.data, fresh: false };
      // A deploy changed the state's shape: start the questions again over the saved answers.
      if (!quiet) logger.warn({ departmentId: workspace.departmentId, year: workspace.year, issues: parsed.error.issues.length }, "interview: stored state invalid, restarting from the report");
    }
    return { state: startFor(workspace, lastYear, record.report), fresh: true };
  }

  async function replies(result: StepResult, revision: number): Promise<ServiceReply[]> {
    const out: ServiceReply[] = [];
    for (const reply of result.replies) {
      if (reply.kind === "message") out.push(reply);
      else out.push({ kind: "document", ...(await documentFile(result.state.report, reply.final, revision)) });
    }
    return out;
  }

  async function interview(userId: string, workspace: Workspace, event: InterviewEvent, now: string, updateId?: number): Promise<ServiceOutcome> {
    const key = { departmentId: workspace.departmentId, year: workspace.year };
    const lastYear = (await store.reports.getReport({ departmentId: workspace.departmentId, year: workspace.year - 1 }))?.report;
    // One read-step-write inside the store's atomic update of the report: the step builds on what
    // is stored now, and returning `current` itself writes nothing (no change, duplicate, locked).
    const turn: { outcome: "saved" | "unchanged" | "duplicate" | "locked"; result?: StepResult } = { outcome: "saved" };
    const saved = await store.reports.updateReport(
      key,
      (current) => {
        const stored = current.revision === 0 ? null : current;
        // A re-delivered update (also one racing the first, e.g. a webhook retry) changes nothing.
        if (stored !== null && wasHandled(stored.handled, updateId)) {
          turn.outcome = "duplicate";
          return current;
        }
        const loaded = load(stored, workspace, lastYear);
        // A new interview opens with its welcome whatever the first message was, unless it is a command.
        const result = step(loaded.state, loaded.fresh && event.type !== "command" ? START : event, stepContext(workspace, now, lastYear));
        turn.result = result;
        if (!loaded.fresh && loaded.realigned !== true && result.state === loaded.state) {
          turn.outcome = "unchanged";
          return current;
        }
        // A delivered report (submitted, approved, published) is the supervisor's to judge: answers change
        // only after it is returned or reopened. Looking around (review, export, navigation) stays open.
        if (stored !== null && isDelivered(lifecycleStatus(stored.status)) && result.changes.length > 0) {
          turn.outcome = "locked";
          return current;
        }
        return { report: result.state.report, status: current.status, interview: keep(result.state), handled: rememberUpdate(current.handled, updateId) };
      },
      { by: userId, at: now },
    );
    const { outcome, result } = turn;
    if (outcome === "duplicate") {
      // No state change: the current question again (its first reply may be lost).
      logger.info({ update_id: updateId, departmentId: workspace.departmentId, year: workspace.year }, "interview: duplicate update absorbed");
      const again = currentQuestion(load(saved, workspace, lastYear, true).state, stepContext(workspace, now, lastYear));
      return { kind: "replies", replies: again.flatMap((reply) => (reply.kind === "message" ? [reply] : [])) };
    }
    if (outcome === "locked") return { kind: "replies", replies: [{ kind: "message", lines: [{ key: `shell-locked-${saved.status}` }] }] };
    if (result === undefined) throw new Error("interview: the step did not run");
    const out = await replies(result, saved.revision);
    // A returned report fixed and final again: 报送 is one tap away.
    if (saved.status === "returned" && out.some((reply) => reply.kind === "document" && reply.final)) {
      out.push({ kind: "message", lines: [{ key: "org-fixed-submit" }], buttons: [[{ label: { key: "org-btn-submit" }, data: SUBMIT_DATA }]] });
    }
    return { kind: "replies", replies: out };
  }

  return {
    /** `options`: the chat update of this event (the console has none). */
    async handle(userId: string, event: InterviewEvent, options: Via = {}): Promise<ServiceOutcome> {
      const now = app.now();
      const { updateId } = options;
      const resolved = await app.workspaces(userId, now);
      if (resolved.kind === "stranger") return { kind: "stranger" };
      if (resolved.kind === "ready") return interview(userId, resolved.workspace, event, now, updateId);
      if (event.type !== "text") return { kind: "ask-agency" };
      const checked = checkAgency(event.text);
      if (!checked.ok) return { kind: "ask-agency", problem: checked.problem };
      await patchSession(store, userId, { agency: checked.agency });
      const ready = await app.workspaces(userId, now);
      if (ready.kind !== "ready") throw new Error("interview: workspace not ready after the agency was set");
      // The update that named the agency is recorded with the first write, so its re-delivery is
      // not taken for an answer to the first question.
      return interview(userId, ready.workspace, START, now, updateId);
    },
  };
}
