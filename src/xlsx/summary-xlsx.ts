// The office summary as .xlsx: tables 2–4 with the official labels (国办公开办函〔2021〕30号) and a sheet
// of every department. write-excel-file, not exceljs: a large tree, partly deprecated, for plain cells.
import type { Sheet, SheetData } from "write-excel-file/node";
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

const value = (values: Values, id: string): CellValue => values[id] ?? null;

/** One sheet's cells, addressed 1-based like a spreadsheet; merges become spans on the top-left cell. */
class Grid {
  readonly rows: CellValue[][] = [];
  readonly #spans = new Map<string, { rowSpan: number; columnSpan: number }>();
  readonly #covered = new Set<string>();

  /** Appends a row; returns its 1-based number. */
  add(cells: readonly CellValue[]): number {
    this.rows.push([...cells]);
    return this.rows.length;
  }

  merge(top: number, left: number, bottom: number, right: number): void {
    this.#spans.set(`${top}:${left}`, { rowSpan: bottom - top + 1, columnSpan: right - left + 1 });
    for (let r = top; r <= bottom; r += 1) {
      for (let c = left; c <= right; c += 1) if (r !== top || c !== left) this.#covered.add(`${r}:${c}`);
    }
  }

  /** write-excel-file's sheet data: cells covered by a span are null, as it expects. */
  data(): SheetData {
    return this.rows.map((row, r) =>
      row.map((cell, c) => {
        const at = `${r + 1}:${c + 1}`;
        const span = this.#spans.get(at);
        if (this.#covered.has(at) || (cell === null && span === undefined)) return null;
        return { value: cell ?? "", ...span };
      }),
    );
  }
}

function table2(sheet: Grid, values: Values): void {
  const width = 4;
  for (const block of T2_BLOCKS) {
    const header = sheet.add([block.article]);
    sheet.merge(header, 1, header, width);
    const single = block.columns.length === 1;
    const titles = sheet.add([T2_CONTENT_HEADER, ...block.columns.map((column) => column.label)]);
    if (single) sheet.merge(titles, 2, titles, width);
    for (const row of block.rows) {
      const data = sheet.add([row.label, ...block.columns.map((column) => value(values, t2CellId(row, column)))]);
      if (single) sheet.merge(data, 2, data, width);
    }
  }
}

function table3(sheet: Grid, values: Values): void {
  const last = 1 + T3_COLUMNS.length;
  const organisations = T3_APPLICANT_COLUMNS.slice(1);
  sheet.add([T3_HEADER.note, T3_HEADER.applicants]);
  sheet.add([null, T3_APPLICANT_COLUMNS[0]?.label ?? null, T3_HEADER.organisations, ...organisations.slice(1).map(() => null), T3_TOTAL_COLUMN.label]);
  sheet.add([null, null, ...organisations.map((column) => column.label), null]);
  sheet.merge(1, 1, 3, 1);
  sheet.merge(1, 2, 1, last);
  sheet.merge(2, 2, 3, 2);
  sheet.merge(2, 3, 2, 2 + organisations.length);
  sheet.merge(2, last, 3, last);
  for (const row of T3_ROWS) sheet.add([t3RowLabel(row), ...T3_COLUMNS.map((column) => value(values, t3CellId(row.key, column.key)))]);
}

function table4(sheet: Grid, values: Values): void {
  const span = T4_COLUMNS.length;
  const kinds = sheet.add(T4_GROUPS.flatMap((group) => T4_COLUMNS.map(() => group.kind)));
  const subs = sheet.add(T4_GROUPS.flatMap((group) => T4_COLUMNS.map(() => group.sub ?? group.kind)));
  sheet.add(T4_GROUPS.flatMap(() => T4_COLUMNS.map((column) => column.label)));
  sheet.add(T4_GROUPS.flatMap((group) => T4_COLUMNS.map((column) => value(values, t4CellId(group.key, column.key)))));
  // Merge runs of equal kind on row 1; a group without a sub-heading spans rows 1–2.
  let start = 0;
  T4_GROUPS.forEach((group, index) => {
    const next = T4_GROUPS[index + 1];
    if (group.sub === undefined) sheet.merge(kinds, index * span + 1, subs, (index + 1) * span);
    else sheet.merge(subs, index * span + 1, subs, (index + 1) * span);
    if (next?.kind === group.kind) return;
    if (T4_GROUPS[start]?.sub !== undefined) sheet.merge(kinds, start * span + 1, kinds, (index + 1) * span);
    start = index + 1;
  });
}

function departmentsSheet(sheet: Grid, departments: readonly DepartmentColumn[], t: SheetText): void {
  sheet.add([t("sup-xlsx-department"), t("sup-xlsx-status"), ...INPUT_CELL_IDS.map((id) => cellLabel(id))]);
  for (const department of departments) {
    const values = department.report?.values ?? {};
    sheet.add([department.name, t("sup-status", { status: department.status }), ...INPUT_CELL_IDS.map((id) => value(values, id))]);
  }
}

/** A sheet of the workbook: its name, how it is filled, its first column's width and the frozen panes. */
function sheet(name: string, fill: (grid: Grid) => void, firstColumnWidth?: number, frozen?: { rows: number; columns: number }): Sheet<never> {
  const grid = new Grid();
  fill(grid);
  return {
    sheet: name,
    data: grid.data(),
    ...(firstColumnWidth === undefined ? {} : { columns: [{ width: firstColumnWidth }] }),
    ...(frozen === undefined ? {} : { stickyRowsCount: frozen.rows, stickyColumnsCount: frozen.columns }),
  };
}

export async function summaryWorkbook(summary: OfficeSummary, departments: readonly DepartmentColumn[], t: SheetText): Promise<Uint8Array> {
  // Loaded on first use: only /summary needs it.
  const { default: writeExcelFile } = await import("write-excel-file/node");
  const values = summary.report.values;
  const sheets = [
    sheet(t("sup-xlsx-sheet-t2"), (grid) => table2(grid, values), 20),
    sheet(t("sup-xlsx-sheet-t3"), (grid) => table3(grid, values), 40),
    sheet(t("sup-xlsx-sheet-t4"), (grid) => table4(grid, values)),
    sheet(t("sup-xlsx-sheet-departments"), (grid) => departmentsSheet(grid, departments, t), 24, { rows: 1, columns: 2 }),
  ];
  return new Uint8Array(await writeExcelFile(sheets).toBuffer());
}
