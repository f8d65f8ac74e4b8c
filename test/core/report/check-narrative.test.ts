// Soft checks on the narrative through checkReport: each satisfied and broken.
import { describe, expect, it } from "vitest";
import { checkReport } from "../../../src/core/report/check.ts";
import { busyReport, previousYear, withText, withValues, zeroReport } from "../../support/report-builders.ts";

const ruleOf = (rule: string) => (findings: ReturnType<typeof checkReport>) => findings.filter((item) => item.rule === rule);

const PROBLEMS =
  "一是部分业务科室对政务公开工作重要性认识不到位，主动性不够，工作积极性有待提高。下一步，将不定期组织各业务科室学习政务信息公开工作要点及内容。";

describe("narrative-similar and s5-repeated", () => {
  it("reports a part copied from last year, with the similarity", () => {
    const report = busyReport();
    const text = report.text["s1.active"] ?? "";
    const lastYear = withText(previousYear(report), { "s1.active": text.replace("640", "600") });
    expect(checkReport(report, { lastYear })).toEqual([
      { rule: "narrative-similar", severity: "warning", cells: ["s1.active"], params: { similarity: 100 } },
    ]);
  });

  it("reports a lightly edited copy and not a rewrite", () => {
    const report = withText(busyReport(), { "s1.platform": "持续优化政府信息公开专栏，及时更新栏目内容，进一步提升平台的可用性和检索便利度，方便群众查阅。" });
    const edited = withText(previousYear(report), { "s1.platform": "持续优化政府信息公开专栏，及时更新栏目内容，提升平台的可用性和检索便利度，方便群众查阅。" });
    const findings = checkReport(report, { lastYear: edited });
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ rule: "narrative-similar", cells: ["s1.platform"] });
    expect(Number(findings[0]?.params?.["similarity"])).toBeGreaterThanOrEqual(90);
    expect(checkReport(report, { lastYear: previousYear(report) })).toEqual([]);
  });

  it("reports 五 under its own rule", () => {
    const report = withText(busyReport(), { "s5.problems": PROBLEMS });
    const lastYear = withText(previousYear(report), { "s5.problems": PROBLEMS });
    expect(checkReport(report, { lastYear })).toEqual([
      { rule: "s5-repeated", severity: "warning", cells: ["s5.problems"], params: { similarity: 100 } },
    ]);
  });

  it("leaves short statements and the intro alone", () => {
    const intro = "根据《中华人民共和国政府信息公开条例》规定，特向社会公布本机关年度报告。本报告所列数据的统计期限自1月1日起至12月31日止。";
    const report = withText(busyReport(), { intro });
    const lastYear = withText(previousYear(report), { "s6.other": report.text["s6.other"], intro });
    expect(checkReport(report, { lastYear })).toEqual([]);
  });
});

describe("narrative-number-mismatch", () => {
  it("finds the busy texts consistent with the busy tables", () => {
    expect(ruleOf("narrative-number-mismatch")(checkReport(busyReport()))).toEqual([]);
  });

  it("reports each contradicting number with the table's value", () => {
    const report = withValues(busyReport(), { "t2.penalty": 80, "t3.new.natural": 8, "t3.carriedForward.natural": 3 });
    expect(ruleOf("narrative-number-mismatch")(checkReport(report))).toEqual([
      { rule: "narrative-number-mismatch", severity: "warning", cells: ["s1.active", "t2.penalty"], expected: 80, actual: 83, params: { phrase: "行政处罚83件" } },
      { rule: "narrative-number-mismatch", severity: "warning", cells: ["s1.onRequest", "t3.new.total"], expected: 58, actual: 57, params: { phrase: "新收政府信息公开申请57件" } },
    ]);
  });

  it("reads 无行政强制 as 0", () => {
    const report = withText(busyReport(), { "s1.active": "本年作出行政许可决定640件，行政处罚83件，无行政强制。" });
    expect(ruleOf("narrative-number-mismatch")(checkReport(report))).toEqual([
      { rule: "narrative-number-mismatch", severity: "warning", cells: ["s1.active", "t2.coercion"], expected: 5, actual: 0, params: { phrase: "无行政强制" } },
    ]);
    expect(ruleOf("narrative-number-mismatch")(checkReport(withValues(report, { "t2.coercion": 0 })))).toEqual([]);
  });

  it("accepts 共收到 N件 counting new plus carried over", () => {
    const text = "本年共收到政府信息公开申请63件，均已依法按时答复。";
    expect(ruleOf("narrative-number-mismatch")(checkReport(withText(busyReport(), { "s1.onRequest": text })))).toEqual([]);
    const wrong = withText(busyReport(), { "s1.onRequest": "本年共收到政府信息公开申请60件。" });
    expect(ruleOf("narrative-number-mismatch")(checkReport(wrong))).toMatchObject([{ expected: 57, actual: 60 }]);
  });

  it("is not evaluated while the table cell is unanswered", () => {
    const report = withValues(busyReport(), { "t2.penalty": undefined });
    expect(ruleOf("narrative-number-mismatch")(checkReport(report))).toEqual([]);
  });
});

describe("s6-fee-silent", () => {
  it("accepts any mention of 信息处理费 or 收费", () => {
    expect(checkReport(withText(zeroReport(), { "s6.other": "本机关未发生收费情况。" }))).toEqual([]);
    expect(checkReport(withText(zeroReport(), { "s6.other": "本年度未收取任何费用。" }))).toEqual([]);
  });

  it("reports 六 that is silent on 信息处理费", () => {
    expect(checkReport(withText(zeroReport(), { "s6.other": "无其他需要报告的事项。" }))).toEqual([
      { rule: "s6-fee-silent", severity: "warning", cells: ["s6.other"] },
    ]);
  });

  it("leaves an empty 六 to missingParts", () => {
    expect(checkReport(withText(zeroReport(), { "s6.other": undefined }))).toEqual([]);
  });
});

describe("s1-too-long", () => {
  it("accepts 1000 characters and reports 1001 (whitespace not counted, intro excluded)", () => {
    const exact = withText(zeroReport(), {
      intro: "开".repeat(500),
      "s1.summary": "总".repeat(1000 - 5 * 100),
      "s1.active": "甲".repeat(100),
      "s1.onRequest": "乙".repeat(100),
      "s1.management": "丙".repeat(50) + "\n\n" + "丙".repeat(50),
      "s1.platform": "丁".repeat(100),
      "s1.oversight": "戊".repeat(100),
    });
    expect(checkReport(exact)).toEqual([]);
    const over = withText(exact, { "s1.oversight": "戊".repeat(101) });
    expect(checkReport(over)).toEqual([
      {
        rule: "s1-too-long",
        severity: "warning",
        cells: ["s1.summary", "s1.active", "s1.onRequest", "s1.management", "s1.platform", "s1.oversight"],
        expected: 1000,
        actual: 1001,
        params: { limit: 1000 },
      },
    ]);
  });
});
