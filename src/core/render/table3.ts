// 表三 收到和处理政府信息公开申请情况: a three-row header under the 勾稽关系 note, then 25 rows
// whose labels sit in up to three label columns, group labels merged vertically.
// Reference: 国办公开办函〔2021〕30号, 三、收到和处理政府信息公开申请情况 (and the official template's merges).
import type { Table } from "docx";
import { T3_APPLICANT_COLUMNS, T3_COLUMNS, T3_HEADER, T3_ROWS, T3_TOTAL_COLUMN, t3CellId, type T3Row } from "../report/format.ts";
import type { Values } from "../report/schema.ts";
import { cellText } from "./cell-text.ts";
import { CELL_MARGIN, orphanFreeIndent, widthForChars, widthForDigits } from "./fit.ts";
import { gridTable, type GridCell } from "./grid.ts";
import { TEXT_WIDTH } from "./page.ts";

const LABEL_COLUMNS = 3;
export const T3_HEADER_ROWS = 3;
/** A total's largest figure: seven digits (a city's year, with room); cells have six. */
const TOTAL_DIGITS = 7;

/**
 * Column widths from what the columns hold: figures never wrap, 法人或其他组织's titles break
 * into lines of four (商业企业 whole, 社会公益/组织), the vertical 「三、本年度办理结果」 label
 * stands one character a line, the 「（三）不予公开」 group labels four, and the row labels take
 * what is left (fit.test.ts checks that none leaves a single character on its last line).
 */
export function table3Widths(): number[] {
  // The （七）总计 row sums a column: seven digits in any column, not only in 总计.
  const value = Math.max(widthForDigits(TOTAL_DIGITS), widthForChars(4));
  // One character a line, read top to bottom (LibreOffice draws no text in a merged tbRl cell).
  const vertical = widthForChars(1) + 40;
  const group = widthForChars(4);
  const values = T3_COLUMNS.map(() => value);
  const rows = TEXT_WIDTH - vertical - group - values.reduce((a, b) => a + b, 0);
  return [vertical, group, rows, ...values];
}

function labels(row: T3Row): string[] {
  return [row.level1, row.level2, row.level3].filter((label): label is string => label !== undefined);
}

/** Rows `a` and `b` share the group label in label column `level` (a label with deeper labels beside it). */
function sameGroup(a: T3Row | undefined, b: T3Row | undefined, level: number): boolean {
  if (a === undefined || b === undefined) return false;
  const la = labels(a);
  const lb = labels(b);
  if (la.length <= level + 1 || lb.length <= level + 1) return false;
  return la.slice(0, level + 1).every((label, index) => label === lb[index]);
}

function labelCells(rows: readonly T3Row[], index: number): GridCell[] {
  const row = rows[index] as T3Row;
  const own = labels(row);
  return own.map((text, level): GridCell => {
    // The innermost label takes the label columns left over.
    const span = level === own.length - 1 ? LABEL_COLUMNS - level : 1;
    const merge = sameGroup(rows[index - 1], row, level)
      ? "continue"
      : sameGroup(row, rows[index + 1], level)
        ? "restart"
        : undefined;
    // The outer group label beside deeper labels stands one character a line.
    const vertical = level === 0 && own.length > 1;
    const width = widthOf(WIDTHS, level, span);
    const indentRight = vertical ? 0 : orphanFreeIndent(text, width);
    return {
      text,
      align: "left",
      ...(span > 1 ? { span } : {}),
      ...(merge === undefined ? {} : { merge }),
      ...(indentRight > 0 ? { indentRight } : {}),
    };
  });
}

function headerRows(): GridCell[][] {
  const [first, ...organisations] = T3_APPLICANT_COLUMNS;
  if (first === undefined) throw new Error("render: table 3 has no applicant columns");
  const corner = { text: T3_HEADER.note, span: LABEL_COLUMNS, align: "left" } as const;
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

const WIDTHS = table3Widths();

function widthOf(widths: readonly number[], start: number, span: number): number {
  return widths.slice(start, start + span).reduce((a, b) => a + b, 0);
}

export function table3Rows(values: Values): GridCell[][] {
  return [
    ...headerRows(),
    ...T3_ROWS.map((row, index) => [
      ...labelCells(T3_ROWS, index),
      ...T3_COLUMNS.map((column) => ({ text: cellText(values, t3CellId(row.key, column.key)) })),
    ]),
  ];
}

export function table3(values: Values): Table {
  return gridTable(table3Rows(values), {
    columnWidths: WIDTHS,
    headerRows: T3_HEADER_ROWS,
    cellMargin: CELL_MARGIN,
  });
}
