// Table 2 (主动公开政府信息情况): rows found by their label anywhere in the section, so header rows
// (第二十条第（一）项, 信息内容 …), repeated headers and drifted labels (规范性文件) do not matter.
// Reference: 国办公开办函〔2021〕30号 表二; spec "Table 2".
import { T2_BLOCKS, type T2Block, type T2Row, t2CellId } from "../report/format.ts";
import type { ImportNote } from "./import-result.ts";
import { bestMatch, labelKey } from "./normalise.ts";
import { readTable2Text } from "./read-run-together.ts";
import { resolveValues, storeRow } from "./row-values.ts";
import { labelThenValues, type Row } from "./rows.ts";

export interface TableRead {
  readonly values: Record<string, number>;
  readonly notes: ImportNote[];
}

const ROWS: readonly { block: T2Block; row: T2Row }[] = T2_BLOCKS.flatMap((block) => block.rows.map((row) => ({ block, row })));
const CANDIDATES = ROWS.map(({ row }) => [labelKey(row.label)]);

export function readTable2(rows: readonly Row[]): TableRead {
  // Text without a grid: the cell boundaries may be lost, rows are anchored on their labels.
  if (rows.length > 0 && rows.every((row) => !row.exact)) return readTable2Text(rows);
  const values: Record<string, number> = {};
  const notes: ImportNote[] = [];
  const seen = new Set<number>();
  // A label printed on a line of its own (a cell with a line break) names the next row whose label cells are empty.
  let pending = "";
  for (const row of rows) {
    const { label: printed, values: cells } = labelThenValues(row);
    const label = printed.join("").trim() === "" && pending !== "" ? [pending] : printed;
    pending = cells.length === 0 ? printed.join("") : "";
    if (cells.length === 0) continue;
    const index = bestMatch(labelKey(label.join("")), CANDIDATES);
    const target = ROWS[index];
    if (target === undefined) continue;
    if (seen.has(index)) {
      notes.push({ code: "row-duplicate", params: { row: target.row.label } });
      continue;
    }
    seen.add(index);
    const width = target.block.columns.length;
    // A single-column block's value cell spans the three value columns: its text is in the first.
    const own = width === 1 ? [cells.find((cell) => cell.trim() !== "") ?? ""] : cells;
    const ids = target.block.columns.map((column) => t2CellId(target.row, column));
    storeRow(ids, resolveValues(own, width, row.exact, null), { label: target.row.label, text: cells.join(" ") }, values, notes);
  }
  if (seen.size === 0) return { values, notes: [...notes, { code: "table-missing", params: { table: 2 } }] };
  ROWS.forEach(({ row }, index) => {
    if (!seen.has(index)) notes.push({ code: "row-missing", params: { row: row.label } });
  });
  return { values, notes };
}
