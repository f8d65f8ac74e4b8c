// The message that asks the current question, with the buttons that fit it.
import { cellOf } from "../report/cells.ts";
import { T3_APPLICANT_COLUMNS } from "../report/format.ts";
import { allocationLines, remainderButtonRow } from "./allocation.ts";
import { draftFor, lastYearSuggestion } from "./drafts.ts";
import { askedCells, isAnswered, progressLine } from "./navigation.ts";
import { questionById, type CellQuestion, type Question } from "./plan.ts";
import { btn, cancelButton, confirmRow, line, preview, type DraftButton, type Line, type Turn } from "./reply.ts";

const ROW_EXAMPLE = [3, 0, 1, 0, 0, 0];
const PREVIEW_CHARS = 60;
const ASK_KEYS = {
  "t2-row": "interview-ask-t2-row",
  "t3-row": "interview-ask-t3-row",
  "t4-group": "interview-ask-t4-group",
};

/** 「3 0 1」 for a row of n counts; 「12.5」 for fees. */
function exampleFor(count: number, unit: "count" | "wanYuan"): string {
  if (count === 1) return unit === "wanYuan" ? "12.5" : "5";
  return ROW_EXAMPLE.slice(0, count).join(" ");
}

/** The official label of what a question asks; the agency for the others. */
export function questionLabel(question: Question, turn: Turn): string {
  return "label" in question ? question.label : (turn.state.report.meta.agency ?? "");
}

function navigationRow(turn: Turn, question: Question): DraftButton[] {
  const answered = isAnswered(turn.state, question);
  return [btn(answered ? "interview-btn-keep" : "interview-btn-skip", { type: "skip" }), btn("interview-btn-back", { type: "back" })];
}

function askCells(turn: Turn, question: CellQuestion): void {
  const { values } = turn.state.report;
  const cells = askedCells(turn.state, question);
  const unit = question.kind === "t2-row" ? question.block.unit : "count";
  const row = questionLabel(question, turn);
  const lines: Line[] = [progressLine(turn.state), ...allocationLines(values, question)];
  const buttons: DraftButton[][] = [];
  if (question.kind === "t3-remainder") {
    lines.push(line("interview-ask-t3-remainder", { row }));
    buttons.push(remainderButtonRow(values));
  } else {
    const columns = cells.map((cell) => cellOf(cell).columnLabel).join(" / ");
    const key = unit === "wanYuan" ? "interview-ask-t2-fees" : ASK_KEYS[question.kind];
    lines.push(line(key, { row, columns, count: cells.length }));
  }
  lines.push(line("interview-example", { example: exampleFor(cells.length, unit) }));
  if (question.kind === "t3-row") {
    const [first, last] = [T3_APPLICANT_COLUMNS[0]?.label ?? "", T3_APPLICANT_COLUMNS.at(-1)?.label ?? ""];
    lines.push(line("interview-example-named", { example: `${first}3 ${last}1` }));
    if (question.row.group !== undefined) {
      const firstOfGroup = question.row.level3?.startsWith("1.") === true;
      const key = firstOfGroup ? "interview-btn-group-zero" : "interview-btn-group-rest-zero";
      buttons.push([btn(key, { type: "group-zero" }, { group: question.row.level2 ?? "" })]);
    }
  }
  const suggestion = lastYearSuggestion(question, turn.context.lastYear, cells);
  if (suggestion?.kind === "values") {
    const inForce = question.kind === "t2-row";
    const shown = suggestion.values.join(" ");
    lines.push(line(inForce ? "interview-last-year-in-force-same" : "interview-last-year-values", { values: shown }));
    buttons.push([btn(inForce ? "interview-btn-last-year-in-force" : "interview-btn-last-year-values", { type: "last-year" })]);
  }
  if (suggestion?.kind === "in-force") lines.push(line("interview-last-year-in-force", { last: suggestion.lastInForce }));
  const current = cells.map((cell) => values[cell]);
  if (current.every((value) => value !== undefined)) {
    lines.push(line("interview-current-values", { values: current.join(" ") }));
  }
  turn.say(lines, [...buttons, navigationRow(turn, question)]);
}

function askNarrative(turn: Turn, question: Extract<Question, { kind: "narrative" }>): void {
  const { part } = question;
  const lines: Line[] = [progressLine(turn.state)];
  const buttons: DraftButton[][] = [];
  if (part.section === null) lines.push(line("interview-ask-intro"));
  else if (part.lead === undefined && part.section === "s1") lines.push(line("interview-ask-s1-summary"));
  else if (part.lead !== undefined) lines.push(line("interview-ask-s1-part", { lead: part.lead }));
  else lines.push(line("interview-ask-section", { heading: questionLabel(question, turn) }));
  if (part.section === null || part.section === "s1") lines.push(line("interview-hint-s1-paste"));
  if (part.optional) lines.push(line("interview-hint-optional"));
  const draft = draftFor(part.id, turn.state.report);
  if (draft !== undefined) {
    lines.push(line("interview-draft", { draft }));
    buttons.push([btn("interview-btn-use-draft", { type: "draft" })]);
  }
  const suggestion = lastYearSuggestion(question, turn.context.lastYear);
  if (suggestion?.kind === "text") {
    const { text } = suggestion;
    lines.push(line("interview-last-year-text", { preview: preview(text, PREVIEW_CHARS), chars: text.length }));
    buttons.push([btn("interview-btn-last-year-text", { type: "last-year" })]);
  }
  const existing = turn.state.report.text[part.id];
  if (existing !== undefined) {
    lines.push(line("interview-current-text", { preview: preview(existing, PREVIEW_CHARS), chars: existing.length }));
  }
  turn.say(lines, [...buttons, navigationRow(turn, question)]);
}

function askMeta(turn: Turn): void {
  const { agency, year } = turn.state.report.meta;
  const pending = turn.state.pending;
  const missing = agency === undefined ? "agency" : year === undefined ? "year" : undefined;
  const asked = pending?.kind === "meta-field" ? pending.field : missing;
  const progress = progressLine(turn.state);
  if (asked !== undefined || agency === undefined || year === undefined) {
    return turn.say([progress, line(asked === "year" ? "interview-meta-ask-year" : "interview-meta-ask-agency")]);
  }
  const fixed = turn.context.yearFixed === true;
  const lines = [progress, line("interview-meta-confirm", { agency, year: String(year) })];
  if (fixed) lines.push(line("interview-meta-year-fixed", { year: String(year) }));
  const change = [btn("interview-btn-meta-agency", { type: "meta", what: "agency" })];
  if (!fixed) change.push(btn("interview-btn-meta-year", { type: "meta", what: "year" }));
  turn.say(lines, [[btn("interview-btn-meta-ok", { type: "meta", what: "ok" })], change]);
}

function askGate(turn: Turn, question: Extract<Question, { kind: "gate" }>): void {
  if (turn.state.pending?.kind === "gate-no") {
    const count = question.gate.cells.length;
    return turn.say([line("interview-gate-confirm", { count })], [confirmRow("interview-btn-confirm-zero")]);
  }
  const yes = btn("interview-btn-yes", { type: "gate", yes: true });
  const no = btn("interview-btn-no", { type: "gate", yes: false });
  turn.say([progressLine(turn.state), line(question.gate.key)], [[yes, no], navigationRow(turn, question)]);
}

/** Asks the current question (the finishing step is handled by finalise). */
export function askCurrent(turn: Turn): void {
  const { pending } = turn.state;
  if (pending?.kind === "append") {
    const label = questionLabel(questionById(pending.question), turn);
    return turn.say([line("interview-append-ask", { label })], [[cancelButton()]]);
  }
  const question = questionById(turn.state.current);
  switch (question.kind) {
    case "meta":
      return askMeta(turn);
    case "gate":
      return askGate(turn, question);
    case "narrative":
      return askNarrative(turn, question);
    case "finish":
      return;
    default:
      return askCells(turn, question);
  }
}
