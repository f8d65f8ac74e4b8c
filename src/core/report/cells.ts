// The flat catalogue of every cell of tables 2–4, built once from the format.
import {
  T2_BLOCKS,
  T3_APPLICANT_COLUMNS,
  T3_COLUMNS,
  T3_ROWS,
  T4_COLUMNS,
  T4_GROUPS,
  t2CellId,
  t3CellId,
  t3RowLabel,
  t4CellId,
  type Unit,
} from "./format.ts";

export interface Cell {
  readonly id: string;
  readonly table: 2 | 3 | 4;
  readonly kind: "input" | "derived";
  readonly unit: Unit;
  /** Row part of the officer-facing label, e.g. 「三、本年度办理结果（七）总计」. */
  readonly rowLabel: string;
  /** Column part, e.g. 「自然人」, 「本年制发件数」; for single-column blocks the block's column title. */
  readonly columnLabel: string;
  /** Row key (t2 row key, t3 row key or t4 group key) and column key ("" for single-column t2 cells). */
  readonly row: string;
  readonly column: string;
}

type GridRow = { readonly key: string; readonly label: string; readonly derived?: boolean | undefined };

/** Rows × columns of one table: the 总计 column and derived rows are computed, the rest typed. */
function grid<R extends GridRow, C extends { readonly key: string | null; readonly label: string }>(
  table: 2 | 3 | 4,
  unit: Unit,
  rows: readonly R[],
  columns: readonly C[],
  id: (row: R, column: C) => string,
): Cell[] {
  return rows.flatMap((row) =>
    columns.map((column): Cell => ({
      id: id(row, column),
      table,
      kind: row.derived === true || column.key === "total" ? "derived" : "input",
      unit,
      rowLabel: row.label,
      columnLabel: column.label,
      row: row.key,
      column: column.key ?? "",
    })),
  );
}

const T3_LABELLED = T3_ROWS.map((row) => ({ key: row.key, label: t3RowLabel(row), derived: row.derived }));
const T4_LABELLED = T4_GROUPS.map(({ key, kind, sub }) => ({ key, label: sub === undefined ? kind : `${kind}·${sub}` }));

/** Every cell of tables 2–4 in document order. */
export const CELLS: readonly Cell[] = [
  ...T2_BLOCKS.flatMap((block) => grid(2, block.unit, block.rows, block.columns, t2CellId)),
  ...grid(3, "count", T3_LABELLED, T3_COLUMNS, (row, column) => t3CellId(row.key, column.key)),
  ...grid(4, "count", T4_LABELLED, T4_COLUMNS, (row, column) => t4CellId(row.key, column.key)),
];

const CELL_BY_ID: ReadonlyMap<string, Cell> = new Map(CELLS.map((cell) => [cell.id, cell]));

export const INPUT_CELL_IDS: readonly string[] = CELLS.filter((cell) => cell.kind === "input").map((cell) => cell.id);
export const DERIVED_CELL_IDS: readonly string[] = CELLS.filter((cell) => cell.kind === "derived").map((cell) => cell.id);

export function isCellId(id: string): boolean {
  return CELL_BY_ID.has(id);
}

export function cellOf(id: string): Cell {
  const cell = CELL_BY_ID.get(id);
  if (cell === undefined) throw new Error(`format: unknown cell id ${id}`);
  return cell;
}

/** The officer's own name for a cell: 「三、本年度办理结果（七）总计·自然人」. */
export function cellLabel(id: string): string {
  const cell = cellOf(id);
  return `${cell.rowLabel}·${cell.columnLabel}`;
}

/** Keys of the six applicant columns, in order (a row of table 3 is typed in this order). */
export const APPLICANT_KEYS: readonly string[] = T3_APPLICANT_COLUMNS.map((column) => column.key);
