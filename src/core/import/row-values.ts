// From a row's value cells to numbers in cells, or notes saying why not. Never invents a value:
// a blank or unreadable cell is reported and left absent (spec "Interchange format").
import { DERIVED_CELL_IDS } from "../report/cells.ts";
import { valueProblem } from "../report/schema.ts";
import { type CellValue, isBlankCell, isNumberCell, readCell } from "./cell-value.ts";
import type { ImportNote } from "./import-result.ts";
import { compact } from "./normalise.ts";
import { splitDigits } from "./split-digits.ts";

export type Resolved =
  | { readonly kind: "cells"; readonly cells: readonly CellValue[] }
  | { readonly kind: "split"; readonly values: readonly number[] }
  | { readonly kind: "unreadable" };

/**
 * `width` value cells from a row. Exact grids are right-aligned (merged label cells leave blanks
 * in front). Otherwise a row of the wrong length is recovered only through printed totals: every
 * `groupSize` values end with their sum (null: no totals, no recovery).
 */
export function resolveValues(values: readonly string[], width: number, exact: boolean, groupSize: number | null): Resolved {
  if (exact && values.length >= width && values.slice(0, values.length - width).every(isBlankCell)) {
    return { kind: "cells", cells: values.slice(values.length - width).map(readCell) };
  }
  const tokens = values.flatMap((value) => value.trim().split(/[\s\u3000]+/u)).filter((token) => token !== "");
  if (tokens.length === width && tokens.every(isNumberCell)) return { kind: "cells", cells: tokens.map(readCell) };
  if (groupSize !== null && tokens.length > 0 && tokens.length < width) {
    const split = splitDigits(tokens.map(compact), width, groupSize);
    if (split.kind === "unique") return { kind: "split", values: split.values };
  }
  return { kind: "unreadable" };
}

const DERIVED = new Set(DERIVED_CELL_IDS);

/** Puts a resolved row into `values`, noting every cell (or the whole row) that could not be read. */
export function storeRow(
  ids: readonly string[],
  resolved: Resolved,
  row: { label: string; text: string },
  values: Record<string, number>,
  notes: ImportNote[],
): void {
  if (resolved.kind === "unreadable") {
    notes.push({ code: "row-unreadable", params: { row: row.label, text: row.text } });
    return;
  }
  if (resolved.kind === "split") {
    ids.forEach((id, index) => {
      const value = resolved.values[index];
      if (value !== undefined) values[id] = value;
    });
    notes.push({ code: "row-split-resolved", params: { row: row.label, text: row.text, values: resolved.values.join(" ") } });
    return;
  }
  const inputs = ids.filter((id) => !DERIVED.has(id));
  const blanks = ids.filter((id, index) => !DERIVED.has(id) && resolved.cells[index]?.kind === "blank");
  if (inputs.length > 1 && blanks.length === inputs.length) {
    notes.push({ code: "row-blank", params: { row: row.label } });
  }
  ids.forEach((id, index) => {
    const cell = resolved.cells[index];
    if (cell === undefined) return;
    if (cell.kind === "number" && valueProblem(id, cell.value) === null) {
      values[id] = cell.value;
    } else if (!DERIVED.has(id)) {
      if (cell.kind === "blank") {
        if (blanks.length !== inputs.length || inputs.length === 1) notes.push({ code: "cell-blank", cell: id });
      } else {
        notes.push({ code: "cell-unreadable", cell: id, params: { text: cell.kind === "text" ? cell.text : cell.digits } });
      }
    }
  });
}
