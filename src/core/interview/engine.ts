// The interview: a pure, channel-independent state machine. A shell persists `state`, appends `changes`
// to the history and sends `replies`; `step` never throws for officer input, never mutates its argument
// and returns the same state when nothing changed. Buttons carry `version`: a stale or forged tap changes nothing.
import { DERIVED_CELL_IDS } from "../report/cells.ts";
import { emptyReport, type Report } from "../report/schema.ts";
import { parseCallback } from "./callback.ts";
import { applyAction, arrive, jumpToEdit, refuse, sectionChooser, skip, back } from "./actions.ts";
import { answerText } from "./answer.ts";
import { exportReport } from "./finalise.ts";
import { isAnswered } from "./navigation.ts";
import { questionById } from "./plan.ts";
import { line, Turn, type CellChange, type Reply, type StepContext } from "./reply.ts";
import { review } from "./review.ts";
import { INTERVIEW_FORMAT, type InterviewState } from "./state.ts";
import { reportTitle } from "../report/narrative.ts";

export type { CellChange, StepContext };
export type { InterviewState } from "./state.ts";

export const COMMAND_NAMES = ["start", "report", "review", "edit", "export", "cancel", "help", "skip", "back"] as const;
export type CommandName = (typeof COMMAND_NAMES)[number];

export type InterviewEvent =
  | { type: "text"; text: string }
  | { type: "button"; data: string }
  | { type: "command"; name: CommandName; arg?: string }
  | { type: "unsupported"; kind: "sticker" | "photo" | "document" | "voice" | "video" | "other" };

export interface StepResult {
  readonly state: InterviewState;
  readonly replies: Reply[];
  readonly changes: CellChange[];
}

/** A message longer than this is not an answer to anything. */
const MAX_TEXT_CHARS = 100_000;

export function startInterview(meta: { agency: string; year: number }, options: { lastYear?: Report; prefill?: Report } = {}): InterviewState {
  const report = options.prefill === undefined ? emptyReport() : structuredClone(options.prefill);
  // Totals are derived, never stored as answers.
  for (const id of DERIVED_CELL_IDS) delete report.values[id];
  const agency = meta.agency.trim() || report.meta.agency || options.lastYear?.meta.agency;
  report.meta = { ...report.meta, year: meta.year };
  if (agency !== undefined && agency !== "") report.meta.agency = agency;
  const region = report.meta.region ?? options.lastYear?.meta.region;
  if (region !== undefined) report.meta.region = region;
  return {
    format: INTERVIEW_FORMAT,
    version: 0,
    report,
    current: "meta",
    stack: [],
    skipped: [],
    gates: {},
    metaConfirmed: false,
    pending: null,
    acknowledged: [],
  };
}

function command(turn: Turn, name: CommandName, arg: string | undefined): void {
  switch (name) {
    case "start":
    case "report": {
      // /report with nothing answered yet (version 0) has nowhere to continue from: it welcomes.
      const resume = name === "report" && turn.state.version > 0;
      const title = reportTitle(turn.state.report.meta);
      turn.say([resume ? line("interview-resume") : line("interview-welcome", { title })]);
      return arrive(turn, false);
    }
    case "review":
      return review(turn);
    case "edit":
      return arg === undefined || arg.trim() === "" ? sectionChooser(turn) : jumpToEdit(turn, arg.trim());
    case "export":
      return exportReport(turn);
    case "cancel":
      turn.say([line(turn.state.pending === null ? "interview-nothing-to-cancel" : "interview-cancelled")]);
      turn.state.pending = null;
      return arrive(turn, false);
    case "help":
      turn.say([line("interview-help")]);
      return;
    case "skip":
      return skip(turn);
    case "back":
      return back(turn);
  }
}

function handle(turn: Turn, event: InterviewEvent): void {
  switch (event.type) {
    case "text":
      if (event.text.length > MAX_TEXT_CHARS) {
        return refuse(turn, [line("interview-error-message-long", { max: MAX_TEXT_CHARS })]);
      }
      return answerText(turn, event.text);
    case "button": {
      const parsed = parseCallback(event.data);
      if (parsed?.version === turn.state.version) return applyAction(turn, parsed.action);
      return refuse(turn, [line(parsed === undefined ? "interview-button-invalid" : "interview-button-stale")]);
    }
    case "command":
      return command(turn, event.name, event.arg);
    case "unsupported":
      return refuse(turn, [line(event.kind === "document" ? "interview-unsupported-document" : "interview-unsupported")]);
  }
}

/** The state but its report, which changes only through the Turn (its net `changes`). */
const comparable = (state: InterviewState): string =>
  JSON.stringify({ ...state, report: undefined, version: 0, updatedAt: undefined });

export function step(state: InterviewState, event: InterviewEvent, context: StepContext): StepResult {
  const turn = new Turn(state, context);
  handle(turn, event);
  // A question answered after being skipped is no longer skipped.
  turn.state.skipped = turn.state.skipped.filter((id) => !isAnswered(turn.state, questionById(id)));
  const unchanged = turn.changes.length === 0 && comparable(turn.state) === comparable(state);
  if (unchanged) return { state, replies: turn.replies(state.version), changes: [] };
  const next: InterviewState = { ...turn.state, version: state.version + 1, updatedAt: context.now };
  return { state: next, replies: turn.replies(next.version), changes: turn.changes };
}

/** The current question's message again (what a shell shows after a restart). */
export function currentQuestion(state: InterviewState, context: StepContext): Reply[] {
  const turn = new Turn(state, context);
  arrive(turn, false);
  return turn.replies(state.version);
}
