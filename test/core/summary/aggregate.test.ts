import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { aggregateOffice, summaryLines, type DepartmentReport } from "../../../src/core/summary/aggregate.ts";
import { parseReport, type Report } from "../../../src/core/report/schema.ts";
import { translator } from "../../../src/i18n.ts";
import { sampleOrg } from "../org/sample-org.ts";
import { filledReport, without } from "./reports.ts";

const noErrors = (): number => 0;
const org = sampleOrg();

describe("aggregateOffice", () => {
  const reports: DepartmentReport[] = [
    { departmentId: "dA1", status: "submitted", report: filledReport(1, 0.1) },
    { departmentId: "dA2", status: "approved", report: filledReport(2, 0.2) },
    { departmentId: "dA3", status: "draft", report: filledReport(5, 1) },
    { departmentId: "dB1", status: "submitted", report: filledReport(100, 100) },
  ];

  it("adds up input cells of submitted reports and derives the totals again", () => {
    const summary = aggregateOffice({ org, officeId: "oA", year: 2024, reports, include: "submitted", hardErrors: noErrors });
    const values = summary.report.values;
    expect(summary.report.meta).toEqual({ agency: "奉化区政务公开办", year: 2024 });
    expect(summary.included).toEqual(["dA1", "dA2"]);
    expect(summary.missing).toEqual([{ departmentId: "dA3", reason: "not-submitted" }]);
    expect(values["t2.licensing"]).toBe(3);
    expect(values["t3.new.natural"]).toBe(3);
    expect(values["t4.suitAfterReview.pending"]).toBe(3);
    // Fees in 万元: 0.1 + 0.2 is exactly 0.3, not 0.30000000000000004.
    expect(values["t2.fees"]).toBe(0.3);
    // Derived: six applicant columns, 21 result rows, four outcomes.
    expect(values["t3.new.total"]).toBe(18);
    expect(values["t3.resultTotal.natural"]).toBe(63);
    expect(values["t3.resultTotal.total"]).toBe(378);
    expect(values["t4.review.total"]).toBe(12);
    expect(summary.missingCells).toEqual([]);
  });

  it("adds six-decimal fees exactly, without float noise", () => {
    const summary = aggregateOffice({
      org,
      officeId: "oA",
      year: 2024,
      reports: [
        { departmentId: "dA1", status: "submitted", report: filledReport(1, 24252.311082) },
        { departmentId: "dA2", status: "submitted", report: filledReport(1, 4166.241619) },
      ],
      include: "submitted",
      hardErrors: noErrors,
    });
    expect(String(summary.report.values["t2.fees"])).toBe("28418.552701");
  });

  it("adds fees near the bound exactly", () => {
    const big = (departmentId: string, fees: number): DepartmentReport => ({ departmentId, status: "submitted", report: filledReport(1, fees) });
    const summary = aggregateOffice({
      org,
      officeId: "oA",
      year: 2024,
      reports: [big("dA1", 999_999_999.999999), big("dA2", 999_999_999.999999), big("dA3", 0.000002)],
      include: "submitted",
      hardErrors: noErrors,
    });
    expect(String(summary.report.values["t2.fees"])).toBe("2000000000");
  });

  it("includes drafts when asked for all", () => {
    const summary = aggregateOffice({ org, officeId: "oA", year: 2024, reports, include: "all", hardErrors: noErrors });
    expect(summary.included).toEqual(["dA1", "dA2", "dA3"]);
    expect(summary.missing).toEqual([]);
    expect(summary.report.values["t2.penalty"]).toBe(8);
    expect(summary.report.values["t2.fees"]).toBe(1.3);
  });

  it("never sums printed totals: wrong totals in a report are ignored", () => {
    const bogus = filledReport(1, 0, { "t3.new.total": 999, "t4.review.total": 999, "t3.resultTotal.natural": 999 });
    const summary = aggregateOffice({ org, officeId: "oA", year: 2024, reports: [{ departmentId: "dA1", status: "submitted", report: bogus }], include: "submitted", hardErrors: noErrors });
    expect(summary.report.values["t3.new.total"]).toBe(6);
    expect(summary.report.values["t4.review.total"]).toBe(4);
    expect(summary.report.values["t3.resultTotal.natural"]).toBe(21);
  });

  it("leaves a cell missing when any included report lacks it, and says who", () => {
    const summary = aggregateOffice({
      org,
      officeId: "oA",
      year: 2024,
      reports: [
        { departmentId: "dA1", status: "submitted", report: without(filledReport(1, 0), "t3.new.natural", "t2.licensing") },
        { departmentId: "dA2", status: "submitted", report: without(filledReport(2, 0), "t2.licensing") },
      ],
      include: "submitted",
      hardErrors: noErrors,
    });
    const values = summary.report.values;
    expect(values["t2.licensing"]).toBeUndefined();
    expect(values["t3.new.natural"]).toBeUndefined();
    // A total that depends on a missing cell is missing too, never a partial sum.
    expect(values["t3.new.total"]).toBeUndefined();
    expect(values["t3.resultTotal.natural"]).toBe(63);
    expect(values["t2.penalty"]).toBe(3);
    expect(summary.missingCells).toEqual([
      { cell: "t2.licensing", departments: ["dA1", "dA2"] },
      { cell: "t3.new.natural", departments: ["dA1"] },
    ]);
    expect(summary.missing).toEqual([{ departmentId: "dA3", reason: "no-report" }]);
  });

  it("lists departments whose reports break hard rules", () => {
    const hardErrors = (report: Report): number => (report.values["t2.penalty"] === 2 ? 3 : 0);
    const summary = aggregateOffice({ org, officeId: "oA", year: 2024, reports, include: "submitted", hardErrors });
    expect(summary.failing).toEqual([{ departmentId: "dA2", count: 3 }]);
  });

  it("skips a report of another year", () => {
    const summary = aggregateOffice({ org, officeId: "oA", year: 2024, reports: [{ departmentId: "dA1", status: "submitted", report: filledReport(1, 0, {}, 2023) }], include: "all", hardErrors: noErrors });
    expect(summary.included).toEqual([]);
    expect(summary.missing.map((entry) => entry.reason)).toEqual(["no-report", "no-report", "no-report"]);
  });

  it("adds up the seed report twice", () => {
    const parsed = parseReport(JSON.parse(readFileSync(join(import.meta.dirname, "..", "..", "fixtures", "seed-2021.report.json"), "utf8")));
    if (!parsed.ok) throw new Error("seed does not parse");
    const seed = parsed.report;
    const summary = aggregateOffice({
      org,
      officeId: "oA",
      year: 2021,
      reports: [
        { departmentId: "dA1", status: "submitted", report: seed },
        { departmentId: "dA2", status: "submitted", report: seed },
      ],
      include: "submitted",
      hardErrors: noErrors,
    });
    expect(summary.report.values["t2.licensing"]).toBe(128);
    expect(summary.report.values["t2.penalty"]).toBe(166);
    expect(summary.report.values["t3.resultTotal.total"]).toBe(0);
    expect(summary.missingCells).toEqual([]);
  });

  it("says what was left out, in a few lines", () => {
    const summary = aggregateOffice({ org, officeId: "oA", year: 2024, reports, include: "submitted", hardErrors: (r) => (r.values["t2.penalty"] === 1 ? 1 : 0) });
    const t = translator("zh-CN");
    expect(summaryLines(summary, org).map((line) => t(line.key, line.params))).toEqual([
      "奉化区政务公开办 2024 年度汇总（仅已报送）：已汇总 2 个部门。",
      "未纳入：奉化区水利局",
      "有必须改正错误的部门：奉化区应急管理局",
    ]);
  });
});
