// Answers to the number questions (table rows and groups): parsed, checked against what is left
// to allocate, stored; or refused with the reason, leaving the report as it was.
import { cellOf } from "../report/cells.ts";
import { FEE_DECIMALS } from "../report/schema.ts";
import { carriedForwardRemainder, describeColumns, overAllocation, remaining } from "./allocation.ts";
import { lastYearSuggestion, rolledInForce } from "./last-year.ts";
import { askedCells } from "./navigation.ts";
import { parseNumbers, type NumberProblem } from "./parse-numbers.ts";
import type { CellQuestion } from "./plan.ts";
import { line, type Line, type Turn } from "./reply.ts";

const PROBLEM_KEYS: Record<NumberProblem["code"], string> = {
  empty: "interview-error-empty",
  "too-long": "interview-error-too-long",
  "not-number": "interview-error-not-number",
  "malformed-numeral": "interview-error-malformed-numeral",
  negative: "interview-error-negative",
  fraction: "interview-error-fraction",
  decimals: "interview-error-decimals",
  "too-large": "interview-error-too-large",
  count: "interview-error-count",
  "duplicate-name": "interview-error-duplicate-name",
};

export function problemLine(problem: NumberProblem): Line {
  const { code, ...params } = problem;
  return line(PROBLEM_KEYS[code], params);
}

/** Stores a row's numbers, or returns the refusal. */
export function answerNumbers(turn: Turn, question: CellQuestion, text: string): Line | undefined {
  const cells = askedCells(turn.state, question);
  const fees = question.kind === "t2-row" && question.block.unit === "wanYuan";
  const names = cells.map((cell) => cellOf(cell).columnLabel);
  let parsed = parseNumbers(text, { count: cells.length, names, decimals: fees ? FEE_DECIMALS : 0 });
  // 「2 1」 for 制发 废止: 现行有效 follows from last year's (offered in the question).
  const rollover = lastYearSuggestion(question, turn.context.lastYear, cells);
  if (!parsed.ok && rollover?.kind === "in-force") {
    const two = parseNumbers(text, { count: 2, names: names.slice(0, 2), decimals: 0 });
    if (two.ok) {
      const [issued = 0, repealed = 0] = two.values;
      const inForce = rolledInForce(rollover.lastInForce, issued, repealed);
      if (inForce === undefined) return line("interview-error-in-force-negative", { last: rollover.lastInForce, issued, repealed });
      parsed = { ok: true, values: [issued, repealed, inForce] };
    }
  }
  if (!parsed.ok) return problemLine(parsed.problem);
  const values = turn.state.report.values;
  if (question.kind === "t3-row" && question.row.part === "result") {
    const over = overAllocation(values, question.row.key, parsed.values);
    if (over !== undefined) return line("interview-error-over", { column: over.column, left: over.left, entered: over.entered });
  }
  if (question.kind === "t3-remainder") {
    const remainder = carriedForwardRemainder(values);
    if (remainder !== undefined && remainder.some((value, index) => value !== parsed.values[index])) {
      return line("interview-error-remainder", { list: describeColumns(remainder) });
    }
  }
  cells.forEach((cell, index) => turn.setValue(cell, parsed.values[index]));
  const total = parsed.values.reduce((sum, value) => sum + value, 0);
  turn.say(savedLines(turn, question, total));
  return undefined;
}

function savedLines(turn: Turn, question: CellQuestion, total: number): Line[] {
  const lines: Line[] = [];
  if (question.kind === "t3-row" || question.kind === "t4-group" || question.kind === "t3-remainder") {
    lines.push(line("interview-saved-total", { total }));
  } else {
    lines.push(line("interview-saved"));
  }
  if (question.kind === "t3-row" && question.row.part !== "result") {
    const left = remaining(turn.state.report.values);
    if (left.some((value) => value !== undefined && value < 0)) lines.push(line("interview-t3-overdrawn", { list: describeColumns(left) }));
  }
  return lines;
}

/** 「全部为0」 for a result group: this row and the rest of its group become 0. */
export function zeroRestOfGroup(turn: Turn, question: CellQuestion, groupRows: readonly CellQuestion[]): void {
  const from = groupRows.indexOf(question);
  for (const row of groupRows.slice(Math.max(from, 0))) for (const cell of askedCells(turn.state, row)) turn.setValue(cell, 0);
  turn.say([line("interview-group-zeroed", { count: groupRows.length - Math.max(from, 0) })]);
}

/** The one-tap 四、结转下年度继续办理; false when the remainder is not known. */
export function acceptRemainder(turn: Turn, question: CellQuestion): boolean {
  const remainder = carriedForwardRemainder(turn.state.report.values);
  if (remainder === undefined) return false;
  question.cells.forEach((cell, index) => turn.setValue(cell, remainder[index]));
  turn.say([line("interview-saved-total", { total: remainder.reduce((sum, value) => sum + value, 0) })]);
  return true;
}
