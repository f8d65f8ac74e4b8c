// The interview as a service both shells share (Telegram, terminal): resolves whose report it is,
// runs one engine step atomically inside the store's update of that report, and hands back the
// replies with any .docx already rendered. Every acknowledged answer is on disk before the reply.
import { startInterview, step, type InterviewEvent, type InterviewState, type StepResult } from "../core/interview/engine.ts";
import type { Button, Line } from "../core/interview/reply.ts";
import { InterviewStateSchema } from "../core/interview/state.ts";
import type { Report } from "../core/report/schema.ts";
import type { ReportRecord } from "../store/report-record.ts";
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

export interface InterviewService {
  handle(userId: string, event: InterviewEvent): Promise<ServiceOutcome>;
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

  async function interview(userId: string, workspace: Workspace, event: InterviewEvent, now: string): Promise<ServiceOutcome> {
    const key = { departmentId: workspace.departmentId, year: workspace.year };
    const previous = await store.reports.getReport({ departmentId: workspace.departmentId, year: workspace.year - 1 });
    const lastYear = previous?.report;
    const record = await store.reports.getReport(key);
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
    const saved = await store.reports.updateReport(
      key,
      (current) => {
        result = run(load(current.revision === 0 ? null : current, workspace, lastYear, true), event, now, lastYear);
        return { report: result.state.report, status: current.status, interview: result.state };
      },
      { by: userId, at: now },
    );
    return { kind: "replies", replies: await replies(result, saved.revision) };
  }

  return {
    async handle(userId, event) {
      const now = app.now();
      const resolved = await app.workspaces(userId, now);
      if (resolved.kind === "stranger") return { kind: "stranger" };
      if (resolved.kind === "ready") return interview(userId, resolved.workspace, event, now);
      if (event.type !== "text") return { kind: "ask-agency" };
      const checked = checkAgency(event.text);
      if (!checked.ok) return { kind: "ask-agency", problem: checked.problem };
      await rememberAgency(store, userId, checked.agency);
      const ready = await app.workspaces(userId, now);
      if (ready.kind !== "ready") throw new Error("interview: workspace not ready after the agency was set");
      return interview(userId, ready.workspace, START, now);
    },
  };
}
