// A bordered table; spans and vertical merges spelled out cell by cell, as the official template has them.
import {
  AlignmentType,
  BorderStyle,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  VerticalAlignTable,
  VerticalMergeType,
  WidthType,
} from "docx";
import { TABLE_STYLES, plainRun } from "./page.ts";

export interface GridCell {
  readonly text: string;
  /** The figure `text` prints, for a spreadsheet. */
  readonly value?: number;
  readonly span?: number;
  readonly merge?: "restart" | "continue";
  /** Otherwise centred. */
  readonly align?: "left";
  /** Keeps a label from ending on one lone character. */
  readonly indentRight?: number;
  /** The official template's blue band (表二's 第二十条第（…）项 rows). */
  readonly shaded?: boolean;
}

const SHADE_FILL = "C6D9F1";
/** Rows from the top kept on the page of the row after them: a table never opens with a stub. */
const KEPT_ROWS = 3;

export interface GridOptions {
  readonly columnWidths: readonly number[];
  /** Repeated on every page the table spans. */
  readonly headerRows: number;
  /** Twips each side; the template's 57 when absent. */
  readonly cellMargin?: number;
  /** 表四's fifteen columns. */
  readonly small?: boolean;
}

const LINE = { style: BorderStyle.SINGLE, size: 4, color: "000000" } as const;
const BORDERS = { top: LINE, bottom: LINE, left: LINE, right: LINE, insideHorizontal: LINE, insideVertical: LINE };

function tableCell(cell: GridCell, width: number, options: GridOptions, keepNext: boolean): TableCell {
  const text = cell.merge === "continue" ? "" : cell.text;
  const left = cell.align === "left" || cell.shaded === true;
  return new TableCell({
    width: { size: width, type: WidthType.DXA },
    verticalAlign: VerticalAlignTable.CENTER,
    ...((cell.span ?? 1) > 1 ? { columnSpan: cell.span } : {}),
    ...(cell.merge === undefined
      ? {}
      : { verticalMerge: cell.merge === "restart" ? VerticalMergeType.RESTART : VerticalMergeType.CONTINUE }),
    ...(cell.shaded === true ? { shading: { type: ShadingType.CLEAR, color: "auto", fill: SHADE_FILL } } : {}),
    children: [
      // A paragraph style, not per-run properties: those would double the XML of ~250 cells.
      new Paragraph({
        style: TABLE_STYLES[options.small === true ? "small" : "normal"][left ? "label" : "value"],
        ...(cell.indentRight === undefined || cell.indentRight === 0 ? {} : { indent: { right: cell.indentRight } }),
        ...(keepNext ? { keepNext: true } : {}),
        children: text === "" ? [] : [plainRun(text)],
      }),
    ],
  });
}

export function gridTable(rows: readonly (readonly GridCell[])[], options: GridOptions): Table {
  const widths = options.columnWidths;
  return new Table({
    width: { size: widthOf(widths, 0, widths.length), type: WidthType.DXA },
    columnWidths: [...widths],
    layout: TableLayoutType.FIXED,
    alignment: AlignmentType.CENTER,
    borders: BORDERS,
    margins: { left: options.cellMargin ?? 57, right: options.cellMargin ?? 57 },
    rows: rows.map((cells, index) => {
      const keepNext = index < options.headerRows + KEPT_ROWS - 1 && index < rows.length - 1;
      const starts = startColumns(cells);
      const children = cells.map((cell, i) => tableCell(cell, widthOf(widths, starts[i] ?? 0, cell.span ?? 1), options, keepNext));
      const covered = starts.at(-1) ?? 0;
      if (covered !== widths.length) throw new Error(`render: table row ${index} covers ${covered} of ${widths.length} columns`);
      return new TableRow({ children, cantSplit: true, ...(index < options.headerRows ? { tableHeader: true } : {}) });
    }),
  });
}

/** Each cell's start column, then the column count the row covers. */
function startColumns(cells: readonly GridCell[]): number[] {
  return cells.reduce((starts, cell) => [...starts, (starts.at(-1) ?? 0) + (cell.span ?? 1)], [0]);
}

/** Per row, the cells drawn (merge continuations left out), with their start column and the rows they span. */
export function drawnCells(
  rows: readonly (readonly GridCell[])[],
): { cell: GridCell; column: number; rowSpan: number }[][] {
  const starts = rows.map((cells) => {
    const columns = startColumns(cells);
    return new Map(cells.map((cell, index) => [columns[index] ?? 0, cell]));
  });
  return starts.map((cells, row) =>
    [...cells].flatMap(([column, cell]) => {
      if (cell.merge === "continue") return [];
      let rowSpan = 1;
      while (cell.merge === "restart" && starts[row + rowSpan]?.get(column)?.merge === "continue") rowSpan += 1;
      return [{ cell, column, rowSpan }];
    }),
  );
}

export function widthOf(widths: readonly number[], start: number, span: number): number {
  return widths.slice(start, start + span).reduce((a, b) => a + b, 0);
}

export function evenWidths(count: number, total: number): number[] {
  const each = Math.floor(total / count);
  return Array.from({ length: count }, (_, index) => (index === count - 1 ? total - each * (count - 1) : each));
}
