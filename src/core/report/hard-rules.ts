// Hard rules: a report that breaks one cannot be finalised. Driven by the arithmetic data
// (SUM_RULES, BALANCE_RULES). Reference: 国办公开办函〔2021〕30号 表三 勾稽关系; spec "Rules".
import { BALANCE_RULES, SUM_RULES, sumOf } from "./arithmetic.ts";
import type { CheckContext } from "./check-context.ts";
import { T3_COLUMNS, T3_TOTAL_COLUMN } from "./format.ts";
import type { Finding } from "./findings.ts";
import { finding } from "./rules.ts";
import { valueProblem } from "./schema.ts";

/** Values that may not stand in their cell: unknown id, not a number, negative, fractional count. */
export function invalidValues(ctx: CheckContext): Finding[] {
  const values: unknown = ctx.report.values;
  if (typeof values !== "object" || values === null) return [];
  return Object.entries(values).flatMap(([id, value]) => {
    const problem = valueProblem(id, value);
    if (problem === null) return [];
    const actual = typeof value === "number" && Number.isFinite(value) ? { actual: value } : {};
    return [finding("value-invalid", { cells: [id], ...actual, params: { problem, value: String(value) } })];
  });
}

/**
 * Totals present in `values` (an imported document's printed ones, or typed ones) against the
 * totals derived from the typed cells: each disagreeing cell once, with expected and actual.
 * Totals that are absent are derived, hence right by construction.
 */
export function wrongTotals(ctx: CheckContext): Finding[] {
  const seen = new Set<string>();
  const findings: Finding[] = [];
  for (const rule of SUM_RULES) {
    // t3.resultTotal.total is the target of two rules (its row and its column): report it once.
    if (seen.has(rule.target)) continue;
    seen.add(rule.target);
    const actual = ctx.year.valid[rule.target];
    const expected = ctx.year.known[rule.target];
    if (actual === undefined || expected === undefined || actual === expected) continue;
    findings.push(finding(rule.rule, { cells: [rule.target, ...rule.addends], expected, actual }));
  }
  return findings;
}

/** Table 3, every column: 一 + 二 = 三（七）总计 + 四, evaluated only when all four are known. */
export function unbalancedColumns(ctx: CheckContext): Finding[] {
  const off: { column: string; finding: Finding }[] = [];
  for (const rule of BALANCE_RULES) {
    const left = sumOf(ctx.year.known, rule.left);
    const right = sumOf(ctx.year.known, rule.right);
    if (left === undefined || right === undefined || left === right) continue;
    const column = T3_COLUMNS.find((candidate) => candidate.key === rule.column)?.label ?? rule.column;
    const item = finding("t3-balance", { cells: [...rule.left, ...rule.right], expected: left, actual: right, params: { column, left, right } });
    off.push({ column: rule.column, finding: item });
  }
  // The 总计 column is the sum of the applicant columns: when one of them is off, repeating it
  // for 总计 only adds noise.
  const applicantOff = off.some((item) => item.column !== T3_TOTAL_COLUMN.key);
  return off.filter((item) => !applicantOff || item.column !== T3_TOTAL_COLUMN.key).map((item) => item.finding);
}
