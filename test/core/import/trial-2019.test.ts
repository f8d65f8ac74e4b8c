// Reports in the 2019 trial format (国办公开办函〔2019〕60号) are read in their own shape, checked
// by their own arithmetic, and roll forward into next year's checks where the rows correspond.
import { describe, expect, it } from "vitest";
import { importText } from "../../../src/core/import/import-text.ts";
import { checkTrial } from "../../../src/core/import/trial-2019.ts";
import { checkReport } from "../../../src/core/report/check.ts";
import { T3_COLUMNS, T3_ROWS, t3CellId } from "../../../src/core/report/format.ts";
import type { Report } from "../../../src/core/report/schema.ts";
import { busyReport, withPrintedTotals } from "../../support/report-builders.ts";
import { fixture } from "./fixtures.ts";

/** A 2019 report whose table 3 holds the busy report's figures, （六） as one row. */
function trialText(report: Report, misprint = 0): string {
  const v = withPrintedTotals(report).values;
  const row = (key: string): number[] => T3_COLUMNS.map((column) => v[t3CellId(key, column.key)] ?? 0);
  const other = T3_COLUMNS.map((column) => ["noCorrection", "unpaidFee", "other"].reduce((sum, item) => sum + (v[t3CellId(`otherHandling.${item}`, column.key)] ?? 0), 0));
  const lines = ["某市统计局2020年政府信息公开工作年度报告", "一、总体情况", "2020年，市统计局认真贯彻《条例》。", "二、主动公开政府信息情况",
    "第二十条第(一)项", "信息内容 本年新制作数量 本年新公开数量 对外公开总数量", "规章 0 0 0", "规范性文件 2 2 31",
    "第二十条第(五)项", "信息内容 上一年项目数量 本年增/减 处理决定数量", "行政许可 40 -2 640", "其他对外管理服务事项 5 0 12",
    "第二十条第(六)项", "信息内容 上一年项目数量 本年增/减 处理决定数量", "行政处罚 10 +1 83", "行政强制 2 0 5",
    "第二十条第(八)项", "信息内容 上一年项目数量 本年增/减", "行政事业性收费 1 0",
    "第二十条第(九)项", "信息内容 采购项目数量 采购总金额", "政府集中采购 2 35.6",
    "三、收到和处理政府信息公开申请情况"];
  let group: string | undefined;
  for (const r of T3_ROWS) {
    if (r.group === "otherHandling") {
      if (r.key.endsWith(".noCorrection")) lines.push(`（六）其他处理 ${other.join(" ")}`);
      continue;
    }
    const label = r.part !== "result" ? r.level1 : `${r.level2 !== group ? (r.level2 ?? "") : ""}${r.level3 ?? ""}`;
    group = r.level2;
    const numbers = row(r.key);
    if (r.key === "resultTotal") numbers[0] = (numbers[0] ?? 0) + misprint;
    if (r.key === "resultTotal") numbers[6] = (numbers[6] ?? 0) + misprint;
    lines.push(`${label} ${numbers.join(" ")}`);
  }
  lines.push("四、政府信息公开行政复议、行政诉讼情况", "3 1 1 0 5 2 0 1 1 4 1 1 0 0 2", "五、存在的主要问题及改进情况", "无。", "六、其他需要报告的事项", "无。");
  return lines.join("\n");
}

describe("the 2019 trial format", () => {
  it("reads the fixture in its own shape and says which cells have no counterpart", () => {
    const result = importText(fixture("import/trial-2019.txt"));
    expect(result).toMatchObject({ ok: true, format: "2019" });
    if (!result.ok || result.format !== "2019") return;
    expect(result.trial.values).toMatchObject({
      "t2.normative.made": 1,
      "t2.normative.total": 12,
      "t2.licensing.previous": 3,
      "t2.licensing.decisions": 5,
      "t2.procurement.amount": 35.6,
      "t3.new.natural": 1,
      "t3.otherHandling.natural": 0,
    });
    expect(result.notes.find((note) => note.code === "trial-2019-no-counterpart")?.params?.["cells"]).toContain("政府集中采购");
    expect(result.report.values["t2.normative.inForce"]).toBeUndefined();
  });

  it("keeps a negative 本年增/减 and checks clean figures clean", () => {
    const result = importText(trialText(busyReport(2020)));
    expect(result.ok && result.format).toBe("2019");
    if (!result.ok || result.format !== "2019") return;
    expect(result.trial.values["t2.licensing.change"]).toBe(-2);
    expect(result.trial.values["t3.otherHandling.total"]).toBe(6);
    expect(checkTrial(result.trial)).toEqual([]);
  });

  it("flags what the trial report published against its rules", () => {
    const result = importText(trialText(busyReport(2020), 1));
    if (!result.ok || result.format !== "2019") throw new Error("not read as 2019");
    const rules = checkTrial(result.trial).map((finding) => finding.rule);
    expect(rules).toContain("t3-result-total");
    expect(rules).toContain("t3-balance");
  });

  it("rolls 结转下年度继续办理 forward as next year's 上年结转", () => {
    const result = importText(trialText(busyReport(2020)));
    if (!result.ok || result.format !== "2019") throw new Error("not read as 2019");
    const lastYear = result.report;
    expect(lastYear.values["t3.carriedForward.natural"]).toBe(2);
    const next = busyReport(2021); // carriedOver 1 in each column: last year carried 2 forward
    const rules = checkReport(next, { lastYear }).map((finding) => finding.rule);
    expect(rules).toContain("carried-over-mismatch");
    const matching = { ...next, values: { ...next.values, ...Object.fromEntries(T3_COLUMNS.slice(0, -1).map((column) => [t3CellId("carriedOver", column.key), 2])) } };
    expect(checkReport(matching, { lastYear }).map((finding) => finding.rule)).not.toContain("carried-over-mismatch");
  });
});
