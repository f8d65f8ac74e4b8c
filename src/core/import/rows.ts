// The rows of a table section, whatever the source: grid rows of real tables keep their cell
// boundaries (blank cells included); lines of web text are cut at tabs or pipes (exact) or, failing
// that, at spaces, where blank cells vanish (such rows are not `exact`).
import type { Block } from "./blocks.ts";
import { isBlankCell, isNumberCell } from "./cell-value.ts";
import { clean } from "./normalise.ts";

export interface Row {
  readonly cells: readonly string[];
  /** Cell boundaries are known: a blank cell is a cell. */
  readonly exact: boolean;
}

// 「一、本年新收政府信息公开申请数量3」: digits glued to a label.
const GLUED = /^(.*[^\d\s.．、)）])(\d+)$/u;

function lineRow(line: string): Row {
  if (line.includes("\t")) return { cells: line.split("\t").map((cell) => cell.trim()), exact: true };
  // `规范性文件 | 34 | 189 |`: pipes keep the boundaries, a lost cell stays a blank cell. A row
  // opened by a pipe (`| a | b |`) is framed: its outer pipes are no cells.
  if ((line.match(/\|/gu)?.length ?? 0) >= 2) {
    const framed = line.trim().startsWith("|");
    const cells = line.trim().split("|").map((cell) => cell.trim());
    return { cells: framed ? cells.slice(1, cells.at(-1) === "" ? -1 : undefined) : cells, exact: true };
  }
  const tokens = line.split(/[\s\u3000]+/u).filter((token) => token !== "");
  const cells = tokens.flatMap((token, index) => {
    const glued = index === 0 || !isNumberCell(tokens[index - 1] ?? "") ? GLUED.exec(token) : null;
    return glued !== null && /[^\x00-\x7f]/.test(glued[1] ?? "") ? [glued[1] ?? "", glued[2] ?? ""] : [token];
  });
  return { cells, exact: false };
}

export function rowsOf(blocks: readonly Block[]): Row[] {
  return blocks.flatMap((block): Row[] =>
    block.kind === "table"
      ? block.rows.map((cells) => ({ cells: cells.map((cell) => clean(cell).trim()), exact: true }))
      : clean(block.text)
          .split("\n")
          .filter((line) => line.trim() !== "")
          .map(lineRow),
  );
}

// A cell that stands where a number should: a number, blank, or a short mark such as 「—」「/」「无」.
function valueLike(cell: string): boolean {
  return isNumberCell(cell) || isBlankCell(cell) || /^[^\u4e00-\u9fff]{1,3}$/u.test(cell.trim()) || cell.trim() === "无";
}

/**
 * The row's label cells and its value cells. With known boundaries the values are the longest
 * run of value-like cells at the end (blank cells included); in web text they start at the first number.
 */
export function labelThenValues(row: Row): { label: string[]; values: string[] } {
  const cells = [...row.cells];
  let first = cells.length;
  if (row.exact) {
    while (first > 0 && valueLike(cells[first - 1] ?? "")) first--;
  } else {
    const index = cells.findIndex(isNumberCell);
    first = index === -1 ? cells.length : index;
  }
  return { label: cells.slice(0, first), values: cells.slice(first) };
}
