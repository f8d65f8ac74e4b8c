// Finishing (spec "Rules"): refused while anything is missing or a hard rule fails, with buttons to
// the questions that fix them; each warning confirmed or fixed; then the document.
import { cellLabel, cellOf, isCellId } from "../report/cells.ts";
import { checkReport, missingParts } from "../report/check.ts";
import { errorsOf, warningsOf, type Finding } from "../report/findings.ts";
import type { Report } from "../report/schema.ts";
import { questionLabel } from "./ask.ts";
import { moveTo } from "./navigation.ts";
import { PLAN, questionIndex, type Question } from "./plan.ts";
import { btn, line, type DraftButton, type Line, type Turn } from "./reply.ts";
import type { InterviewState } from "./state.ts";

/** At most this many items (and jump buttons) are listed in one message. */
const LIST_MAX = 10;

/** The question answering a cell, narrative id or meta field; a total is fixed at its row (（七）总计 at 四). */
export function fixQuestionFor(id: string): Question | undefined {
  if (id.startsWith("meta")) return PLAN[0];
  const direct = PLAN.find((question) =>
    question.kind === "narrative" ? question.part.id === id : "cells" in question && question.cells.includes(id),
  );
  if (direct !== undefined || !isCellId(id)) return direct;
  const cell = cellOf(id);
  const row = PLAN.find((question) => question.id === `row:t${cell.table}.${cell.row}`);
  return row ?? PLAN.find((question) => question.kind === "t3-remainder");
}

export function warningKey(finding: Finding): string {
  return `${finding.rule}:${finding.cells.join(",")}`;
}

export function openWarnings(state: InterviewState, lastYear: Report | undefined): Finding[] {
  const warnings = warningsOf(checkReport(state.report, { lastYear }));
  return warnings.filter((finding) => !state.acknowledged.includes(warningKey(finding)));
}

function jumpButtons(turn: Turn, ids: readonly string[]): DraftButton[][] {
  const questions = [...new Set(ids.map((id) => fixQuestionFor(id)).filter((q): q is Question => q !== undefined))];
  return questions.slice(0, LIST_MAX).map((question) => [
    btn("interview-btn-go", { type: "jump", question: questionIndex(question.id) }, { label: questionLabel(question, turn) }),
  ]);
}

function partLabel(id: string, turn: Turn): string {
  const question = fixQuestionFor(id);
  return isCellId(id) ? cellLabel(id) : question === undefined ? id : questionLabel(question, turn);
}

/** Lists what is missing; true when something is. */
function refuseMissing(turn: Turn, keyLead: string): boolean {
  const missing = missingParts(turn.state.report);
  const ids = [...missing.cells, ...missing.texts];
  if (ids.length === 0) return false;
  const lines: Line[] = [line(keyLead, { count: ids.length })];
  for (const id of ids.slice(0, LIST_MAX)) lines.push(line("interview-missing-item", { label: partLabel(id, turn) }));
  if (ids.length > LIST_MAX) lines.push(line("interview-missing-more", { count: ids.length - LIST_MAX }));
  turn.say(lines, jumpButtons(turn, ids));
  return true;
}

/** Refuses, asks about warnings, or sends the final document (without `deliver`: offers an export button). */
export function finalise(turn: Turn, deliver = true): void {
  if (refuseMissing(turn, "interview-finish-missing")) return;
  const errors = errorsOf(checkReport(turn.state.report, { lastYear: turn.context.lastYear }));
  if (errors.length > 0) {
    const shown = errors.slice(0, LIST_MAX);
    const lines = [line("interview-finish-errors", { count: errors.length }), ...shown.map((finding) => ({ finding }))];
    return turn.say(lines, jumpButtons(turn, shown.map((finding) => finding.cells[0] ?? "")));
  }
  const warnings = openWarnings(turn.state, turn.context.lastYear);
  if (warnings.length > 0) {
    const shown = warnings.slice(0, LIST_MAX);
    const lines = shown.flatMap((finding, index): Line[] => [
      line("interview-warning-number", { n: index + 1 }),
      { finding },
    ]);
    const buttons = shown.map((_, index) => [
      btn("interview-btn-warning-ok", { type: "warning", index, fix: false }, { n: index + 1 }),
      btn("interview-btn-warning-fix", { type: "warning", index, fix: true }, { n: index + 1 }),
    ]);
    turn.say([line("interview-finish-warnings", { count: warnings.length }), ...lines], buttons);
  } else if (deliver) {
    turn.say([line("interview-finish-ready")]);
    turn.document(true);
  } else {
    turn.say([line("interview-finish-ready-export")], [[btn("interview-btn-export", { type: "export" })]]);
  }
}

/** /export: the final document when complete, else a marked draft and what is missing. */
export function exportReport(turn: Turn): void {
  const missing = missingParts(turn.state.report);
  if (missing.cells.length + missing.texts.length > 0) {
    turn.document(false);
    refuseMissing(turn, "interview-export-draft");
    return;
  }
  moveTo(turn.state, "finish");
  finalise(turn);
}
