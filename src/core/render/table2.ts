// 表二 主动公开政府信息情况: four blocks, each a header row spanning the table, a title row and its
// data rows; single-column blocks span the three value columns.
// Reference: 国办公开办函〔2021〕30号, 二、主动公开政府信息情况 (and the official template's merges).
import type { Table } from "docx";
import { T2_BLOCKS, T2_CONTENT_HEADER, t2CellId } from "../report/format.ts";
import type { Values } from "../report/schema.ts";
import { cellText } from "./cell-text.ts";
import { evenWidths, gridTable, type GridCell } from "./grid.ts";
import { TEXT_WIDTH } from "./page.ts";

const VALUE_COLUMNS = Math.max(...T2_BLOCKS.map((block) => block.columns.length));

export function table2Rows(values: Values): GridCell[][] {
  return T2_BLOCKS.flatMap((block) => {
    const span = block.columns.length === 1 ? VALUE_COLUMNS : 1;
    return [
      // Shaded and flush left, as the official template sets the 第二十条第（…）项 rows.
      [{ text: block.article, span: VALUE_COLUMNS + 1, shaded: true }],
      [{ text: T2_CONTENT_HEADER }, ...block.columns.map((column) => ({ text: column.label, span }))],
      ...block.rows.map((row) => [
        { text: row.label },
        ...block.columns.map((column) => ({ text: cellText(values, t2CellId(row, column)), span })),
      ]),
    ];
  });
}

export function table2(values: Values): Table {
  return gridTable(table2Rows(values), { columnWidths: evenWidths(VALUE_COLUMNS + 1, TEXT_WIDTH), headerRows: 0 });
}
