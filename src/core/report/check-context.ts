// What every rule reads: the report's values split into valid / known, its texts, and last
// year's. Built defensively so that no rule has to guard against bad data (checking never throws).
import { deriveTotals } from "./arithmetic.ts";
import { DERIVED_CELL_IDS } from "./cells.ts";
import type { Report, Values } from "./schema.ts";
import { valueProblem } from "./schema.ts";

export interface YearView {
  /** Values that pass valueProblem, printed derived cells included. */
  readonly valid: Values;
  /** Valid typed cells plus the totals derived from them (a printed total never overrides). */
  readonly known: Values;
  /** Narrative id → text (non-strings dropped). */
  readonly texts: Readonly<Record<string, string>>;
}

export interface CheckContext {
  readonly report: Report;
  readonly year: YearView;
  readonly lastYear?: YearView;
}

const DERIVED = new Set(DERIVED_CELL_IDS);

function entriesOf(record: unknown): [string, unknown][] {
  return typeof record === "object" && record !== null ? Object.entries(record) : [];
}

export function yearView(report: Report): YearView {
  const valid: Values = {};
  for (const [id, value] of entriesOf(report.values)) {
    if (valueProblem(id, value) === null) valid[id] = value as number;
  }
  const inputs: Values = {};
  for (const [id, value] of Object.entries(valid)) if (!DERIVED.has(id)) inputs[id] = value;
  const texts: Record<string, string> = {};
  for (const [id, text] of entriesOf(report.text)) if (typeof text === "string") texts[id] = text;
  return { valid, known: { ...inputs, ...deriveTotals(inputs) }, texts };
}

export function checkContext(report: Report, lastYear?: Report): CheckContext {
  return { report, year: yearView(report), ...(lastYear === undefined ? {} : { lastYear: yearView(lastYear) }) };
}
