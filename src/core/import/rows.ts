// Blocks (what every reader produces) → rows → numbers, or notes saying why not. A blank or
// unreadable cell is reported and left absent, never 0 (spec "Interchange format").
import { DERIVED_CELL_IDS } from "../report/cells.ts";
import { valueProblem } from "../report/schema.ts";
import type { ImportNote } from "./import-result.ts";
import { THOUSANDS, clean, compact } from "./normalise.ts";
import { allSplits } from "./split-digits.ts";

/** Paragraphs and tables in document order; a merged cell's text stands in its first grid cell, the rest are "". */
export type Block =
  | { readonly kind: "paragraph"; readonly text: string }
  | { readonly kind: "table"; readonly rows: readonly (readonly string[])[] };

export function paragraph(text: string): Block {
  return { kind: "paragraph", text };
}

export function table(rows: readonly (readonly string[])[]): Block {
  return { kind: "table", rows };
}

export type CellValue =
  | { readonly kind: "number"; readonly value: number; readonly digits: string }
  | { readonly kind: "blank" }
  | { readonly kind: "text"; readonly text: string };

// Units some agencies type after a count (64件). 元 is not among them: the fee column is 万元.
const COUNT_UNIT = /[件个宗条项次]$/;

export function readCell(text: string): CellValue {
  const plain = compact(text);
  if (plain === "") return { kind: "blank" };
  const digits = plain.replace(THOUSANDS, "").replace(COUNT_UNIT, "");
  // Long runs of digits stay numbers (a row whose boundaries were lost); valueProblem() refuses absurd ones.
  if (/^\d+(\.\d+)?$/.test(digits)) return { kind: "number", value: Number(digits), digits };
  return { kind: "text", text: text.trim() };
}

export function isNumberCell(text: string): boolean {
  return readCell(text).kind === "number";
}

export function isBlankCell(text: string): boolean {
  return compact(text) === "";
}

/** The whitespace-separated tokens of cells (a cell of text typeset as "3 0 1" holds three). */
export function tokensOf(cells: readonly string[]): string[] {
  return cells.flatMap((cell) => cell.trim().split(/[\s\u3000]+/u)).filter((token) => token !== "");
}

export interface Row {
  readonly cells: readonly string[];
  /** Boundaries known: a blank cell is a cell. */
  readonly exact: boolean;
}

// 「一、本年新收政府信息公开申请数量3」: digits glued to a label.
const GLUED = /^(.*[^\d\s.．、)）])(\d+)$/u;

/** A line of web text: cut at tabs or pipes (exact), else at spaces, where blank cells vanish. */
function lineRow(line: string): Row {
  if (line.includes("\t")) return { cells: line.split("\t").map((cell) => cell.trim()), exact: true };
  // In `| a | b |` the outer pipes are no cells.
  if ((line.match(/\|/gu)?.length ?? 0) >= 2) {
    const framed = line.trim().startsWith("|");
    const cells = line.trim().split("|").map((cell) => cell.trim());
    return { cells: framed ? cells.slice(1, cells.at(-1) === "" ? -1 : undefined) : cells, exact: true };
  }
  const tokens = tokensOf([line]);
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

/** Exact rows: values are the value-like cells at the end; web text: from the first number on. */
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

export type Resolved =
  | { readonly kind: "cells"; readonly cells: readonly CellValue[] }
  | { readonly kind: "split"; readonly values: readonly number[] }
  | { readonly kind: "unreadable" };

/**
 * `width` value cells, right-aligned in exact grids (merged label cells leave blanks in front).
 * A row of the wrong length is recovered only through printed totals (`groupSize` values end with their sum).
 */
export function resolveValues(values: readonly string[], width: number, exact: boolean, groupSize: number | null): Resolved {
  if (exact && values.length >= width && values.slice(0, values.length - width).every(isBlankCell)) {
    return { kind: "cells", cells: values.slice(values.length - width).map(readCell) };
  }
  const tokens = tokensOf(values);
  if (tokens.length === width && tokens.every(isNumberCell)) return { kind: "cells", cells: tokens.map(readCell) };
  if (groupSize === null || tokens.length === 0 || tokens.length >= width) return { kind: "unreadable" };
  const splits = allSplits(tokens.map(compact), width, groupSize, 1);
  const only = splits === "too-many" ? undefined : splits[0];
  return only === undefined ? { kind: "unreadable" } : { kind: "split", values: only };
}

const DERIVED = new Set(DERIVED_CELL_IDS);

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

/** One reading is stored (as cells if printed apart, else a noted split); several are listed, none picked. */
export function storeReadings(
  target: { readonly ids: readonly string[]; readonly label: string },
  tokens: readonly string[],
  options: readonly (readonly number[])[],
  apart: boolean,
  values: Record<string, number>,
  notes: ImportNote[],
): void {
  const [only] = options;
  const row = { label: target.label, text: tokens.join(" ") };
  if (options.length > 1) {
    const candidates = options.map((option) => option.join(" ")).join(" / ");
    const choices = { cells: target.ids, options };
    notes.push({ code: "row-ambiguous", params: { row: row.label, text: row.text, candidates }, choices });
  } else if (only === undefined) {
    storeRow(target.ids, { kind: "unreadable" }, row, values, notes);
  } else {
    const cells = only.map((value) => readCell(String(value)));
    storeRow(target.ids, apart ? { kind: "cells", cells } : { kind: "split", values: only }, row, values, notes);
  }
}

export interface TableRead {
  readonly values: Record<string, number>;
  readonly notes: ImportNote[];
}
