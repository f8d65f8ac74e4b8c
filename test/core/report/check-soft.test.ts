// Soft checks on the tables through checkReport: each satisfied and broken.
import { describe, expect, it } from "vitest";
import { checkReport } from "../../../src/core/report/check.ts";
import { busyReport, previousYear, withValues, zeroReport } from "../../support/report-builders.ts";

describe("carried-over-mismatch", () => {
  it("is silent when 二 equals last year's 四", () => {
    const report = busyReport();
    expect(checkReport(report, { lastYear: previousYear(report) })).toEqual([]);
  });

  it("reports each column whose 二 differs from last year's 四", () => {
    const report = busyReport();
    const lastYear = withValues(previousYear(report), { "t3.carriedForward.research": 4 });
    expect(checkReport(report, { lastYear })).toEqual([
      { rule: "carried-over-mismatch", severity: "warning", cells: ["t3.carriedOver.research"], expected: 4, actual: 1 },
    ]);
  });

  it("is not evaluated without last year's figure", () => {
    const report = busyReport();
    const lastYear = withValues(previousYear(report), { "t3.carriedForward.research": undefined });
    expect(checkReport(withValues(report, { "t3.carriedOver.research": 1 }), { lastYear })).toEqual([]);
  });
});

describe("in-force-mismatch", () => {
  it("reports 现行有效 that does not follow from last year's", () => {
    // last year's inForce = 80 − 12 + 3 = 71; typed 79 instead of 80.
    const report = busyReport();
    const lastYear = previousYear(report);
    expect(lastYear.values["t2.normative.inForce"]).toBe(71);
    const findings = checkReport(withValues(report, { "t2.normative.inForce": 79 }), { lastYear });
    expect(findings).toEqual([
      {
        rule: "in-force-mismatch",
        severity: "warning",
        cells: ["t2.normative.inForce", "t2.normative.issued", "t2.normative.repealed"],
        expected: 80,
        actual: 79,
        params: { lastInForce: 71, issued: 12, repealed: 3 },
      },
    ]);
  });
});

describe("other-handling-high", () => {
  it("is silent at the busy report's 6 of 63 (under 30%)", () => {
    expect(checkReport(busyReport()).filter((item) => item.rule === "other-handling-high")).toEqual([]);
  });

  it("reports （六）其他处理 above 30% of applications", () => {
    const rule = (report: ReturnType<typeof busyReport>) => checkReport(report).filter((item) => item.rule === "other-handling-high");
    // applications = 57 − 7 + 21 + 6 = 77; 其他处理 = 6 + 14 = 20 → 26%: under.
    expect(rule(withValues(busyReport(), { "t3.otherHandling.other.natural": 14, "t3.new.natural": 21 }))).toEqual([]);
    // applications = 57 − 7 + 27 + 6 = 83; 其他处理 = 6 + 20 = 26 → 31%: over.
    expect(rule(withValues(busyReport(), { "t3.otherHandling.other.natural": 20, "t3.new.natural": 27 }))).toEqual([
      {
        rule: "other-handling-high",
        severity: "warning",
        cells: ["t3.otherHandling.noCorrection.total", "t3.otherHandling.unpaidFee.total", "t3.otherHandling.other.total"],
        actual: 26,
        params: { applications: 83, share: 31, limit: 30 },
      },
    ]);
  });

  it("stays silent for a handful of cases even at a high share", () => {
    // 4 applications, all 其他处理: 100% but fewer than 5 cases.
    const report = withValues(zeroReport(), { "t3.new.natural": 4, "t3.otherHandling.noCorrection.natural": 4 });
    expect(checkReport(report)).toEqual([
      expect.objectContaining({ rule: "narrative-number-mismatch" }), // the zero texts say 未收到申请
    ]);
  });
});

describe("magnitude-implausible", () => {
  it("accepts 100 000 and flags what is above, for counts and fees", () => {
    expect(checkReport(withValues(busyReport(), { "t2.licensing": 100_000, "t2.fees": 100_000 })).map((item) => item.rule)).toEqual([
      "narrative-number-mismatch", // the busy text says 行政许可决定640件
    ]);
    const findings = checkReport(withValues(busyReport(), { "t2.penalty": 100_001, "t2.fees": 250_000.5 }));
    expect(findings.filter((item) => item.rule === "magnitude-implausible")).toEqual([
      { rule: "magnitude-implausible", severity: "warning", cells: ["t2.penalty"], actual: 100_001, params: { limit: 100_000, unit: "count" } },
      { rule: "magnitude-implausible", severity: "warning", cells: ["t2.fees"], actual: 250_000.5, params: { limit: 100_000, unit: "wanYuan" } },
    ]);
  });
});
