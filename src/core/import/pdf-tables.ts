// Table 3 of a PDF: columns come from the rows with all seven numbers (whichever edge lines up
// best); a number fitting no column refuses the row rather than shift it. Rows take their official
// labels in order, checked against the (wrapped, mixed) label text beside them.
import { T3_COLUMNS, T3_ROWS, t3RowLabel } from "../report/format.ts";
import { labelKey } from "./normalise.ts";
import type { PdfItem, PdfLine } from "./import-pdf.ts";

const WIDTH = T3_COLUMNS.length;
const NUMBER = /^\d+(?:\.\d+)?$/u;

type Edge = (item: PdfItem) => number;
const EDGES: readonly Edge[] = [(item) => item.x + item.width / 2, (item) => item.x, (item) => item.x + item.width];

const isNumber = (item: PdfItem): boolean => NUMBER.test(item.str.trim());

/** In type sizes: closer to a neighbour, an item is set in the same run. */
const GLUED = 0.1;

// A number flush against text is a label's numbering (「1」「.属于国家秘密」), not a cell.
function numbersOf(line: PdfLine): PdfItem[] {
  const items = line.items;
  const glued = (a: PdfItem | undefined, b: PdfItem | undefined): boolean =>
    a !== undefined && b !== undefined && b.x - (a.x + a.width) < Math.min(a.fontSize, b.fontSize) * GLUED;
  return items.filter((item, i) => {
    if (!isNumber(item)) return false;
    const [before, after] = [items[i - 1], items[i + 1]];
    return !((before !== undefined && !isNumber(before) && glued(before, item)) || (after !== undefined && !isNumber(after) && glued(item, after)));
  });
}

function spread(values: readonly number[]): number {
  const mean = values.reduce((a, b) => a + b, 0) / values.length;
  return Math.max(...values.map((value) => Math.abs(value - mean)));
}

function columns(full: readonly PdfItem[][]): { edge: Edge; at: number[] } | null {
  if (full.length === 0) return null;
  let best: { edge: Edge; at: number[]; spread: number } | null = null;
  for (const edge of EDGES) {
    const at: number[] = [];
    let worst = 0;
    for (let column = 0; column < WIDTH; column++) {
      const positions = full.map((row) => edge(row[column] as PdfItem));
      at.push(positions.reduce((a, b) => a + b, 0) / positions.length);
      worst = Math.max(worst, spread(positions));
    }
    if (best === null || worst < best.spread) best = { edge, at, spread: worst };
  }
  return best;
}

function place(numbers: readonly PdfItem[], grid: { edge: Edge; at: number[] }): string[] | null {
  const gaps = grid.at.slice(1).map((at, index) => at - (grid.at[index] ?? 0));
  const tolerance = Math.min(...gaps) * 0.4;
  const cells: string[] = Array.from({ length: WIDTH }, () => "");
  for (const item of numbers) {
    const position = grid.edge(item);
    const column = grid.at.findIndex((at) => Math.abs(at - position) <= tolerance);
    if (column === -1 || cells[column] !== "") return null;
    cells[column] = item.str.trim();
  }
  return cells;
}

/** How much of `own` (a label key) the text beside a row contains, 0…1. */
function contained(own: string, beside: string): number {
  let found = 0;
  let from = 0;
  for (const char of own) {
    const at = beside.indexOf(char, from);
    if (at === -1) continue;
    found++;
    from = at + 1;
  }
  return own.length === 0 ? 0 : found / own.length;
}

const OWN = T3_ROWS.map((row) => labelKey(row.level3 ?? row.level2 ?? row.level1));

interface PlacedRow {
  readonly label: string;
  readonly cells: readonly string[];
}

/** Rows that could not be placed are left out (the importer says which). */
export function table3Rows(lines: readonly PdfLine[]): PlacedRow[] {
  const candidates = lines.map((line) => ({ line, numbers: numbersOf(line) }));
  const grid = columns(candidates.filter((row) => row.numbers.length === WIDTH).map((row) => row.numbers));
  if (grid === null) return [];
  const labelEnd = (grid.at[0] ?? 0) - ((grid.at[1] ?? 0) - (grid.at[0] ?? 0)) / 2;
  // A number standing in the label column is part of a label (its numbering set apart), not a cell.
  const numeric = candidates
    .map(({ line, numbers }) => ({ line, numbers: numbers.filter((item) => grid.edge(item) >= labelEnd) }))
    .filter((row) => row.numbers.length > 0);
  const cells = new Set(numeric.flatMap((row) => row.numbers));
  // Beside a row: label items half-way to the rows above and below (same page).
  const labels = lines.flatMap((line) => line.items.filter((item) => item.x < labelEnd && !cells.has(item)));
  const rowY = (row: (typeof numeric)[number] | undefined): number | undefined => (row === undefined ? undefined : Math.max(...row.numbers.map((item) => item.y)));
  const beside = numeric.map((row, i) => {
    const [above, below] = [numeric[i - 1], numeric[i + 1]];
    const y = rowY(row) ?? 0;
    const top = above !== undefined && above.line.page === row.line.page ? ((rowY(above) ?? 0) + y) / 2 : Number.POSITIVE_INFINITY;
    const bottom = below !== undefined && below.line.page === row.line.page ? ((rowY(below) ?? 0) + y) / 2 : Number.NEGATIVE_INFINITY;
    const text = labels.filter((item) => item.page === row.line.page && item.y < top && item.y >= bottom).map((item) => item.str).join("");
    return labelKey(text);
  });
  const rows: PlacedRow[] = [];
  let next = 0;
  numeric.forEach((row, i) => {
    const text = beside[i] ?? "";
    // The next row in order if its label is beside it; else a later, distinctive label (a row left out).
    let target = contained(OWN[next] ?? "", text) >= 0.8 ? next : -1;
    for (let later = next + 1; target === -1 && later < T3_ROWS.length; later++) {
      const own = OWN[later] ?? "";
      if (own.length >= 4 && contained(own, text) >= 0.9) target = later;
    }
    const official = T3_ROWS[target];
    if (official === undefined) return;
    next = target + 1;
    const cells = place(row.numbers, grid);
    if (cells !== null) rows.push({ label: t3RowLabel(official), cells });
  });
  return rows;
}
