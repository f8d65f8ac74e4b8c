// The message that asks the current question: progress, running totals, the prompt with an
// example, what is already there, and the buttons that fit this question.
import { APPLICANT_KEYS, cellOf } from "../report/cells.ts";
import { T3_APPLICANT_COLUMNS, t3RowLabel } from "../report/format.ts";
import { allocationLines, remainderButtonRow } from "./allocation.ts";
import { draftFor, lastYearSuggestion } from "./drafts.ts";
import { askedCells, isAnswered, progressLine } from "./navigation.ts";
import { questionById, sectionHeading, type Question } from "./plan.ts";
import { INTRO_LABEL } from "../report/narrative.ts";
import { btn, line, preview, type DraftButton, type Line, type Turn } from "./reply.ts";

const ROW_EXAMPLE = [3, 0, 1, 0, 0, 0];
const PREVIEW_CHARS = 60;

/** 「3 0 1」 for a row of n counts; 「12.5」 for fees. */
export function exampleFor(count: number, unit: "count" | "wanYuan"): string {
  if (count === 1) return unit === "wanYuan" ? "12.5" : "5";
  return ROW_EXAMPLE.slice(0, count).join(" ");
}

/** The official label of the row a question asks (document content). */
export function questionLabel(question: Question, turn: Turn): string {
  switch (question.kind) {
    case "t2-row":
      return `${question.block.article} ${question.row.label}`;
    case "t3-row":
    case "t3-remainder":
      return t3RowLabel(question.row);
    case "t4-group":
      return cellOf(question.cells[0] ?? "").rowLabel;
    case "narrative":
      return narrativeLabel(question);
    case "gate":
    case "meta":
    case "finish":
      return turn.state.report.meta.agency ?? "";
  }
}

function narrativeLabel(question: Extract<Question, { kind: "narrative" }>): string {
  const { part } = question;
  // The opening paragraph has no heading of its own: it stands under the title.
  return part.lead ?? (part.section === null ? INTRO_LABEL : (sectionHeading(part.section) ?? part.id));
}

function navigationRow(turn: Turn, question: Question): DraftButton[] {
  const answered = isAnswered(turn.state, question);
  return [btn(answered ? "interview-btn-keep" : "interview-btn-skip", { type: "skip" }), btn("interview-btn-back", { type: "back" })];
}

function currentValues(turn: Turn, cells: readonly string[]): Line[] {
  const values = cells.map((cell) => turn.state.report.values[cell]);
  if (values.some((value) => value === undefined)) return [];
  return [line("interview-current-values", { values: values.join(" ") })];
}

function askCells(turn: Turn, question: Extract<Question, { cells: readonly string[] }>): void {
  const cells = askedCells(turn.state, question);
  const columns = cells.map((cell) => cellOf(cell).columnLabel).join(" / ");
  const unit = question.kind === "t2-row" ? question.block.unit : "count";
  const lines: Line[] = [progressLine(turn.state)];
  const buttons: DraftButton[][] = [];
  if (question.kind === "t3-row" || question.kind === "t3-remainder") lines.push(...allocationLines(turn.state.report.values, question));
  if (question.kind === "t3-remainder") {
    lines.push(line("interview-ask-t3-remainder", { row: questionLabel(question, turn) }));
    buttons.push(remainderButtonRow(turn.state.report.values));
  } else {
    const key = question.kind === "t3-row" ? "interview-ask-t3-row" : question.kind === "t4-group" ? "interview-ask-t4-group" : unit === "wanYuan" ? "interview-ask-t2-fees" : "interview-ask-t2-row";
    lines.push(line(key, { row: questionLabel(question, turn), columns, count: cells.length }));
  }
  lines.push(line("interview-example", { example: exampleFor(cells.length, unit) }));
  if (question.kind === "t3-row") {
    const first = T3_APPLICANT_COLUMNS[0]?.label ?? "";
    const last = T3_APPLICANT_COLUMNS[APPLICANT_KEYS.length - 1]?.label ?? "";
    lines.push(line("interview-example-named", { example: `${first}3 ${last}1` }));
    if (question.row.group !== undefined) {
      const firstOfGroup = question.row.level3?.startsWith("1.") === true;
      buttons.push([btn(firstOfGroup ? "interview-btn-group-zero" : "interview-btn-group-rest-zero", { type: "group-zero" }, { group: question.row.level2 ?? "" })]);
    }
  }
  const suggestion = lastYearSuggestion(question, turn.context.lastYear, cells);
  if (suggestion?.kind === "values") {
    const inForce = question.kind === "t2-row";
    lines.push(line(inForce ? "interview-last-year-in-force-same" : "interview-last-year-values", { values: suggestion.values.join(" ") }));
    buttons.push([btn(inForce ? "interview-btn-last-year-in-force" : "interview-btn-last-year-values", { type: "last-year" })]);
  }
  if (suggestion?.kind === "in-force") lines.push(line("interview-last-year-in-force", { last: suggestion.lastInForce }));
  lines.push(...currentValues(turn, cells));
  buttons.push(navigationRow(turn, question));
  turn.say(lines, buttons);
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
  buttons.push(navigationRow(turn, question));
  turn.say(lines, buttons);
}

function askMeta(turn: Turn): void {
  const { agency, year } = turn.state.report.meta;
  const lines: Line[] = [progressLine(turn.state)];
  const pending = turn.state.pending;
  if (pending?.kind === "meta-field") {
    turn.say([...lines, line(pending.field === "agency" ? "interview-meta-ask-agency" : "interview-meta-ask-year")]);
    return;
  }
  if (agency === undefined || year === undefined) {
    turn.say([...lines, line(agency === undefined ? "interview-meta-ask-agency" : "interview-meta-ask-year")]);
    return;
  }
  const fixed = turn.context.yearFixed === true;
  turn.say(
    [...lines, line("interview-meta-confirm", { agency, year: String(year) }), ...(fixed ? [line("interview-meta-year-fixed", { year: String(year) })] : [])],
    [
      [btn("interview-btn-meta-ok", { type: "meta", what: "ok" })],
      fixed
        ? [btn("interview-btn-meta-agency", { type: "meta", what: "agency" })]
        : [btn("interview-btn-meta-agency", { type: "meta", what: "agency" }), btn("interview-btn-meta-year", { type: "meta", what: "year" })],
    ],
  );
}

function askGate(turn: Turn, question: Extract<Question, { kind: "gate" }>): void {
  if (turn.state.pending?.kind === "gate-no") {
    turn.say(
      [line("interview-gate-confirm", { count: question.gate.cells.length })],
      [[btn("interview-btn-confirm-zero", { type: "confirm", yes: true }), btn("interview-btn-cancel", { type: "confirm", yes: false })]],
    );
    return;
  }
  turn.say(
    [progressLine(turn.state), line(question.gate.key)],
    [[btn("interview-btn-yes", { type: "gate", yes: true }), btn("interview-btn-no", { type: "gate", yes: false })], navigationRow(turn, question)],
  );
}

/** Asks the current question (the finishing step is handled by finalise). */
export function askCurrent(turn: Turn): void {
  const question = questionById(turn.state.current);
  if (turn.state.pending?.kind === "append") {
    const target = questionById(turn.state.pending.question);
    turn.say([line("interview-append-ask", { label: questionLabel(target, turn) })], [[btn("interview-btn-cancel", { type: "confirm", yes: false })]]);
    return;
  }
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
