// The office summary as an .xlsx workbook (exceljs): one sheet per table with the official row
// and column labels from the format data and the office totals, and a sheet of every department
// with each input cell as a column. Bytes only: the caller writes or sends them.
// Reference: 国办公开办函〔2021〕30号 表二、表三、表四; spec report-format.md.
//
// Entry point: summaryWorkbook(summary, departments, t) → Promise<Uint8Array>
//   t: a translator (src/i18n.ts translator(locale)) for sheet names and the 各部门 headings
//   (keys sup-xlsx-*, sup-status); official labels come from the format data unchanged.
import type { Worksheet } from "exceljs";
import type { OfficeSummary } from "../core/summary/aggregate.ts";
import { INPUT_CELL_IDS, cellLabel } from "../core/report/cells.ts";
import {
  T2_BLOCKS,
  T2_CONTENT_HEADER,
  T3_APPLICANT_COLUMNS,
  T3_COLUMNS,
  T3_HEADER,
  T3_ROWS,
  T3_TOTAL_COLUMN,
  T4_COLUMNS,
  T4_GROUPS,
  t2CellId,
  t3CellId,
  t3RowLabel,
  t4CellId,
} from "../core/report/format.ts";
import type { Report, Values } from "../core/report/schema.ts";

export type SheetText = (key: string, params?: Record<string, string | number>) => string;

export interface DepartmentColumn {
  readonly name: string;
  /** A lifecycle status or "none". */
  readonly status: string;
  readonly report?: Report;
}

type CellValue = string | number | null;

function value(values: Values, id: string): CellValue {
  return values[id] ?? null;
}

function table2(sheet: Worksheet, values: Values): void {
  const width = 4;
  for (const block of T2_BLOCKS) {
    const header = sheet.addRow([block.article]);
    sheet.mergeCells(header.number, 1, header.number, width);
    const single = block.columns.length === 1;
    const titles = sheet.addRow([T2_CONTENT_HEADER, ...block.columns.map((column) => column.label)]);
    if (single) sheet.mergeCells(titles.number, 2, titles.number, width);
    for (const row of block.rows) {
      const data = sheet.addRow([row.label, ...block.columns.map((column) => value(values, t2CellId(row, column)))]);
      if (single) sheet.mergeCells(data.number, 2, data.number, width);
    }
  }
  sheet.getColumn(1).width = 20;
}

function table3(sheet: Worksheet, values: Values): void {
  const last = 1 + T3_COLUMNS.length;
  const organisations = T3_APPLICANT_COLUMNS.slice(1);
  sheet.addRow([T3_HEADER.note, T3_HEADER.applicants]);
  sheet.addRow([null, T3_APPLICANT_COLUMNS[0]?.label ?? null, T3_HEADER.organisations, ...organisations.slice(1).map(() => null), T3_TOTAL_COLUMN.label]);
  sheet.addRow([null, null, ...organisations.map((column) => column.label), null]);
  sheet.mergeCells(1, 1, 3, 1);
  sheet.mergeCells(1, 2, 1, last);
  sheet.mergeCells(2, 2, 3, 2);
  sheet.mergeCells(2, 3, 2, 2 + organisations.length);
  sheet.mergeCells(2, last, 3, last);
  for (const row of T3_ROWS) sheet.addRow([t3RowLabel(row), ...T3_COLUMNS.map((column) => value(values, t3CellId(row.key, column.key)))]);
  sheet.getColumn(1).width = 40;
}

function table4(sheet: Worksheet, values: Values): void {
  const span = T4_COLUMNS.length;
  const kinds = sheet.addRow(T4_GROUPS.flatMap((group) => T4_COLUMNS.map(() => group.kind)));
  const subs = sheet.addRow(T4_GROUPS.flatMap((group) => T4_COLUMNS.map(() => group.sub ?? group.kind)));
  sheet.addRow(T4_GROUPS.flatMap(() => T4_COLUMNS.map((column) => column.label)));
  sheet.addRow(T4_GROUPS.flatMap((group) => T4_COLUMNS.map((column) => value(values, t4CellId(group.key, column.key)))));
  // Merge runs of equal kind on row 1; a group without a sub-heading spans rows 1–2.
  let start = 0;
  T4_GROUPS.forEach((group, index) => {
    const next = T4_GROUPS[index + 1];
    if (group.sub === undefined) sheet.mergeCells(kinds.number, index * span + 1, subs.number, (index + 1) * span);
    else sheet.mergeCells(subs.number, index * span + 1, subs.number, (index + 1) * span);
    if (next?.kind === group.kind) return;
    if (T4_GROUPS[start]?.sub !== undefined) sheet.mergeCells(kinds.number, start * span + 1, kinds.number, (index + 1) * span);
    start = index + 1;
  });
}

function departmentsSheet(sheet: Worksheet, departments: readonly DepartmentColumn[], t: SheetText): void {
  sheet.addRow([t("sup-xlsx-department"), t("sup-xlsx-status"), ...INPUT_CELL_IDS.map((id) => cellLabel(id))]);
  for (const department of departments) {
    const values = department.report?.values ?? {};
    sheet.addRow([department.name, t("sup-status", { status: department.status }), ...INPUT_CELL_IDS.map((id) => value(values, id))]);
  }
  sheet.views = [{ state: "frozen", xSplit: 2, ySplit: 1 }];
  sheet.getColumn(1).width = 24;
}

export async function summaryWorkbook(summary: OfficeSummary, departments: readonly DepartmentColumn[], t: SheetText): Promise<Uint8Array> {
  // Loaded on first use: exceljs costs ~1.2 s at start-up, and only /summary needs it.
  const { default: ExcelJS } = await import("exceljs");
  const workbook = new ExcelJS.Workbook();
  const values = summary.report.values;
  table2(workbook.addWorksheet(t("sup-xlsx-sheet-t2")), values);
  table3(workbook.addWorksheet(t("sup-xlsx-sheet-t3")), values);
  table4(workbook.addWorksheet(t("sup-xlsx-sheet-t4")), values);
  departmentsSheet(workbook.addWorksheet(t("sup-xlsx-sheet-departments")), departments, t);
  const buffer = await workbook.xlsx.writeBuffer();
  return new Uint8Array(buffer);
}
