// A city's busy year for the visual tests: six-digit cells in 表三, a seven-digit grand total,
// five-digit outcomes and six-digit totals in 表四, and a named agency. The figures need not
// balance: the renderer prints what it is given, and these exercise the widest cells.
import { withTotals } from "../../src/core/report/arithmetic.ts";
import { INPUT_CELL_IDS } from "../../src/core/report/cells.ts";
import type { Report } from "../../src/core/report/schema.ts";
import { seedReport } from "../core/render/fixtures.ts";

export const BUSY_AGENCY = "淮安市人民政府办公室";

function figure(id: string, index: number): number {
  if (id.startsWith("t3.")) return id.includes(".new.") ? 987_654 - index : 10_000 + ((index * 7_919) % 90_000);
  if (id.startsWith("t4.")) return 90_000 + index;
  return 1_000 + index;
}

export function busyReport(): Report {
  const seed = seedReport();
  const values: Report["values"] = {};
  INPUT_CELL_IDS.forEach((id, index) => {
    values[id] = figure(id, index);
  });
  // A longer 总体情况 so page 2 is all text (the 22-line check needs a full page).
  const summary = seed.text["s1.summary"] ?? "";
  const text = { ...seed.text, "s1.summary": [summary, summary, summary].join("\n") };
  return { ...seed, meta: { ...seed.meta, agency: BUSY_AGENCY, year: 2024 }, text, values };
}

/** The longest figure the busy report prints, in digits. */
export function longestFigure(report: Report): number {
  return Math.max(...Object.values(withTotals(report.values)).map((value) => String(value).length));
}
