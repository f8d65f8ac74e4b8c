// The seed report and builders for render tests (spread overrides over the golden fixture).
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parseReport, type Report } from "../../../src/core/report/schema.ts";

export const FIXTURES = join(import.meta.dirname, "..", "..", "fixtures");

export function seedReport(): Report {
  const parsed = parseReport(JSON.parse(readFileSync(join(FIXTURES, "seed-2021.report.json"), "utf8")));
  if (!parsed.ok) throw new Error(`seed fixture does not parse: ${JSON.stringify(parsed.problems)}`);
  return parsed.report;
}

export function reportWith(overrides: {
  meta?: Report["meta"];
  text?: Report["text"];
  values?: Report["values"];
  without?: readonly string[];
}): Report {
  const seed = seedReport();
  const values: Report["values"] = { ...seed.values, ...overrides.values };
  for (const id of overrides.without ?? []) delete values[id];
  return { ...seed, meta: { ...seed.meta, ...overrides.meta }, text: { ...seed.text, ...overrides.text }, values };
}

export function officialTemplate(): Buffer {
  return readFileSync(join(FIXTURES, "official-template-2021.docx"));
}
