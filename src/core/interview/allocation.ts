// Running totals of table 3: per applicant column, how much of 一+二 the result rows have yet to
// account for (还需分配). Reference: 国办公开办函〔2021〕30号 表三 勾稽关系 (一+二 = 三（七）+四).
import { T3_APPLICANT_COLUMNS, T3_RESULT_ROWS, T3_ROWS, t3CellId, type T3Part } from "../report/format.ts";
import type { Values } from "../report/schema.ts";

export const rowKeysOf = (part: T3Part): string[] => T3_ROWS.filter((row) => row.part === part && row.derived !== true).map((row) => row.key);

const SUPPLY_ROWS = [...rowKeysOf("new"), ...rowKeysOf("carriedOver")];

/** Cell ids per applicant column, built once: this runs several times per answer. */
const COLUMN_CELLS = T3_APPLICANT_COLUMNS.map((column) => ({
  supply: SUPPLY_ROWS.map((row) => t3CellId(row, column.key)),
  results: T3_RESULT_ROWS.map((row) => ({ row: row.key, id: t3CellId(row.key, column.key) })),
}));

/** Per applicant column (in order): 一+二 minus the answered result rows other than `exceptRow`; undefined while 一 or 二 is unknown. */
export function remaining(values: Values, exceptRow?: string): (number | undefined)[] {
  return COLUMN_CELLS.map(({ supply, results }) => {
    let left = 0;
    for (const id of supply) {
      const value = values[id];
      if (value === undefined) return undefined;
      left += value;
    }
    for (const { row, id } of results) {
      if (row === exceptRow) continue;
      left -= values[id] ?? 0;
    }
    return left;
  });
}

export interface OverAllocation {
  readonly column: string;
  readonly left: number;
  readonly entered: number;
}

/** The first column where a result row would take more than is left, if any. */
export function overAllocation(values: Values, rowKey: string, entered: readonly number[]): OverAllocation | undefined {
  const left = remaining(values, rowKey);
  for (const [index, column] of T3_APPLICANT_COLUMNS.entries()) {
    const available = left[index];
    const value = entered[index] ?? 0;
    if (available !== undefined && value > available) return { column: column.label, left: Math.max(available, 0), entered: value };
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
