// Tables 2 and 3 from text whose cells ran together: each row is anchored on its label, in order,
// and its digit run cut into cells. Table 3 chooses jointly by the column rules; table 2 has no
// arithmetic, so several readings are listed for the officer and nothing is picked.
import type { ImportNote } from "./import-result.ts";
import { THOUSANDS, bestMatch, labelKey, similarity } from "./normalise.ts";
import { readCell, type Resolved, type Row, storeReadings, storeRow, type TableRead } from "./rows.ts";
import { allSplits } from "./split-digits.ts";
import { chooseJointly } from "./t3-joint.ts";

export interface TableSpec {
  readonly table: 2 | 3;
  /** Each group of this many values ends with its printed total (null: no totals). */
  readonly groupSize: number | null;
  readonly rows: readonly {
    readonly key: string;
    readonly label: string;
    readonly ids: readonly string[];
    readonly keys: readonly string[];
    /** Computed, never typed: its absence is no gap. */
    readonly derived: boolean;
  }[];
}

/** Beyond this many readings a row is unreadable rather than a long list. */
const MAX_READINGS = 36;

type Segment = { text: string; tokens: string[] };

// A number, whitespace, or other text. 「2.其他」: a digit before a point and a non-digit is an ordinal.
const TOKEN = /(\d+(?:\.\d+)?)|(\s+)|([^\d\s]+)/gu;
const ORDINAL_MARK = /^[.、．]/u;

/** Text then digit runs; an ordinal stuck to the digits (`00000002.其他…`) goes back to its label. */
function segments(lines: readonly string[]): Segment[] {
  const stream = lines
    .join(" ")
    .normalize("NFKC")
    .replace(/[\u00a0\u3000]/gu, " ")
    .replace(THOUSANDS, "");
  const out: Segment[] = [{ text: "", tokens: [] }];
  let current = out[0] as Segment;
  const next = (): void => {
    if (current.tokens.length === 0) return;
    current = { text: "", tokens: [] };
    out.push(current);
  };
  let lastWasSpace = true;
  for (const match of stream.matchAll(TOKEN)) {
    const [whole, number, space] = match;
    if (space !== undefined) {
      lastWasSpace = true;
      if (current.tokens.length === 0) current.text += " ";
      continue;
    }
    if (number !== undefined) {
      const after = stream.slice((match.index ?? 0) + whole.length);
      const ordinal = ORDINAL_MARK.test(after) && !/^[.．]\d/u.test(after);
      const value = ordinal ? number.slice(0, -1) : number;
      if (value !== "") {
        if (lastWasSpace || current.tokens.length === 0) current.tokens.push(value);
        else current.tokens[current.tokens.length - 1] += value;
      }
      if (ordinal) {
        next();
        current.text += number.slice(-1);
      }
    } else {
      next();
      current.text += whole;
    }
    lastWasSpace = false;
  }
  return out;
}

function tailScore(key: string, variant: string): number {
  let best = 0;
  for (let extra = -2; extra <= 3; extra++) {
    const length = variant.length + extra;
    if (length <= 0) continue;
    best = Math.max(best, similarity(key.slice(-length), variant));
    if (length >= key.length) break;
  }
  return best;
}

/** A row is looked for only after the last one found. */
function anchoredRuns(rows: readonly Row[], spec: TableSpec): { index: number; tokens: readonly string[] }[] {
  const candidates = spec.rows.map((row) => row.keys);
  const runs: { index: number; tokens: readonly string[] }[] = [];
  for (const segment of segments(rows.map((row) => row.cells.join(" ")))) {
    if (segment.tokens.length === 0) continue;
    const best = bestMatch(labelKey(segment.text), candidates, (runs.at(-1)?.index ?? -1) + 1, tailScore);
    if (best !== -1) runs.push({ index: best, tokens: segment.tokens });
  }
  return runs;
}

export function missingRows(spec: TableSpec, found: ReadonlySet<number>): ImportNote[] {
  const missing = spec.rows.filter((row, index) => !found.has(index) && !row.derived);
  return missing.map((row) => ({ code: "row-missing", params: { row: row.label } }));
}

/** Cells printed apart, or a row of zeros run together: nothing was recovered, nothing to check. */
export function printedApart(tokens: readonly string[], width: number): boolean {
  return tokens.length === width || (/^0+$/u.test(tokens.join("")) && tokens.join("").length === width);
}

export function readings(
  tokens: readonly string[],
  width: number,
  groupSize: number | null,
  limit = MAX_READINGS,
): readonly (readonly number[])[] | "too-many" {
  if (tokens.length === width) return [tokens.map(Number)];
  if (tokens.length > width) return [];
  return allSplits(tokens, width, groupSize, limit);
}

export function readTable3Text(rows: readonly Row[], spec: TableSpec): TableRead {
  const values: Record<string, number> = {};
  const notes: ImportNote[] = [];
  const runs = anchoredRuns(rows, spec);
  if (runs.length === 0) return { values, notes: [{ code: "table-missing", params: { table: 3 } }] };
  const found = new Map<string, { tokens: readonly string[]; options: readonly (readonly number[])[] }>();
  for (const run of runs) {
    const target = spec.rows[run.index];
    if (target === undefined) continue;
    const options = readings(run.tokens, target.ids.length, spec.groupSize);
    if (options === "too-many" || options.length === 0) {
      notes.push({ code: "row-unreadable", params: { row: target.label, text: run.tokens.join(" ") } });
      continue;
    }
    found.set(target.key, { tokens: run.tokens, options });
  }
  const joint = chooseJointly(new Map([...found].map(([key, row]) => [key, row.options])));
  const wasOpen = [...found.values()].some((row) => row.options.length > 1);
  if (wasOpen && joint.violations > 0 && joint.open.length === 0) {
    notes.push({ code: "rows-chosen-despite-violations", params: { count: joint.violations } });
  }
  spec.rows.forEach((target, index) => {
    const row = found.get(target.key);
    const chosen = joint.chosen.get(target.key);
    if (row === undefined) {
      const anchored = runs.some((run) => run.index === index);
      if (!target.derived && !anchored) notes.push({ code: "row-missing", params: { row: target.label } });
    } else {
      const options = chosen === undefined ? row.options : [chosen];
      storeReadings(target, row.tokens, options, printedApart(row.tokens, target.ids.length), values, notes);
    }
  });
  return { values, notes };
}

export function readTable2Text(rows: readonly Row[], spec: TableSpec): TableRead {
  const values: Record<string, number> = {};
  const notes: ImportNote[] = [];
  const runs = anchoredRuns(rows, spec);
  if (runs.length === 0) return { values, notes: [{ code: "table-missing", params: { table: 2 } }] };
  for (const run of runs) {
    const target = spec.rows[run.index];
    if (target === undefined) continue;
    const { ids } = target;
    const row = { label: target.label, text: run.tokens.join(" ") };
    if (ids.length === 1) {
      const resolved: Resolved = run.tokens.length === 1 ? { kind: "cells", cells: run.tokens.map(readCell) } : { kind: "unreadable" };
      storeRow(ids, resolved, row, values, notes);
      continue;
    }
    const options = readings(run.tokens, ids.length, null);
    const apart = printedApart(run.tokens, ids.length);
    storeReadings(target, run.tokens, options === "too-many" ? [] : options, apart, values, notes);
  }
  return { values, notes: [...notes, ...missingRows(spec, new Set(runs.map((run) => run.index)))] };
}
