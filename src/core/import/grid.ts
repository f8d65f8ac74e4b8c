// Merged cells → a plain grid: the text stands in the first grid cell, the cells a span covers
// are "" (the shape of Word's vMerge continuation cells and of the flattened seed).
import { MAX_SPAN } from "./limits.ts";

export interface SpannedCell {
  readonly text: string;
  readonly colSpan: number;
  readonly rowSpan: number;
}

function span(value: number): number {
  return Number.isInteger(value) && value > 0 ? Math.min(value, MAX_SPAN) : 1;
}

/** Expands colspan/rowspan (html) into rows of equal meaning; cells covered from above are "". */
export function expandSpans(rows: readonly (readonly SpannedCell[])[]): string[][] {
  // covered[r] holds the columns of row r taken by a rowspan from above.
  const covered: Set<number>[] = rows.map(() => new Set<number>());
  return rows.map((cells, r) => {
    const out: string[] = [];
    let column = 0;
    const skipCovered = (): void => {
      while (covered[r]?.has(column) === true) {
        out[column] = "";
        column++;
      }
    };
    for (const cell of cells) {
      skipCovered();
      const cols = span(cell.colSpan);
      const rowsDown = span(cell.rowSpan);
      for (let c = 0; c < cols; c++) {
        out[column + c] = c === 0 ? cell.text : "";
        for (let down = 1; down < rowsDown && r + down < rows.length; down++) covered[r + down]?.add(column + c);
      }
      column += cols;
    }
    skipCovered();
    return Array.from(out, (cell) => cell ?? "");
  });
}
