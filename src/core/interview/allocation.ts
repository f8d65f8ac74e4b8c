// Running totals of table 3 (还需分配): per applicant column, what of 一+二 the result rows have yet to
// account for (勾稽关系 一+二 = 三（七）+四).
import { sumOf } from "../report/arithmetic.ts";
import { T3_APPLICANT_COLUMNS, T3_RESULT_ROWS, t3CellId } from "../report/format.ts";
import type { Values } from "../report/schema.ts";
import type { Question } from "./plan.ts";
import { btn, line, type DraftButton, type Line } from "./reply.ts";

/** Cell ids per applicant column, built once: this runs several times per answer. */
const COLUMN_CELLS = T3_APPLICANT_COLUMNS.map((column) => ({
  supply: [t3CellId("new", column.key), t3CellId("carriedOver", column.key)],
  results: T3_RESULT_ROWS.map((row) => ({ row: row.key, id: t3CellId(row.key, column.key) })),
}));

/** Per applicant column (in order): 一+二 minus the answered result rows other than `exceptRow`; undefined while 一 or 二 is unknown. */
export function remaining(values: Values, exceptRow?: string): (number | undefined)[] {
  return COLUMN_CELLS.map(({ supply, results }) => {
    const supplied = sumOf(values, supply);
    if (supplied === undefined) return undefined;
    return results.reduce((left, { row, id }) => (row === exceptRow ? left : left - (values[id] ?? 0)), supplied);
  });
}

/** The refusal when a result row would take more than is left in some column. */
export function overAllocation(values: Values, rowKey: string, entered: readonly number[]): Line | undefined {
  const left = remaining(values, rowKey);
  for (const [index, column] of T3_APPLICANT_COLUMNS.entries()) {
    const available = left[index];
    const value = entered[index] ?? 0;
    if (available !== undefined && value > available) {
      return line("interview-error-over", { column: column.label, left: Math.max(available, 0), entered: value });
    }
  }
  return undefined;
}

/** 四、结转下年度继续办理 as the remainder, once every result row is answered and none over-allocates. */
export function carriedForwardRemainder(values: Values): number[] | undefined {
  const complete = COLUMN_CELLS.every(({ results }) => results.every(({ id }) => values[id] !== undefined));
  if (!complete) return undefined;
  const left = remaining(values);
  return left.every((value): value is number => value !== undefined && value >= 0) ? left : undefined;
}

/** 「自然人 3 · 商业企业 0 …」 for the running-totals line (official column labels and numbers only). */
export function describeColumns(numbers: readonly (number | undefined)[]): string {
  return T3_APPLICANT_COLUMNS.map((column, index) => `${column.label} ${numbers[index] ?? "—"}`).join(" · ");
}

export const overdrawn = (left: readonly (number | undefined)[]): boolean =>
  left.some((value) => value !== undefined && value < 0);

/** The running-totals lines while table 3 is asked. */
export function allocationLines(values: Values, question: Question): Line[] {
  if (question.kind === "t3-remainder") {
    const remainder = carriedForwardRemainder(values);
    if (remainder !== undefined) return [line("interview-t3-remainder", { list: describeColumns(remainder) })];
    const left = remaining(values);
    const key = overdrawn(left) ? "interview-t3-overdrawn" : "interview-t3-remainder-unknown";
    return [line(key, { list: describeColumns(left) })];
  }
  if (question.kind !== "t3-row" || question.row.part !== "result") return [];
  const left = remaining(values, question.row.key);
  if (left.every((value) => value === undefined)) return [];
  return [line("interview-t3-remaining", { list: describeColumns(left) })];
}

/** The one-tap 四 once the remainder is known. */
export function remainderButtonRow(values: Values): DraftButton[] {
  const remainder = carriedForwardRemainder(values);
  if (remainder === undefined) return [];
  return [btn("interview-btn-remainder", { type: "remainder" }, { values: remainder.join(" ") })];
}
