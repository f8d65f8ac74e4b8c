// Hard rules through checkReport: each one satisfied (no finding) and broken (exactly the finding).
import { describe, expect, it } from "vitest";
import { checkReport } from "../../../src/core/report/check.ts";
import { errorsOf } from "../../../src/core/report/findings.ts";
import { busyReport, withBadValues, withPrintedTotals, withValues, zeroReport } from "../../support/report-builders.ts";

const NATURAL_RESULTS = [
  "t3.granted.natural", "t3.partial.natural",
  "t3.withheld.stateSecret.natural", "t3.withheld.lawProhibited.natural", "t3.withheld.securityStability.natural",
  "t3.withheld.thirdParty.natural", "t3.withheld.internalAffairs.natural", "t3.withheld.processInfo.natural",
  "t3.withheld.enforcementFile.natural", "t3.withheld.inquiry.natural",
  "t3.unavailable.notHeld.natural", "t3.unavailable.needsCreation.natural", "t3.unavailable.unclear.natural",
  "t3.notProcessed.petition.natural", "t3.notProcessed.duplicate.natural", "t3.notProcessed.publication.natural",
  "t3.notProcessed.excessive.natural", "t3.notProcessed.confirmation.natural",
  "t3.otherHandling.noCorrection.natural", "t3.otherHandling.unpaidFee.natural", "t3.otherHandling.other.natural",
];

describe("clean reports", () => {
  it("finds nothing in the zero and busy reports, typed or with printed totals", () => {
    expect(checkReport(zeroReport())).toEqual([]);
    expect(checkReport(busyReport())).toEqual([]);
    expect(checkReport(withPrintedTotals(busyReport()))).toEqual([]);
  });
});

describe("value-invalid", () => {
  it("names each bad value with its problem", () => {
    const report = withBadValues(busyReport(), { "t3.new.natural": -1, "t2.fees": 1.2345678, "t3.granted.legal": "3", "t9.alien": 4 });
    const invalid = checkReport(report).filter((item) => item.rule === "value-invalid");
    expect(invalid).toEqual([
      { rule: "value-invalid", severity: "error", cells: ["t9.alien"], actual: 4, params: { problem: "unknown-id", value: "4" } },
      { rule: "value-invalid", severity: "error", cells: ["t2.fees"], actual: 1.2345678, params: { problem: "too-many-decimals", value: "1.2345678" } },
      { rule: "value-invalid", severity: "error", cells: ["t3.new.natural"], actual: -1, params: { problem: "negative", value: "-1" } },
      { rule: "value-invalid", severity: "error", cells: ["t3.granted.legal"], params: { problem: "not-a-number", value: "3" } },
    ]);
  });

  it("does not compute with a bad value (the balance of that column is not evaluated)", () => {
    const report = withBadValues(busyReport(), { "t3.new.natural": Number.NaN });
    expect(checkReport(report).map((item) => item.rule)).toEqual(["value-invalid"]);
  });
});

describe("t3-row-total (printed totals)", () => {
  it("reports a printed row total that disagrees with the sum of its row", () => {
    const report = withValues(withPrintedTotals(busyReport()), { "t3.new.total": 50 });
    expect(checkReport(report)).toEqual([
      {
        rule: "t3-row-total",
        severity: "error",
        cells: ["t3.new.total", "t3.new.natural", "t3.new.business", "t3.new.research", "t3.new.nonprofit", "t3.new.legal", "t3.new.other"],
        expected: 57,
        actual: 50,
      },
    ]);
  });

  it("does not evaluate a row total whose row is incomplete", () => {
    const report = withValues(withPrintedTotals(busyReport()), { "t3.new.total": 50, "t3.new.legal": undefined });
    expect(checkReport(report).filter((item) => item.rule === "t3-row-total")).toEqual([]);
  });
});

describe("t3-result-total (printed totals)", () => {
  it("reports （七）总计 cell by cell", () => {
    const report = withValues(withPrintedTotals(busyReport()), { "t3.resultTotal.natural": 5, "t3.resultTotal.total": 52 });
    const findings = checkReport(report);
    expect(findings).toEqual([
      { rule: "t3-result-total", severity: "error", cells: ["t3.resultTotal.natural", ...NATURAL_RESULTS], expected: 6, actual: 5 },
      expect.objectContaining({ rule: "t3-result-total", cells: expect.arrayContaining(["t3.resultTotal.total"]), expected: 51, actual: 52 }),
    ]);
    // The column balance uses the derived （七）, so the printed error is reported once, not twice.
    expect(findings.filter((item) => item.rule === "t3-balance")).toEqual([]);
  });
});

describe("t4-group-total (printed totals)", () => {
  it("reports a group total that disagrees", () => {
    const report = withValues(withPrintedTotals(busyReport()), { "t4.suitDirect.total": 3 });
    expect(checkReport(report)).toEqual([
      {
        rule: "t4-group-total",
        severity: "error",
        cells: ["t4.suitDirect.total", "t4.suitDirect.upheld", "t4.suitDirect.corrected", "t4.suitDirect.other", "t4.suitDirect.pending"],
        expected: 4,
        actual: 3,
      },
    ]);
  });
});

describe("t3-balance", () => {
  it("reports the column that does not balance, without repeating it for 总计", () => {
    // natural: new 7 + carried 1 = 8, results 6 + carried forward 3 = 9.
    const report = withValues(busyReport(), { "t3.carriedForward.natural": 3 });
    expect(checkReport(report)).toEqual([
      {
        rule: "t3-balance",
        severity: "error",
        cells: ["t3.new.natural", "t3.carriedOver.natural", "t3.resultTotal.natural", "t3.carriedForward.natural"],
        expected: 8,
        actual: 9,
        params: { column: "自然人", left: 8, right: 9 },
      },
    ]);
  });

  it("reports every column that is off, in column order", () => {
    const report = withValues(busyReport(), { "t3.new.legal": 0, "t3.new.business": 0 });
    expect(errorsOf(checkReport(report)).map((item) => item.params?.["column"])).toEqual(["商业企业", "法律服务机构"]);
  });

  it("is not evaluated while a cell of the column is unanswered", () => {
    const report = withValues(busyReport(), { "t3.carriedForward.natural": 3, "t3.granted.natural": undefined });
    expect(errorsOf(checkReport(report))).toEqual([]);
  });
});
