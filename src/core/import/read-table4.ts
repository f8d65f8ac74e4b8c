// Table 4 (行政复议、行政诉讼): one row of 15 numbers under a header without row labels, in the
// order 行政复议, 未经复议直接起诉, 复议后起诉 × 结果维持 … 总计. Reference: 国办公开办函〔2021〕30号 表四.
import { T4_COLUMNS, T4_GROUPS, t4CellId } from "../report/format.ts";
import { isBlankCell, isNumberCell, readCell } from "./cell-value.ts";
import type { ImportNote } from "./import-result.ts";
import type { TableRead } from "./read-table2.ts";
import { resolveValues, storeRow } from "./row-values.ts";
import { labelThenValues, type Row } from "./rows.ts";
import { allSplits } from "./split-digits.ts";
import { printedApart } from "./read-run-together.ts";

/** Readings kept at most; beyond, the table is unreadable rather than a long list. */
const MAX_READINGS = 24;
const GROUP = T4_COLUMNS.length;

const IDS = T4_GROUPS.flatMap((group) => T4_COLUMNS.map((column) => t4CellId(group.key, column.key)));
const LABEL = T4_GROUPS.map((group) => group.sub ?? group.kind).join("、");

export function readTable4(rows: readonly Row[]): TableRead {
  const values: Record<string, number> = {};
  const notes: ImportNote[] = [];
  const cells: string[] = [];
  let exact = true;
  for (const row of rows) {
    const { values: rowCells } = labelThenValues(row);
    const dataRow = rowCells.some(isNumberCell) || (row.exact && rowCells.length === IDS.length && rowCells.every(isBlankCell));
    if (!dataRow) continue;
    cells.push(...rowCells);
    exact &&= row.exact;
  }
  if (cells.length === 0) return { values, notes: [{ code: "table-missing", params: { table: 4 } }] };
  if (!exact) return readRunTogether(cells, values, notes);
  // Each group ends with its 总计, which recovers a row whose cell boundaries were lost.
  const resolved = resolveValues(cells, IDS.length, exact, T4_COLUMNS.length);
  storeRow(IDS, resolved, { label: LABEL, text: cells.join(" ") }, values, notes);
  return { values, notes };
}

/**
 * Text without cell boundaries: every cut into three groups whose 总计 adds up. A group is taken
 * when every reading agrees on it; a group read several ways is listed for the officer, never picked.
 */
function readRunTogether(cells: readonly string[], values: Record<string, number>, notes: ImportNote[]): TableRead {
  const tokens = cells.flatMap((cell) => cell.trim().split(/\s+/u)).filter((token) => token !== "");
  const readings = tokens.length === IDS.length ? [tokens.map(Number)] : allSplits(tokens, IDS.length, GROUP, MAX_READINGS);
  if (readings === "too-many" || readings.length === 0 || readings.some((reading) => reading.some(Number.isNaN))) {
    storeRow(IDS, { kind: "unreadable" }, { label: LABEL, text: tokens.join(" ") }, values, notes);
    return { values, notes };
  }
  T4_GROUPS.forEach((group, index) => {
    const ids = IDS.slice(index * GROUP, (index + 1) * GROUP);
    const options = [...new Map(readings.map((reading) => reading.slice(index * GROUP, (index + 1) * GROUP)).map((part) => [part.join(" "), part])).values()];
    const label = [group.kind, group.sub].filter((part) => part !== undefined).join("·");
    const [only] = options;
    if (options.length === 1 && only !== undefined) {
      storeRow(ids, readings.length === 1 && printedApart(tokens, IDS.length) ? { kind: "cells", cells: only.map((value) => readCell(String(value))) } : { kind: "split", values: only }, { label, text: tokens.join(" ") }, values, notes);
    } else {
      notes.push({ code: "row-ambiguous", params: { row: label, text: tokens.join(" "), candidates: options.map((option) => option.join(" ")).join(" / ") }, choices: { cells: ids, options } });
    }
  });
  return { values, notes };
}
