// Tables 二, 三 and 四 (国办公开办函〔2021〕30号) as rows of grid cells with the official template's
// merges, for the .docx, the HTML fragment and the summary .xlsx; column widths from what the columns hold.
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
  T4_TOTAL_COLUMN,
  t2CellId,
  t3CellId,
  t4CellId,
  type T3Row,
} from "../report/format.ts";
import type { Values } from "../report/schema.ts";
import { CELL_MARGIN, orphanFreeIndent, widthForChars, widthForDigits } from "./fit.ts";
import { evenWidths, widthOf, type GridCell, type GridOptions } from "./grid.ts";
import { SIZES, TEXT_WIDTH } from "./page.ts";

export interface TableSpec {
  readonly rows: GridCell[][];
  readonly options: GridOptions;
}

/** Nothing when unanswered — never 0. */
export function valueCell(values: Values, id: string): GridCell {
  const value = values[id];
  return value === undefined ? { text: "" } : { text: String(value), value };
}

// 表二: per block an article row, a title row and data rows; single-column blocks span three columns.
const T2_VALUE_COLUMNS = Math.max(...T2_BLOCKS.map((block) => block.columns.length));

function table2(values: Values): TableSpec {
  const rows = T2_BLOCKS.flatMap((block) => {
    const span = block.columns.length === 1 ? T2_VALUE_COLUMNS : 1;
    return [
      [{ text: block.article, span: T2_VALUE_COLUMNS + 1, shaded: true }],
      [{ text: T2_CONTENT_HEADER }, ...block.columns.map((column) => ({ text: column.label, span }))],
      ...block.rows.map((row) => [
        { text: row.label },
        ...block.columns.map((column) => ({ ...valueCell(values, t2CellId(row, column)), span })),
      ]),
    ];
  });
  return { rows, options: { columnWidths: evenWidths(T2_VALUE_COLUMNS + 1, TEXT_WIDTH), headerRows: 0 } };
}

// 表三: a three-row header, then rows with up to three label columns, group labels merged vertically.
const LABEL_COLUMNS = 3;
/** A city's year with room; cells have six. */
const TOTAL_DIGITS = 7;

// Applicant titles break in fours (商业企业 whole), the vertical 「三、本年度办理结果」 one a line,
// group labels four; row labels take what is left.
function table3Widths(): number[] {
  // The （七）总计 row sums a column: seven digits in any column, not only in 总计.
  const value = Math.max(widthForDigits(TOTAL_DIGITS), widthForChars(4));
  // One character a line, read top to bottom (LibreOffice draws no text in a merged tbRl cell).
  const vertical = widthForChars(1) + 40;
  const group = widthForChars(4);
  const values = T3_COLUMNS.map(() => value);
  const rows = TEXT_WIDTH - vertical - group - values.reduce((a, b) => a + b, 0);
  return [vertical, group, rows, ...values];
}

const T3_WIDTHS = table3Widths();

function labels(row: T3Row): string[] {
  return [row.level1, row.level2, row.level3].filter((label): label is string => label !== undefined);
}

/** Rows `a` and `b` share the group label (one with deeper labels beside it) in column `level`. */
function sameGroup(a: T3Row | undefined, b: T3Row | undefined, level: number): boolean {
  if (a === undefined || b === undefined) return false;
  const la = labels(a);
  const lb = labels(b);
  if (la.length <= level + 1 || lb.length <= level + 1) return false;
  return la.slice(0, level + 1).every((label, index) => label === lb[index]);
}

function labelCells(index: number): GridCell[] {
  const row = T3_ROWS[index] as T3Row;
  const own = labels(row);
  return own.map((text, level): GridCell => {
    const span = level === own.length - 1 ? LABEL_COLUMNS - level : 1;
    const merge = sameGroup(T3_ROWS[index - 1], row, level)
      ? "continue"
      : sameGroup(row, T3_ROWS[index + 1], level)
        ? "restart"
        : undefined;
    // The outer group label stands one character a line: no indent can help it.
    const indentRight = level === 0 && own.length > 1 ? 0 : orphanFreeIndent(text, widthOf(T3_WIDTHS, level, span));
    return {
      text,
      align: "left",
      ...(span > 1 ? { span } : {}),
      ...(merge === undefined ? {} : { merge }),
      ...(indentRight > 0 ? { indentRight } : {}),
    };
  });
}

/** The three header rows over `labelColumns` label columns (the spreadsheet has one). */
export function table3Header(labelColumns = LABEL_COLUMNS): GridCell[][] {
  const [first, ...organisations] = T3_APPLICANT_COLUMNS;
  if (first === undefined) throw new Error("render: table 3 has no applicant columns");
  const corner = { text: T3_HEADER.note, span: labelColumns, align: "left" } as const;
  return [
    [{ ...corner, merge: "restart" }, { text: T3_HEADER.applicants, span: T3_COLUMNS.length }],
    [
      { ...corner, merge: "continue" },
      { text: first.label, merge: "restart" },
      { text: T3_HEADER.organisations, span: organisations.length },
      { text: T3_TOTAL_COLUMN.label, merge: "restart" },
    ],
    [
      { ...corner, merge: "continue" },
      { text: first.label, merge: "continue" },
      ...organisations.map((column) => ({ text: column.label })),
      { text: T3_TOTAL_COLUMN.label, merge: "continue" },
    ],
  ];
}

function table3(values: Values): TableSpec {
  const body = T3_ROWS.map((row, index) => [
    ...labelCells(index),
    ...T3_COLUMNS.map((column) => valueCell(values, t3CellId(row.key, column.key))),
  ]);
  const options = { columnWidths: T3_WIDTHS, headerRows: 3, cellMargin: CELL_MARGIN };
  return { rows: [...table3Header(), ...body], options };
}

// 表四: 行政复议 and 行政诉讼's two groups, three header rows and one row of 15 numbers.
const T4_WIDTH = T4_COLUMNS.length;

export function kindRow(): GridCell[] {
  const cells: { text: string; span: number }[] = [];
  for (const group of T4_GROUPS) {
    const last = cells.at(-1);
    if (last !== undefined && last.text === group.kind) last.span += T4_WIDTH;
    else cells.push({ text: group.kind, span: T4_WIDTH });
  }
  return cells;
}

export function titles(merge?: "restart" | "continue"): GridCell[] {
  return T4_COLUMNS.map((column) => ({ text: column.label, ...(merge === undefined ? {} : { merge }) }));
}

/** Five-digit outcomes and six-digit totals at 小五, the spare width shared out. */
function table4Widths(): number[] {
  const em = SIZES.smallTable * 10;
  const group = T4_COLUMNS.map((column) => widthForDigits(column.key === T4_TOTAL_COLUMN.key ? 6 : 5, em));
  const needed = group.reduce((a, b) => a + b, 0) * T4_GROUPS.length;
  const spare = Math.floor((TEXT_WIDTH - needed) / (T4_WIDTH * T4_GROUPS.length));
  const widths = T4_GROUPS.flatMap(() => group.map((width) => width + spare));
  widths[widths.length - 1] = (widths.at(-1) ?? 0) + TEXT_WIDTH - widths.reduce((a, b) => a + b, 0);
  return widths;
}

function table4(values: Values): TableSpec {
  const rows = [
    kindRow(),
    // A group without a subdivision: titles span the two lower header rows.
    T4_GROUPS.flatMap((group) => (group.sub === undefined ? titles("restart") : [{ text: group.sub, span: T4_WIDTH }])),
    T4_GROUPS.flatMap((group) => (group.sub === undefined ? titles("continue") : titles())),
    T4_GROUPS.flatMap((group) => T4_COLUMNS.map((column) => valueCell(values, t4CellId(group.key, column.key)))),
  ];
  return { rows, options: { columnWidths: table4Widths(), headerRows: 3, cellMargin: CELL_MARGIN, small: true } };
}

/** The table printed under a section (SECTIONS' `table`), from the values with their totals. */
export const TABLES: Readonly<Record<2 | 3 | 4, (values: Values) => TableSpec>> = { 2: table2, 3: table3, 4: table4 };
