// The per-answer validation checks only what changed; whatever the change, it must accept and
// reject exactly what the full schema does, and return what the full schema returns.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { CELLS } from "../../../src/core/report/cells.ts";
import { NARRATIVE_IDS } from "../../../src/core/report/narrative.ts";
import { checkReportChange, ReportSchema, type Report } from "../../../src/core/report/schema.ts";

const CELL_IDS = CELLS.map((cell) => cell.id);

const cellId = fc.oneof(fc.constantFrom(...CELL_IDS), fc.constantFrom("t9.bogus", "__proto__x", ""));
const cellValue = fc.oneof(fc.nat(1000), fc.constantFrom(-1, 0.5, 1.23456, Number.NaN, 3.25), fc.string({ maxLength: 3 }) as fc.Arbitrary<unknown>);
const textId = fc.oneof(fc.constantFrom(...NARRATIVE_IDS), fc.constant("s9.bogus"));
const textValue = fc.oneof(fc.string({ maxLength: 20 }), fc.constant("长".repeat(100_001)), fc.integer() as fc.Arbitrary<unknown>);
const meta = fc.record({ agency: fc.constantFrom("  某局 ", "某局", ""), year: fc.constantFrom(2023, 1999) }, { requiredKeys: [] });

const base: Report = ReportSchema.parse({ format: "nianbao.report/1", meta: { agency: "某局", year: 2023 }, text: { [NARRATIVE_IDS[0] ?? ""]: "原文" }, values: { [CELL_IDS[0] ?? ""]: 1, [CELL_IDS[5] ?? ""]: 2 } });

const outcome = (fn: () => unknown): { ok: true; value: unknown } | { ok: false } => {
  try {
    return { ok: true, value: fn() };
  } catch {
    return { ok: false };
  }
};

describe("checkReportChange", () => {
  it("agrees with the full schema on any edit of values, text and meta", () => {
    fc.assert(
      fc.property(fc.dictionary(cellId, cellValue, { maxKeys: 4 }), fc.dictionary(textId, textValue, { maxKeys: 2 }), fc.option(meta), fc.boolean(), (values, text, newMeta, extraKey) => {
        const next = { ...base, values: { ...base.values, ...values }, text: { ...base.text, ...text }, ...(newMeta === null ? {} : { meta: newMeta }), ...(extraKey ? { extra: 1 } : {}) } as Report;
        const full = outcome(() => ReportSchema.parse(next));
        const quick = outcome(() => checkReportChange(base, next));
        expect(quick.ok).toBe(full.ok);
        if (quick.ok && full.ok) expect(quick.value).toEqual(full.value);
      }),
      { numRuns: 1_000 },
    );
  });

  it("returns the report itself when nothing needs normalising (no copy per answer)", () => {
    const next = { ...base, values: { ...base.values, [CELL_IDS[7] ?? ""]: 4 } };
    expect(checkReportChange(base, next)).toBe(next);
    expect(checkReportChange(base, base)).toBe(base);
  });
});
