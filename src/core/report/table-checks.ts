// Soft checks on the tables: continuity with last year's report, （六）其他处理 and magnitudes.
// Reference: spec report-format.md, "Soft checks"; 条例 / 国办公开办函〔2021〕30号 表二、表三.
import { sumOf } from "./arithmetic.ts";
import { APPLICANT_KEYS, CELLS } from "./cells.ts";
import type { CheckContext } from "./check-context.ts";
import { T2_BLOCKS, T3_RESULT_GROUPS, T3_TOTAL_COLUMN, t2CellId, t3CellId } from "./format.ts";
import type { Finding } from "./findings.ts";
import { THRESHOLDS, finding } from "./rules.ts";

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
