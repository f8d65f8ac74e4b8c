// The checker as a whole: the seed, the rule table, document order, robustness.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { checkReport, missingParts } from "../../../src/core/report/check.ts";
import { CELLS } from "../../../src/core/report/cells.ts";
import { RULES } from "../../../src/core/report/rules.ts";
import { emptyReport, parseReport, type Report } from "../../../src/core/report/schema.ts";
import { busyReport, previousYear, withBadValues, withText, withValues } from "../../support/report-builders.ts";

const CELL_IDS = CELLS.map((cell) => cell.id);
const RULE_IDS = RULES.map((rule) => rule.id);

function seed(): Report {
  const parsed = parseReport(JSON.parse(readFileSync(join(import.meta.dirname, "..", "..", "fixtures", "seed-2021.report.json"), "utf8")));
  if (!parsed.ok) throw new Error("seed fixture does not parse");
  return parsed.report;
}

describe("the seed report", () => {
  it("checks clean: no errors, no warnings", () => expect(checkReport(seed())).toEqual([]));

  it("is clean against a consistent previous year too", () => {
    const report = seed();
    expect(checkReport(report, { lastYear: previousYear(report) })).toEqual([]);
  });
});

describe("the rule table", () => {
  it("has unique ids, hard rules as errors and soft checks as warnings", () => {
    expect(new Set(RULE_IDS).size).toBe(RULE_IDS.length);
    expect(RULES.filter((rule) => rule.severity === "error").map((rule) => rule.id)).toEqual([
      "value-invalid", "t3-row-total", "t3-result-total", "t3-balance", "t4-group-total", "narrative-placeholder",
    ]);
    expect(RULES.filter((rule) => rule.severity === "warning")).toHaveLength(9);
  });
});

const REPEATED = "一是部分业务科室对政务公开工作重要性认识不到位，主动性不够，工作积极性有待提高。下一步将组织各科室学习。";

describe("order", () => {
  it("lists findings in document order: 一 texts, table 2, table 3, table 4, 五, 六", () => {
    const report = withText(
      withValues(busyReport(), { "t2.penalty": 80, "t3.carriedForward.legal": 9, "t4.review.upheld": 200_000 }),
      { "s6.other": "无。", "s5.problems": REPEATED },
    );
    const lastYear = withText(previousYear(report), { "s5.problems": REPEATED });
    expect(checkReport(report, { lastYear }).map((item) => [item.rule, item.cells[0]])).toEqual([
      ["narrative-number-mismatch", "s1.active"],
      ["t3-balance", "t3.new.legal"],
      ["magnitude-implausible", "t4.review.upheld"],
      ["s5-repeated", "s5.problems"],
      ["s6-fee-silent", "s6.other"],
    ]);
  });

  it("is deterministic", () => {
    const report = withValues(busyReport(), { "t3.new.natural": 1, "t3.new.other": 2 });
    expect(checkReport(report)).toEqual(checkReport(report));
  });
});

describe("robustness", () => {
  it("never throws on partial or bad values and texts", () => {
    const value = fc.oneof(fc.nat(200_000), fc.double(), fc.string(), fc.constant(null), fc.constant(undefined), fc.integer({ min: -5, max: 5 }));
    const ids = fc.constantFrom(...CELL_IDS, "t9.alien", "");
    fc.assert(
      fc.property(fc.dictionary(ids, value), fc.dictionary(fc.constantFrom("s1.active", "s5.problems", "s6.other", "x"), fc.string()), (values, text) => {
        const report = withBadValues({ ...emptyReport(), text: text as Report["text"] }, values);
        const findings = checkReport(report, { lastYear: report });
        expect(Array.isArray(findings)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it("tolerates a report whose values or text are not objects", () => {
    const broken = { ...emptyReport(), values: null, text: 3 } as unknown as Report;
    expect(checkReport(broken, { lastYear: broken })).toEqual([]);
    expect(missingParts(broken).cells).toHaveLength(166);
  });
});
