// Shared helpers for the importer's tests: fixture paths and a hand-written value builder.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { INPUT_CELL_IDS } from "../../../src/core/report/cells.ts";

export const FIXTURES = join(import.meta.dirname, "..", "..", "fixtures");

export function fixture(name: string): string {
  return readFileSync(join(FIXTURES, name), "utf8");
}

/** Every input cell 0 except those given (absent: `undefined`), plus extra printed totals. */
export function zerosExcept(cells: Record<string, number | undefined>): Record<string, number> {
  const values: Record<string, number> = {};
  for (const id of INPUT_CELL_IDS) values[id] = 0;
  for (const [id, value] of Object.entries(cells)) {
    if (value === undefined) delete values[id];
    else values[id] = value;
  }
  return values;
}
