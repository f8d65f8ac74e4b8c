// Last year's report as a starting point: 上年结转 offered from last year's 结转下年度, narrative
// offered as a base that the checker still flags as 雷同 when left unchanged.
import { describe, expect, it } from "vitest";
import { startInterview } from "../../../src/core/interview/engine.ts";
import { busyReport } from "../../support/report-builders.ts";
import { buttonsOf, Session } from "./driver.ts";
import { APPLICANT_KEYS } from "../../../src/core/report/cells.ts";
import { checkReport } from "../../../src/core/report/check.ts";

const lastYear = busyReport(2021);
const lastCarriedForward = APPLICANT_KEYS.map((column) => lastYear.values[`t3.carriedForward.${column}`] ?? -1);

function atCarriedOver(): Session {
  const s = new Session(startInterview({ agency: "测试局", year: 2022 }, { lastYear }), lastYear);
  s.command("start");
  s.command("edit", "t3.carriedOver.natural");
  return s;
}

describe("last year's report as a starting point", () => {
  it("offers last year's carry-forward for 上年结转 and stores it with one tap", () => {
    const s = atCarriedOver();
    expect(s.rendered()).toContain(lastCarriedForward.join(" "));
    s.tap("interview-btn-last-year-values");
    APPLICANT_KEYS.forEach((column, index) => expect(s.state.report.values[`t3.carriedOver.${column}`]).toBe(lastCarriedForward[index]));
  });

  it("offers nothing without a last year, and a forged last-year tap changes nothing", () => {
    const s = new Session(startInterview({ agency: "测试局", year: 2022 }));
    s.command("start");
    s.command("edit", "t3.carriedOver.natural");
    expect(buttonsOf(s.last).some((button) => button.label.key === "interview-btn-last-year-values")).toBe(false);
    const before = JSON.stringify(s.state.report);
    s.send({ type: "button", data: `v${s.state.version}:ly` });
    expect(JSON.stringify(s.state.report)).toBe(before);
    expect(s.rendered()).toMatch(/按钮|button/iu);
  });

  it("offers last year's narrative as a base, sends it back in full, and 雷同 is still flagged", () => {
    const s = new Session(startInterview({ agency: "测试局", year: 2022 }, { lastYear }), lastYear);
    s.command("start");
    s.command("edit", "s5.problems");
    const text = lastYear.text["s5.problems"] ?? "";
    expect(text.length).toBeGreaterThan(0);
    s.tap("interview-btn-last-year-text");
    expect(s.state.report.text["s5.problems"]).toBe(text);
    expect(s.rendered()).toContain(text);
    expect(s.changes.some((change) => change.cell === "s5.problems" && change.new === text)).toBe(true);
    const rules = checkReport(s.state.report, { lastYear }).map((finding) => finding.rule);
    expect(rules).toContain("s5-repeated");
  });
});

describe("现行有效件数 rolled forward from last year", () => {
  const lastInForce = lastYear.values["t2.rules.inForce"] ?? -1;

  function atRulesRow(): Session {
    const s = new Session(startInterview({ agency: "测试局", year: 2022 }, { lastYear }), lastYear);
    s.command("start");
    s.command("edit", "t2.rules.issued");
    return s;
  }

  it("takes two numbers (制发 废止) and works out 现行有效 = last year's + 制发 − 废止", () => {
    const s = atRulesRow();
    expect(s.rendered()).toContain(`去年现行有效 ${lastInForce} 件`);
    s.text("2 1");
    expect([s.state.report.values["t2.rules.issued"], s.state.report.values["t2.rules.repealed"], s.state.report.values["t2.rules.inForce"]]).toEqual([2, 1, lastInForce + 1]);
  });

  it("still takes all three numbers as typed", () => {
    const s = atRulesRow();
    s.text("2 1 40");
    expect(s.state.report.values["t2.rules.inForce"]).toBe(40);
  });

  it("refuses a roll-forward below zero and keeps the report", () => {
    const s = atRulesRow();
    const before = JSON.stringify(s.state.report);
    s.text(`0 ${lastInForce + 1}`);
    expect(JSON.stringify(s.state.report)).toBe(before);
    expect(s.rendered()).toContain("小于 0");
  });

  it("offers last year's number with one tap when nothing was issued or repealed", () => {
    const s = new Session(startInterview({ agency: "测试局", year: 2022 }, { lastYear }), lastYear);
    s.command("start");
    s.tap("interview-btn-meta-ok");
    s.tap("interview-btn-no"); // no 规章 / 规范性文件 issued or repealed
    s.tap("interview-btn-last-year-in-force");
    expect(s.state.report.values["t2.rules.inForce"]).toBe(lastInForce);
    expect(s.state.report.values["t2.rules.issued"]).toBe(0);
  });
});
