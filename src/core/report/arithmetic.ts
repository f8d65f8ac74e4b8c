// The arithmetic of the form as data: every sum and balance the hard rules demand, and the
// derivation of computed cells from them. Reference: spec report-format.md, "Rules"; 国办公开办函〔2021〕30号 表三 勾稽关系.
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
} from "./format.ts";
import type { Values } from "./schema.ts";

/** `target` must equal the sum of `addends`. */
export interface SumRule {
  readonly kind: "sum";
  /** Rule family: what the finding's sentence says. */
  readonly rule: "t3-row-total" | "t3-result-total" | "t4-group-total";
  readonly target: string;
  readonly addends: readonly string[];
}

/** sum(left) must equal sum(right). */
export interface BalanceRule {
  readonly kind: "balance";
  readonly rule: "t3-balance";
  readonly left: readonly string[];
  readonly right: readonly string[];
  /** The column the balance is about. */
  readonly column: string;
}

export type ArithmeticRule = SumRule | BalanceRule;

const rowTotals: SumRule[] = T3_ROWS.map((row) => ({
  kind: "sum",
  rule: "t3-row-total",
  target: t3CellId(row.key, "total"),
  addends: T3_APPLICANT_COLUMNS.map((column) => t3CellId(row.key, column.key)),
}));

const resultTotals: SumRule[] = T3_COLUMNS.map((column) => ({
  kind: "sum",
  rule: "t3-result-total",
  target: t3CellId(T3_RESULT_TOTAL_ROW.key, column.key),
  addends: T3_RESULT_ROWS.map((row) => t3CellId(row.key, column.key)),
}));

const balances: BalanceRule[] = T3_COLUMNS.map((column) => ({
  kind: "balance",
  rule: "t3-balance",
  column: column.key,
  left: [t3CellId("new", column.key), t3CellId("carriedOver", column.key)],
  right: [t3CellId(T3_RESULT_TOTAL_ROW.key, column.key), t3CellId("carriedForward", column.key)],
}));

const groupTotals: SumRule[] = T4_GROUPS.map((group) => ({
  kind: "sum",
  rule: "t4-group-total",
  target: t4CellId(group.key, "total"),
  addends: T4_OUTCOME_COLUMNS.map((column) => t4CellId(group.key, column.key)),
}));

/** Sum rules in an order where every addend is either an input or derived by an earlier rule. */
export const SUM_RULES: readonly SumRule[] = [
  ...rowTotals.filter((rule) => !rule.target.startsWith(`t3.${T3_RESULT_TOTAL_ROW.key}.`)),
  ...resultTotals,
  ...rowTotals.filter((rule) => rule.target.startsWith(`t3.${T3_RESULT_TOTAL_ROW.key}.`)),
  ...groupTotals,
];

export const BALANCE_RULES: readonly BalanceRule[] = balances;
export const ARITHMETIC_RULES: readonly ArithmeticRule[] = [...SUM_RULES, ...BALANCE_RULES];

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
 * The computed cells from the typed ones. A computed cell is present only when every cell it
 * adds up is known. Printed totals in `values` are ignored: this is what they should be.
 */
export function deriveTotals(values: Values): Values {
  // `known` = inputs plus the totals derived so far (kept incrementally: copying ~200 cells per
  // rule made this the slowest step of rendering).
  const known: Values = { ...values };
  for (const id of DERIVED_CELL_IDS) delete known[id];
  const derived: Values = {};
  for (const rule of SUM_RULES) {
    if (derived[rule.target] !== undefined) continue;
    const total = sumOf(known, rule.addends);
    if (total !== undefined) {
      derived[rule.target] = total;
      known[rule.target] = total;
    }
  }
  return derived;
}

/** Typed cells plus computed totals: what a complete document prints. */
export function withTotals(values: Values): Values {
  const inputs: Values = { ...values };
  for (const id of DERIVED_CELL_IDS) delete inputs[id];
  return { ...inputs, ...deriveTotals(inputs) };
}
