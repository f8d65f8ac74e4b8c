// Whole sessions as an officer would run them, counting interactions (messages + taps + commands).
import { describe, expect, it } from "vitest";
import { startInterview } from "../../../src/core/interview/engine.ts";
import { InterviewStateSchema } from "../../../src/core/interview/state.ts";
import { Session, seedReport } from "./driver.ts";

const seed = seedReport();

/** 一、总体情况 as one pasted message, leads included. */
function pastedSection1(text: Record<string, string>): string {
  return [
    "一、总体情况",
    text["s1.summary"],
    `（一）主动公开情况。${text["s1.active"]}`,
    `（二）依申请公开情况。${text["s1.onRequest"]}`,
    `（三）政府信息管理情况。${text["s1.management"]}`,
    `（四）政府信息公开平台建设情况。${text["s1.platform"]}`,
    `（五）监督保障情况。${text["s1.oversight"]}`,
  ].join("\n");
}

describe("scripted sessions", () => {
  it("completes the seed report in at most 25 interactions", () => {
    const s = new Session(startInterview({ agency: "奉化区应急管理局", year: 2021 }));
    s.command("start");
    s.tap("interview-btn-meta-ok");
    s.tap("interview-btn-no"); // no 规章 / 规范性文件 issued or repealed
    for (const answer of ["0", "0", "64", "83", "0", "0"]) s.text(answer);
    s.tap("interview-btn-no"); // no applications
    s.tap("interview-btn-confirm-zero");
    s.tap("interview-btn-no"); // no 复议 / 诉讼
    s.tap("interview-btn-confirm-zero");
    s.text(pastedSection1(seed.text));
    s.tap("interview-btn-split-ok"); // what went where is shown first
    s.text(seed.text["s5.problems"] ?? "");
    s.text(seed.text["s6.other"] ?? "");
    expect(s.hasDocument(true)).toBe(true);
    expect(s.state.report.values).toEqual(seed.values);
    expect(s.state.report.text).toEqual(seed.text);
    expect(s.state.report.meta).toEqual({ agency: "奉化区应急管理局", year: 2021 });
    expect(s.interactions).toBeLessThanOrEqual(25);
    expect(InterviewStateSchema.safeParse(JSON.parse(JSON.stringify(s.state))).success).toBe(true);
    console.info(`seed report: ${s.interactions} interactions`);
  });

  it("completes a busy report with figures in every table", () => {
    const s = new Session(startInterview({ agency: "某区司法局", year: 2023 }));
    s.command("start");
    s.tap("interview-btn-meta-ok");
    s.tap("interview-btn-yes");
    for (const answer of ["1 0 3", "2，1，10", "64", "八十三", "5", "12.5"]) s.text(answer);
    s.tap("interview-btn-yes");
    s.text("3 1 0 0 0 0"); // 一、新收
    s.text("1"); // wrong count: refused
    s.text("自然人1"); // 二、上年结转
    s.text("2 0 0 0 0 0"); // （一）予以公开
    s.text("商业企业1"); // （二）部分公开
    s.text("0"); // （三）1
    s.text("0"); // （三）2
    s.text("0"); // （三）3
    s.text("自然人1"); // （三）4
    s.tap("interview-btn-group-rest-zero");
    s.tap("interview-btn-group-zero"); // （四）
    s.tap("interview-btn-group-zero"); // （五）
    s.tap("interview-btn-group-zero"); // （六）
    expect(s.rendered()).toContain("剩余（结转下年度）：自然人 1 · 商业企业 0");
    s.tap("interview-btn-remainder");
    s.tap("interview-btn-yes");
    for (const answer of ["1 0 0 0", "0 1 0 1", "0 0 0 0"]) s.text(answer);
    s.text("根据《中华人民共和国政府信息公开条例》，编制本报告。");
    s.text("一、总体情况\n2023年，我局扎实推进政务公开。\n（一）主动公开情况。主动公开信息120条。\n（二）依申请公开情况。依法办理申请。\n（三）政府信息管理情况。加强审核。\n（四）政府信息公开平台建设情况。维护网站。\n（五）监督保障情况。接受监督。");
    s.tap("interview-btn-split-ok");
    s.text("一是公开深度不够。下一步加强培训。");
    s.tap("interview-btn-use-draft"); // 六 from the draft
    let guard = 0;
    while (!s.hasDocument(true) && guard++ < 10) s.tap("interview-btn-warning-ok", { n: "1" });
    expect(s.hasDocument(true)).toBe(true);
    const v = s.state.report.values;
    expect([v["t2.rules.issued"], v["t2.rules.repealed"], v["t2.rules.inForce"]]).toEqual([1, 0, 3]);
    expect([v["t2.normative.issued"], v["t2.normative.repealed"], v["t2.normative.inForce"]]).toEqual([2, 1, 10]);
    expect([v["t2.licensing"], v["t2.penalty"], v["t2.coercion"], v["t2.fees"]]).toEqual([64, 83, 5, 12.5]);
    expect([v["t3.new.natural"], v["t3.new.business"], v["t3.carriedOver.natural"], v["t3.granted.natural"], v["t3.partial.business"]]).toEqual([3, 1, 1, 2, 1]);
    expect([v["t3.withheld.thirdParty.natural"], v["t3.withheld.inquiry.natural"], v["t3.otherHandling.other.other"]]).toEqual([1, 0, 0]);
    expect([v["t3.carriedForward.natural"], v["t3.carriedForward.business"]]).toEqual([1, 0]);
    expect([v["t4.review.upheld"], v["t4.suitDirect.corrected"], v["t4.suitDirect.pending"], v["t4.suitAfterReview.other"]]).toEqual([1, 1, 1, 0]);
    expect(v["t3.resultTotal.natural"]).toBeUndefined(); // totals are derived, never stored
    expect(Object.keys(v)).toHaveLength(Object.keys(seed.values).length);
    expect(s.state.report.text["intro"]).toBe("根据《中华人民共和国政府信息公开条例》，编制本报告。");
    expect(s.state.report.text["s1.oversight"]).toBe("接受监督。");
    expect(s.state.report.text["s6.other"]).toBe("本年度未收取信息处理费。");
    console.info(`busy report: ${s.interactions} interactions`);
  });
});
