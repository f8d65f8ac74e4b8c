// Answers to the number questions (table rows and groups): parsed, checked against what is left
// to allocate, stored; or refused with the reason, leaving the report as it was.
import { cellOf } from "../report/cells.ts";
import { FEE_DECIMALS } from "../report/schema.ts";
import { carriedForwardRemainder, describeColumns, overAllocation, overdrawn, remaining } from "./allocation.ts";
import { lastYearSuggestion } from "./drafts.ts";
import { askedCells } from "./navigation.ts";
import { parseNumbers, type NumberProblem } from "./parse-numbers.ts";
import { PLAN, type CellQuestion, type Question } from "./plan.ts";
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

function problemLine(problem: NumberProblem): Line {
  const { code, ...params } = problem;
  return line(PROBLEM_KEYS[code], params);
}

/** Stores a row's numbers, or returns the refusal. */
export function answerNumbers(turn: Turn, question: CellQuestion, text: string): Line | undefined {
  const cells = askedCells(turn.state, question);
  const fees = question.kind === "t2-row" && question.block.unit === "wanYuan";
  const names = cells.map((cell) => cellOf(cell).columnLabel);
  const parsed = parseNumbers(text, { count: cells.length, names, decimals: fees ? FEE_DECIMALS : 0 });
  if (parsed.ok) return storeNumbers(turn, question, parsed.values);
  // 「2 1」 for 制发 废止: 现行有效 follows from last year's (offered in the question).
  const rollover = lastYearSuggestion(question, turn.context.lastYear, cells);
  if (rollover?.kind !== "in-force") return problemLine(parsed.problem);
  const two = parseNumbers(text, { count: 2, names: names.slice(0, 2), decimals: 0 });
  if (!two.ok) return problemLine(parsed.problem);
  const [issued = 0, repealed = 0] = two.values;
  const inForce = rollover.lastInForce + issued - repealed;
  if (inForce < 0) return line("interview-error-in-force-negative", { last: rollover.lastInForce, issued, repealed });
  return storeNumbers(turn, question, [issued, repealed, inForce]);
}

/** Stores numbers for the cells a question asks, unless table 3's running totals refuse them. */
export function storeNumbers(turn: Turn, question: CellQuestion, entered: readonly number[]): Line | undefined {
  const values = turn.state.report.values;
  if (question.kind === "t3-row" && question.row.part === "result") {
    const over = overAllocation(values, question.row.key, entered);
    if (over !== undefined) return over;
  }
  const remainder = question.kind === "t3-remainder" ? carriedForwardRemainder(values) : undefined;
  if (remainder !== undefined && remainder.some((value, index) => value !== entered[index])) {
    return line("interview-error-remainder", { list: describeColumns(remainder) });
  }
  askedCells(turn.state, question).forEach((cell, index) => turn.setValue(cell, entered[index]));
  const total = entered.reduce((sum, value) => sum + value, 0);
  const counts = question.kind === "t3-row" || question.kind === "t4-group" || question.kind === "t3-remainder";
  const lines = [counts ? line("interview-saved-total", { total }) : line("interview-saved")];
  if (question.kind === "t3-row" && question.row.part !== "result") {
    const left = remaining(turn.state.report.values);
    if (overdrawn(left)) lines.push(line("interview-t3-overdrawn", { list: describeColumns(left) }));
  }
  turn.say(lines);
  return undefined;
}

/** 「全部为0」 for a result group: this row and the rest of its group become 0; false outside a group. */
export function zeroRestOfGroup(turn: Turn, question: Question): boolean {
  if (question.kind !== "t3-row" || question.row.group === undefined) return false;
  const group = question.row.group;
  const rows = PLAN.filter(
    (candidate): candidate is CellQuestion => candidate.kind === "t3-row" && candidate.row.group === group,
  );
  const rest = rows.slice(Math.max(rows.indexOf(question), 0));
  for (const row of rest) for (const cell of askedCells(turn.state, row)) turn.setValue(cell, 0);
  turn.say([line("interview-group-zeroed", { count: rest.length })]);
  return true;
}
