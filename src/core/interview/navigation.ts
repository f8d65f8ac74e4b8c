// Where the interview goes: which questions apply (a "no" gate removes rows) and which come next.
import { PLAN, questionById, questionIndex, sectionTitle, type Question } from "./plan.ts";
import { line, type Line } from "./reply.ts";
import { STACK_MAX, type InterviewState } from "./state.ts";

/** The cells a question still asks: a "no" gate has already filled its own cells with 0. */
export function askedCells(state: InterviewState, question: Question): readonly string[] {
  if (!("cells" in question)) return [];
  const gateId = "gateId" in question ? question.gateId : undefined;
  if (gateId === undefined || state.gates[gateId] !== false) return question.cells;
  const gate = questionById(gateId);
  const zeroed = gate.kind === "gate" ? gate.gate.cells : [];
  return question.cells.filter((cell) => !zeroed.includes(cell));
}

export function isApplicable(state: InterviewState, question: Question): boolean {
  if (question.kind === "finish") return false;
  return !("cells" in question) || askedCells(state, question).length > 0;
}

export function isAnswered(state: InterviewState, question: Question): boolean {
  const { values, text } = state.report;
  switch (question.kind) {
    case "meta":
      return state.metaConfirmed;
    case "gate":
      return state.gates[question.id] !== undefined || question.gate.cells.every((cell) => values[cell] !== undefined);
    case "narrative":
      return text[question.part.id] !== undefined;
    case "finish":
      return false;
    default:
      return askedCells(state, question).every((cell) => values[cell] !== undefined);
  }
}

const open = (state: InterviewState, question: Question): boolean =>
  isApplicable(state, question) && !isAnswered(state, question) && !state.skipped.includes(question.id);

/** The first open question after `fromId`, wrapping round to the start; "finish" when none is left. */
export function nextQuestionId(state: InterviewState, fromId: string): string {
  const from = questionIndex(fromId);
  const isOpen = (question: Question): boolean => open(state, question);
  // The questions before `from` only when none after it is open.
  const next = PLAN.slice(from + 1).find(isOpen) ?? PLAN.slice(0, Math.max(from, 0)).find(isOpen);
  return next?.id ?? "finish";
}

/** Moves to a question, remembering where we were for /back. */
export function moveTo(state: InterviewState, id: string): void {
  state.pending = null;
  if (id === state.current) return;
  state.stack.push(state.current);
  if (state.stack.length > STACK_MAX) state.stack.splice(0, state.stack.length - STACK_MAX);
  state.current = id;
}

const BAR_WIDTH = 8;
/** The questions progress counts (the plan is fixed). */
const COUNTED = PLAN.filter((question) => question.kind !== "finish");

/**
 * Done of a fixed total: a question a "no" gate removed counts as done (a shrinking total read 0/46 → 9/22);
 * isAnswered already says so (no cells left to ask, all of them answered).
 */
export function progress(state: InterviewState): { done: number; total: number; section: string } {
  const done = COUNTED.filter((question) => isAnswered(state, question)).length;
  const section = sectionTitle(questionById(state.current).section, state.report.meta);
  return { done, total: COUNTED.length, section };
}

/** 「▓▓▓▓░░░░ 4/9 三、收到和处理政府信息公开申请情况」 as a Fluent line. */
export function progressLine(state: InterviewState): Line {
  const { done, total, section } = progress(state);
  const filled = total === 0 ? BAR_WIDTH : Math.round((done / total) * BAR_WIDTH);
  const bar = "▓".repeat(filled) + "░".repeat(BAR_WIDTH - filled);
  return line("interview-progress", { bar, done, total, section });
}
