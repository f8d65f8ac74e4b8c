// A bordered table from rows of cell descriptions: spans and vertical merges are spelled out
// cell by cell (continuation cells included), exactly as the official template's XML has them.
import {
  AlignmentType,
  BorderStyle,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  VerticalAlignTable,
  VerticalMergeType,
  WidthType,
} from "docx";
import { TABLE_STYLES } from "./page.ts";
import { plainRun } from "./runs.ts";

export interface GridCell {
  readonly text: string;
  /** Grid columns this cell spans (w:gridSpan); 1 when absent. */
  readonly span?: number;
  /** Vertical merge: "restart" opens a merged cell, "continue" cells below it belong to it. */
  readonly merge?: "restart" | "continue";
  readonly align?: "left" | "center";
}

export interface GridOptions {
  readonly columnWidths: readonly number[];
  /** How many leading rows are the header (repeated on every page the table spans). */
  readonly headerRows: number;
}

const LINE = { style: BorderStyle.SINGLE, size: 4, color: "000000" } as const;
const BORDERS = { top: LINE, bottom: LINE, left: LINE, right: LINE, insideHorizontal: LINE, insideVertical: LINE };

function tableCell(cell: GridCell, width: number): TableCell {
  const text = cell.merge === "continue" ? "" : cell.text;
  return new TableCell({
    width: { size: width, type: WidthType.DXA },
    verticalAlign: VerticalAlignTable.CENTER,
    ...((cell.span ?? 1) > 1 ? { columnSpan: cell.span } : {}),
    ...(cell.merge === undefined
      ? {}
      : { verticalMerge: cell.merge === "restart" ? VerticalMergeType.RESTART : VerticalMergeType.CONTINUE }),
    children: [
      // Fonts, size and alignment come from a paragraph style: a table has ~250 cells, and
      // per-run properties would double the XML and the render time.
      new Paragraph({
        style: cell.align === "left" ? TABLE_STYLES.label : TABLE_STYLES.value,
        children: text === "" ? [] : [plainRun(text)],
      }),
    ],
  });
}

export function gridTable(rows: readonly (readonly GridCell[])[], options: GridOptions): Table {
  const widths = options.columnWidths;
  return new Table({
    width: { size: widths.reduce((a, b) => a + b, 0), type: WidthType.DXA },
    columnWidths: [...widths],
    layout: TableLayoutType.FIXED,
    alignment: AlignmentType.CENTER,
    borders: BORDERS,
    margins: { left: 57, right: 57 },
    rows: rows.map((cells, index) => {
      let column = 0;
      const children = cells.map((cell) => {
        const span = cell.span ?? 1;
        const width = widths.slice(column, column + span).reduce((a, b) => a + b, 0);
        column += span;
        return tableCell(cell, width);
      });
      if (column !== widths.length) throw new Error(`render: table row ${index} covers ${column} of ${widths.length} columns`);
      return new TableRow({ children, cantSplit: true, ...(index < options.headerRows ? { tableHeader: true } : {}) });
    }),
  });
}

/** Columns of equal width filling `total`, the last taking the remainder. */
export function evenWidths(count: number, total: number): number[] {
  const each = Math.floor(total / count);
  return Array.from({ length: count }, (_, index) => (index === count - 1 ? total - each * (count - 1) : each));
}
