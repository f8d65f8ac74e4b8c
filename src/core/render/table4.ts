// 表四 政府信息公开行政复议、行政诉讼情况: 行政复议 (5 columns) and 行政诉讼 (10, split into
// 未经复议直接起诉 and 复议后起诉), three header rows and one row of 15 numbers.
// Reference: 国办公开办函〔2021〕30号, 四、政府信息公开行政复议、行政诉讼情况 (and the official template's merges).
import type { Table } from "docx";
import { T4_COLUMNS, T4_GROUPS, T4_TOTAL_COLUMN, t4CellId, type T4Group } from "../report/format.ts";
import type { Values } from "../report/schema.ts";
import { cellText } from "./cell-text.ts";
import { CELL_MARGIN, widthForDigits } from "./fit.ts";
import { gridTable, type GridCell } from "./grid.ts";
import { SIZES, TEXT_WIDTH } from "./page.ts";

const WIDTH = T4_COLUMNS.length;

/** Consecutive groups of one kind (行政诉讼's two) share one top header cell. */
function kindRow(): GridCell[] {
  const cells: { text: string; span: number }[] = [];
  for (const group of T4_GROUPS) {
    const last = cells.at(-1);
    if (last !== undefined && last.text === group.kind) last.span += WIDTH;
    else cells.push({ text: group.kind, span: WIDTH });
  }
  return cells;
}

function titles(merge?: "restart" | "continue"): GridCell[] {
  return T4_COLUMNS.map((column) => ({ text: column.label, ...(merge === undefined ? {} : { merge }) }));
}

// A group without a subdivision has its column titles spanning the two lower header rows.
function subRow(group: T4Group): GridCell[] {
  return group.sub === undefined ? titles("restart") : [{ text: group.sub, span: WIDTH }];
}

function titleRow(group: T4Group): GridCell[] {
  return group.sub === undefined ? titles("continue") : titles();
}

export function table4Rows(values: Values): GridCell[][] {
  return [
    kindRow(),
    T4_GROUPS.flatMap(subRow),
    T4_GROUPS.flatMap(titleRow),
    T4_GROUPS.flatMap((group) => T4_COLUMNS.map((column) => ({ text: cellText(values, t4CellId(group.key, column.key)) }))),
  ];
}

/** Figures at 小五: five-digit outcomes and six-digit totals on one line, the spare width shared out. */
export function table4Widths(): number[] {
  const em = SIZES.smallTable * 10;
  const group = T4_COLUMNS.map((column) => widthForDigits(column.key === T4_TOTAL_COLUMN.key ? 6 : 5, em));
  const needed = group.reduce((a, b) => a + b, 0) * T4_GROUPS.length;
  const spare = Math.floor((TEXT_WIDTH - needed) / (WIDTH * T4_GROUPS.length));
  const widths = T4_GROUPS.flatMap(() => group.map((width) => width + spare));
  widths[widths.length - 1] = (widths.at(-1) ?? 0) + TEXT_WIDTH - widths.reduce((a, b) => a + b, 0);
  return widths;
}

export function table4(values: Values): Table {
  return gridTable(table4Rows(values), { columnWidths: table4Widths(), headerRows: 3, cellMargin: CELL_MARGIN, small: true });
}
