// Tables 2 and 3 from text without cell boundaries (web copies, PDFs without layout): rows are
// anchored on their official labels in order (anchored-runs.ts), each run cut into the row's
// cells (split-digits.ts). Table 3's open rows are chosen jointly by the column rules
// (t3-joint.ts); table 2's three-number rows have no arithmetic, so several readings are listed
// for the officer and nothing is picked.
import { T2_BLOCKS, T3_COLUMNS, T3_ROWS, t2CellId, t3CellId, t3RowLabel } from "../report/format.ts";
import { anchoredRuns } from "./anchored-runs.ts";
import { readCell } from "./cell-value.ts";
import type { ImportNote } from "./import-result.ts";
import { labelKey } from "./normalise.ts";
import type { TableRead } from "./read-table2.ts";
import { type Resolved, storeRow } from "./row-values.ts";
import type { Row } from "./rows.ts";
import { allSplits } from "./split-digits.ts";
import { chooseJointly } from "./t3-joint.ts";

/** Readings kept per row at most: beyond, the row is unreadable rather than a long list. */
const MAX_READINGS = 36;
const WIDTH = T3_COLUMNS.length;

function linesOf(rows: readonly Row[]): string[] {
  return rows.map((row) => row.cells.join(" "));
}

function asCells(values: readonly number[]): Resolved {
  return { kind: "cells", cells: values.map((value) => readCell(String(value))) };
}

function ambiguousNote(row: string, tokens: readonly string[], cells: readonly string[], options: readonly (readonly number[])[]): ImportNote {
  return {
    code: "row-ambiguous",
    params: { row, text: tokens.join(" "), candidates: options.map((option) => option.join(" ")).join(" / ") },
    choices: { cells, options },
  };
}

/** Cells printed apart, or a row of zeros run together: nothing was recovered, nothing to check. */
export function printedApart(tokens: readonly string[], width: number): boolean {
  return tokens.length === width || (/^0+$/u.test(tokens.join("")) && tokens.join("").length === width);
}

/** Readings of a run: as printed when it has `width` numbers, else every cut that adds up. */
function readings(tokens: readonly string[], width: number, groupSize: number | null): readonly (readonly number[])[] | "too-many" {
  if (tokens.length === width) return [tokens.map(Number)];
  if (tokens.length > width) return [];
  return allSplits(tokens, width, groupSize, MAX_READINGS);
}

export function readTable3Text(rows: readonly Row[], candidates: readonly (readonly string[])[]): TableRead {
  const values: Record<string, number> = {};
  const notes: ImportNote[] = [];
  const runs = anchoredRuns(linesOf(rows), candidates);
  if (runs.length === 0) return { values, notes: [{ code: "table-missing", params: { table: 3 } }] };
  const found = new Map<string, { tokens: readonly string[]; options: readonly (readonly number[])[] }>();
  for (const run of runs) {
    const target = T3_ROWS[run.index];
    if (target === undefined) continue;
    const options = readings(run.tokens, WIDTH, WIDTH);
    if (options === "too-many" || options.length === 0) {
      notes.push({ code: "row-unreadable", params: { row: t3RowLabel(target), text: run.tokens.join(" ") } });
      continue;
    }
    found.set(target.key, { tokens: run.tokens, options });
  }
  const joint = chooseJointly(new Map([...found].map(([key, row]) => [key, row.options])));
  const wasOpen = [...found.values()].some((row) => row.options.length > 1);
  if (wasOpen && joint.violations > 0 && joint.open.length === 0) {
    notes.push({ code: "rows-chosen-despite-violations", params: { count: joint.violations } });
  }
  for (const target of T3_ROWS) {
    const row = found.get(target.key);
    const ids = T3_COLUMNS.map((column) => t3CellId(target.key, column.key));
    const label = t3RowLabel(target);
    if (row === undefined) {
      if (target.derived !== true && !runs.some((run) => T3_ROWS[run.index] === target)) notes.push({ code: "row-missing", params: { row: label } });
      continue;
    }
    const chosen = joint.chosen.get(target.key);
    if (chosen === undefined) {
      notes.push(ambiguousNote(label, row.tokens, ids, row.options));
      continue;
    }
    const resolved: Resolved = printedApart(row.tokens, WIDTH) ? asCells(chosen) : { kind: "split", values: chosen };
    storeRow(ids, resolved, { label, text: row.tokens.join(" ") }, values, notes);
  }
  return { values, notes };
}

const T2_ROWS = T2_BLOCKS.flatMap((block) => block.rows.map((row) => ({ block, row })));
// 规范性文件: the drifted label many reports print for 行政规范性文件.
const T2_CANDIDATES = T2_ROWS.map(({ row }) => [labelKey(row.label), ...(row.key === "normative" ? [labelKey("规范性文件")] : [])]);

export function readTable2Text(rows: readonly Row[]): TableRead {
  const values: Record<string, number> = {};
  const notes: ImportNote[] = [];
  const runs = anchoredRuns(linesOf(rows), T2_CANDIDATES);
  if (runs.length === 0) return { values, notes: [{ code: "table-missing", params: { table: 2 } }] };
  const seen = new Set(runs.map((run) => run.index));
  for (const run of runs) {
    const target = T2_ROWS[run.index];
    if (target === undefined) continue;
    const ids = target.block.columns.map((column) => t2CellId(target.row, column));
    const row = { label: target.row.label, text: run.tokens.join(" ") };
    if (ids.length === 1) {
      const resolved: Resolved = run.tokens.length === 1 ? { kind: "cells", cells: run.tokens.map(readCell) } : { kind: "unreadable" };
      storeRow(ids, resolved, row, values, notes);
      continue;
    }
    const options = readings(run.tokens, ids.length, null);
    const [only] = options === "too-many" ? [] : options;
    if (options === "too-many" || only === undefined) storeRow(ids, { kind: "unreadable" }, row, values, notes);
    else if (options.length > 1) notes.push(ambiguousNote(target.row.label, run.tokens, ids, options));
    else storeRow(ids, printedApart(run.tokens, ids.length) ? asCells(only) : { kind: "split", values: only }, row, values, notes);
  }
  T2_ROWS.forEach(({ row }, index) => {
    if (!seen.has(index)) notes.push({ code: "row-missing", params: { row: row.label } });
  });
  return { values, notes };
}
