// Checks on the tables: hard rules from the arithmetic data (SUM_RULES, BALANCE_RULES), soft checks
// against last year, （六）其他处理 and magnitudes. Reference: spec "Rules", "Soft checks"; 表二、表三 勾稽关系.
import { BALANCE_RULES, SUM_RULES, sumOf } from "./arithmetic.ts";
import { APPLICANT_KEYS, CELLS } from "./cells.ts";
import type { CheckContext } from "./check.ts";
import { T2_BLOCKS, T3_COLUMNS, T3_RESULT_GROUPS, T3_TOTAL_COLUMN, t2CellId, t3CellId } from "./format.ts";
import type { Finding } from "./findings.ts";
import { THRESHOLDS, finding } from "./rules.ts";
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

/** Totals present in `values` (printed or typed) that disagree with those derived from the typed cells. */
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
  // 总计 sums the applicant columns: when one of them is off, repeating it for 总计 is noise.
  const applicantOff = off.some((item) => item.column !== T3_TOTAL_COLUMN.key);
  return off.filter((item) => !applicantOff || item.column !== T3_TOTAL_COLUMN.key).map((item) => item.finding);
}

/** 二、上年结转 this year should be last year's 四、结转下年度继续办理, column by column. */
export function carriedOverMismatch(ctx: CheckContext): Finding[] {
  const last = ctx.lastYear;
  if (last === undefined) return [];
  return APPLICANT_KEYS.flatMap((column) => {
    const actual = ctx.year.known[t3CellId("carriedOver", column)];
    const expected = last.known[t3CellId("carriedForward", column)];
    if (actual === undefined || expected === undefined || actual === expected) return [];
    return [finding("carried-over-mismatch", { cells: [t3CellId("carriedOver", column)], expected, actual })];
  });
}

/** The table-2 rows that carry 本年制发 / 本年废止 / 现行有效 (第二十条第（一）项). */
const STOCK_ROWS = T2_BLOCKS.flatMap((block) => {
  const column = (key: string) => block.columns.find((candidate) => candidate.key === key);
  const issued = column("issued");
  const repealed = column("repealed");
  const inForce = column("inForce");
  if (issued === undefined || repealed === undefined || inForce === undefined) return [];
  return block.rows.map((row) => ({ issued: t2CellId(row, issued), repealed: t2CellId(row, repealed), inForce: t2CellId(row, inForce) }));
});

/** 现行有效件数 should be last year's 现行有效 + 本年制发 − 本年废止. */
export function inForceMismatch(ctx: CheckContext): Finding[] {
  const last = ctx.lastYear;
  if (last === undefined) return [];
  return STOCK_ROWS.flatMap((ids) => {
    const lastInForce = last.known[ids.inForce];
    const issued = ctx.year.known[ids.issued];
    const repealed = ctx.year.known[ids.repealed];
    const actual = ctx.year.known[ids.inForce];
    if (lastInForce === undefined || issued === undefined || repealed === undefined || actual === undefined) return [];
    const expected = lastInForce + issued - repealed;
    if (actual === expected) return [];
    return [finding("in-force-mismatch", { cells: [ids.inForce, ids.issued, ids.repealed], expected, actual, params: { lastInForce, issued, repealed } })];
  });
}

const OTHER_HANDLING_CELLS = (T3_RESULT_GROUPS.find((group) => group.key === "otherHandling")?.rows ?? []).map((row) =>
  t3CellId(row.key, T3_TOTAL_COLUMN.key),
);
const APPLICATION_CELLS = [t3CellId("new", T3_TOTAL_COLUMN.key), t3CellId("carriedOver", T3_TOTAL_COLUMN.key)];

/** （六）其他处理 above THRESHOLDS.otherHandlingShare of new + carried-over applications. */
export function otherHandlingHigh(ctx: CheckContext): Finding[] {
  const count = sumOf(ctx.year.known, OTHER_HANDLING_CELLS);
  const applications = sumOf(ctx.year.known, APPLICATION_CELLS);
  if (count === undefined || applications === undefined) return [];
  if (count < THRESHOLDS.otherHandlingMinCases || count <= applications * THRESHOLDS.otherHandlingShare) return [];
  const share = applications === 0 ? 100 : Math.round((count / applications) * 100);
  return [
    finding("other-handling-high", {
      cells: OTHER_HANDLING_CELLS,
      actual: count,
      params: { applications, share, limit: Math.round(THRESHOLDS.otherHandlingShare * 100) },
    }),
  ];
}

/** A count above 100 000 or fees above 100 000 万元: typed cells only (totals follow from them). */
export function implausibleMagnitudes(ctx: CheckContext): Finding[] {
  return CELLS.flatMap((cell) => {
    const actual = ctx.year.valid[cell.id];
    if (cell.kind !== "input" || actual === undefined) return [];
    const limit = cell.unit === "wanYuan" ? THRESHOLDS.maxFeesWanYuan : THRESHOLDS.maxCount;
    return actual > limit ? [finding("magnitude-implausible", { cells: [cell.id], actual, params: { limit, unit: cell.unit } })] : [];
  });
}
