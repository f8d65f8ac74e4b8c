// The office summary as .xlsx: tables 2–4 with the official labels (国办公开办函〔2021〕30号) and a sheet
// of every department. write-excel-file, not exceljs: a large tree, partly deprecated, for plain cells.
import type { Sheet, SheetData } from "write-excel-file/node";
import type { OfficeSummary } from "../core/summary/aggregate.ts";
import { INPUT_CELL_IDS, cellLabel } from "../core/report/cells.ts";
import { T3_COLUMNS, T3_ROWS, T4_COLUMNS, T4_GROUPS, t3CellId, t3RowLabel, t4CellId } from "../core/report/format.ts";
import type { Report, Values } from "../core/report/schema.ts";
import { drawnCells, type GridCell } from "../core/render/grid.ts";
import { TABLES, kindRow, table3Header, titles, valueCell } from "../core/render/tables.ts";

export type SheetText = (key: string, params?: Record<string, string | number>) => string;

export interface DepartmentColumn {
  readonly name: string;
  /** A lifecycle status or "none". */
  readonly status: string;
  readonly report?: Report;
}

type Rows = readonly (readonly GridCell[])[];

/** Rows of grid cells (tables.ts) as write-excel-file's data: a merge spans from its top-left cell, the rest null. */
function sheetData(rows: Rows): SheetData {
  return drawnCells(rows).map((drawn) => {
    const row: SheetData[number] = [];
    for (const { cell, column, rowSpan } of drawn) {
      const value = cell.value ?? (cell.text === "" ? null : cell.text);
      const columnSpan = cell.span ?? 1;
      const merged = rowSpan > 1 || columnSpan > 1;
      const spans = merged ? { rowSpan, columnSpan } : {};
      row[column] = value === null && !merged ? null : { value: value ?? "", ...spans };
    }
    return Array.from(row, (cell) => cell ?? null);
  });
}

// 表三 with one label column: the row's whole label, as the officer knows it.
function table3(values: Values): Rows {
  const body = T3_ROWS.map((row) => [
    { text: t3RowLabel(row) },
    ...T3_COLUMNS.map((column) => valueCell(values, t3CellId(row.key, column.key))),
  ]);
  return [...table3Header(1), ...body];
}

// 表四 with every column title in row 3: a group without a sub-heading (行政复议) spans rows 1–2.
function table4(values: Values): Rows {
  const span = T4_COLUMNS.length;
  const alone = (kind: string): boolean => T4_GROUPS.some((group) => group.kind === kind && group.sub === undefined);
  return [
    kindRow().map((cell): GridCell => (alone(cell.text) ? { ...cell, merge: "restart" } : cell)),
    T4_GROUPS.map((group): GridCell =>
      group.sub === undefined ? { text: group.kind, span, merge: "continue" } : { text: group.sub, span },
    ),
    T4_GROUPS.flatMap(() => titles()),
    T4_GROUPS.flatMap((group) => T4_COLUMNS.map((column) => valueCell(values, t4CellId(group.key, column.key)))),
  ];
}

function departmentsSheet(departments: readonly DepartmentColumn[], t: SheetText): SheetData {
  const header = [t("sup-xlsx-department"), t("sup-xlsx-status"), ...INPUT_CELL_IDS.map((id) => cellLabel(id))];
  const rows = departments.map((department) => {
    const values = department.report?.values ?? {};
    const cells = INPUT_CELL_IDS.map((id) => values[id] ?? null);
    return [department.name, t("sup-status", { status: department.status }), ...cells];
  });
  return [header, ...rows].map((row) => row.map((value) => (value === null ? null : { value })));
}

/** A sheet of the workbook: its name, its data, its first column's width and the frozen panes. */
function sheet(
  name: string,
  data: SheetData,
  firstColumnWidth?: number,
  frozen?: { rows: number; columns: number },
): Sheet<never> {
  return {
    sheet: name,
    data,
    ...(firstColumnWidth === undefined ? {} : { columns: [{ width: firstColumnWidth }] }),
    ...(frozen === undefined ? {} : { stickyRowsCount: frozen.rows, stickyColumnsCount: frozen.columns }),
  };
}

export async function summaryWorkbook(summary: OfficeSummary, departments: readonly DepartmentColumn[], t: SheetText): Promise<Uint8Array> {
  // Loaded on first use: only /summary needs it.
  const { default: writeExcelFile } = await import("write-excel-file/node");
  const values = summary.report.values;
  const sheets = [
    sheet(t("sup-xlsx-sheet-t2"), sheetData(TABLES[2](values).rows), 20),
    sheet(t("sup-xlsx-sheet-t3"), sheetData(table3(values)), 40),
    sheet(t("sup-xlsx-sheet-t4"), sheetData(table4(values))),
    sheet(t("sup-xlsx-sheet-departments"), departmentsSheet(departments, t), 24, { rows: 1, columns: 2 }),
  ];
  return new Uint8Array(await writeExcelFile(sheets).toBuffer());
}
