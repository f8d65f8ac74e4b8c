// Table 3 (收到和处理政府信息公开申请情况): 25 rows × 7 columns (six applicant types, 总计). A row
// is recognised by its own label, with or without the merged labels above it (三、本年度办理结果,
// （三）不予公开); header rows never match. Reference: 国办公开办函〔2021〕30号 表三; spec "Table 3".
import { T3_COLUMNS, T3_ROWS, type T3Row, t3CellId, t3RowLabel } from "../report/format.ts";
import type { ImportNote } from "./import-result.ts";
import { bestMatch, labelKey } from "./normalise.ts";
import type { TableRead } from "./read-table2.ts";
import { readTable3Text } from "./read-run-together.ts";
import { resolveValues, storeRow } from "./row-values.ts";
import { labelThenValues, type Row } from "./rows.ts";

const WIDTH = T3_COLUMNS.length;

function variants(row: T3Row): string[] {
  const own = row.level3 ?? row.level2 ?? row.level1;
  const forms = [own, `${row.level2 ?? ""}${own}`, `${row.level1}${own}`, t3RowLabel(row)];
  return [...new Set(forms.map(labelKey))];
}

const CANDIDATES = T3_ROWS.map(variants);

export function readTable3(rows: readonly Row[]): TableRead {
  // Text without a grid: the cell boundaries may be lost, rows are anchored on their labels.
  if (rows.length > 0 && rows.every((row) => !row.exact)) return readTable3Text(rows, CANDIDATES);
  const values: Record<string, number> = {};
  const notes: ImportNote[] = [];
  const seen = new Set<number>();
  // A label printed on a line of its own (a cell with a line break) names the next row whose label cells are empty.
  let pending = "";
  for (const row of rows) {
    const { label: printed, values: cells } = labelThenValues(row);
    const label = printed.join("").trim() === "" && pending !== "" ? [pending] : printed;
    pending = cells.length === 0 ? printed.join("") : "";
    if (cells.length === 0 || (row.exact && cells.length < WIDTH && cells.every((cell) => cell.trim() === ""))) continue;
    const index = bestMatch(labelKey(label.join("")), CANDIDATES);
    const target = T3_ROWS[index];
    if (target === undefined) continue;
    const name = t3RowLabel(target);
    if (seen.has(index)) {
      notes.push({ code: "row-duplicate", params: { row: name } });
      continue;
    }
    seen.add(index);
    const ids = T3_COLUMNS.map((column) => t3CellId(target.key, column.key));
    // Every row ends with its 总计: the printed total is what recovers a row with lost boundaries.
    storeRow(ids, resolveValues(cells, WIDTH, row.exact, WIDTH), { label: name, text: cells.join(" ") }, values, notes);
  }
  if (seen.size === 0) return { values, notes: [...notes, { code: "table-missing", params: { table: 3 } }] };
  T3_ROWS.forEach((row, index) => {
    if (!seen.has(index) && row.derived !== true) notes.push({ code: "row-missing", params: { row: t3RowLabel(row) } });
  });
  return { values, notes };
}
