// The form's arithmetic as data (spec "Rules"; 表三 勾稽关系): the sums and balances the hard rules
// demand, from which the computed cells are derived.
import { DERIVED_CELL_IDS } from "./cells.ts";
import {
  T3_APPLICANT_COLUMNS,
  T3_COLUMNS,
  T3_RESULT_ROWS,
  T3_RESULT_TOTAL_ROW,
  T3_ROWS,
  T4_GROUPS,
  T4_OUTCOME_COLUMNS,
  t3CellId,
  t4CellId,
  type T3Row,
} from "./format.ts";
import type { Values } from "./schema.ts";

/** `target` must equal the sum of `addends`; `rule` is the family the finding's sentence names. */
export interface SumRule {
  readonly rule: "t3-row-total" | "t3-result-total" | "t4-group-total";
  readonly target: string;
  readonly addends: readonly string[];
}

/** Table 3, one column: sum(left) must equal sum(right). */
export interface BalanceRule {
  readonly column: string;
  readonly left: readonly string[];
  readonly right: readonly string[];
}

const rowTotal = (row: T3Row): SumRule => ({
  rule: "t3-row-total",
  target: t3CellId(row.key, "total"),
  addends: T3_APPLICANT_COLUMNS.map((column) => t3CellId(row.key, column.key)),
});

/** Sum rules in an order where every addend is either an input or derived by an earlier rule. */
export const SUM_RULES: readonly SumRule[] = [
  ...T3_ROWS.filter((row) => row !== T3_RESULT_TOTAL_ROW).map(rowTotal),
  ...T3_COLUMNS.map((column): SumRule => ({
    rule: "t3-result-total",
    target: t3CellId(T3_RESULT_TOTAL_ROW.key, column.key),
    addends: T3_RESULT_ROWS.map((row) => t3CellId(row.key, column.key)),
  })),
  rowTotal(T3_RESULT_TOTAL_ROW),
  ...T4_GROUPS.map((group): SumRule => ({
    rule: "t4-group-total",
    target: t4CellId(group.key, "total"),
    addends: T4_OUTCOME_COLUMNS.map((column) => t4CellId(group.key, column.key)),
  })),
];

export const BALANCE_RULES: readonly BalanceRule[] = T3_COLUMNS.map((column) => ({
  column: column.key,
  left: [t3CellId("new", column.key), t3CellId("carriedOver", column.key)],
  right: [t3CellId(T3_RESULT_TOTAL_ROW.key, column.key), t3CellId("carriedForward", column.key)],
}));

export function sumOf(values: Values, ids: readonly string[]): number | undefined {
  let total = 0;
  for (const id of ids) {
    const value = values[id];
    if (value === undefined) return undefined;
    total += value;
  }
  return total;
}

/**
 * Typed cells plus computed totals: what a complete document prints. A total is present only when
 * every cell it adds up is known; printed totals in `values` are ignored (this is what they should be).
 */
export function withTotals(values: Values): Values {
  const known: Values = { ...values };
  for (const id of DERIVED_CELL_IDS) delete known[id];
  for (const rule of SUM_RULES) {
    // t3.resultTotal.total is the target of two rules (its row and its column).
    const total = known[rule.target] ?? sumOf(known, rule.addends);
    if (total !== undefined) known[rule.target] = total;
  }
  return known;
}

/** The computed cells alone. */
export function deriveTotals(values: Values): Values {
  const known = withTotals(values);
  const derived: Values = {};
  for (const { target } of SUM_RULES) if (known[target] !== undefined) derived[target] = known[target];
  return derived;
}
