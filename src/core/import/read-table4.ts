// Table 4 (行政复议、行政诉讼): one row of 15 numbers under a header without row labels, in the
// order 行政复议, 未经复议直接起诉, 复议后起诉 × 结果维持 … 总计. Reference: 国办公开办函〔2021〕30号 表四.
import { T4_COLUMNS, T4_GROUPS, t4CellId } from "../report/format.ts";
import { isBlankCell, isNumberCell } from "./cell-value.ts";
import type { ImportNote } from "./import-result.ts";
import type { TableRead } from "./read-table2.ts";
import { resolveValues, storeRow } from "./row-values.ts";
import { labelThenValues, type Row } from "./rows.ts";

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
  // Each group ends with its 总计, which recovers a row whose cell boundaries were lost.
  const resolved = resolveValues(cells, IDS.length, exact, T4_COLUMNS.length);
  storeRow(IDS, resolved, { label: LABEL, text: cells.join(" ") }, values, notes);
  return { values, notes };
}
