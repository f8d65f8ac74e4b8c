import { describe, expect, it } from "vitest";
import { normaliseNarrative, splitSection1 } from "../../../src/core/interview/narrative-split.ts";
import { seedReport, seedText } from "./driver.ts";

/** 一、总体情况 exactly as the seed's .docx has it (minus the Word bookmark artefact). */
function seedSection1(): string {
  const text = seedText().replace("[bookmark: _GoBack]", "");
  return text.slice(text.indexOf("一、总体情况"), text.indexOf("二、主动公开政府信息情况")).trim();
}

describe("splitSection1", () => {
  it("splits the seed's 一、总体情况 into its summary and five parts", () => {
    const seed = seedReport().text;
    expect(splitSection1(seedSection1())?.parts).toEqual({
      "s1.summary": seed["s1.summary"],
      "s1.active": seed["s1.active"],
      "s1.onRequest": seed["s1.onRequest"],
      "s1.management": seed["s1.management"],
      "s1.platform": seed["s1.platform"],
      "s1.oversight": seed["s1.oversight"],
    });
  });

  it("puts text before the heading into intro and accepts half-width brackets and variant titles", () => {
    const parts = splitSection1("根据条例，编制本报告。\n一、总体情况\n(一)主动公开政府信息情况：公开585条。\n（二）办理申请3件。")?.parts;
    expect(parts).toEqual({ intro: "根据条例，编制本报告。", "s1.active": "公开585条。", "s1.onRequest": "办理申请3件。" });
  });

  it("leaves plain text alone: one lead inside a sentence is a mention, 1. and 一是 are not leads", () => {
    expect(splitSection1("本年度公开信息585条。\n其中（一）不在行首。")).toBeUndefined();
    expect(splitSection1("一是加强组织领导。二是完善制度。1.专栏更新。2.培训。")).toBeUndefined();
  });

  it("splits a paste that runs the parts together on one line (issue 11 item 3)", () => {
    const sent = "一、总体情况 2024年，本局认真贯彻条例。（一）主动公开方面 公开信息120条。（二）依申请公开方面 收到申请3件，均已办结。（三）政府信息管理方面 一是严格审查，二是及时更新。（四）平台建设方面 1.优化专栏。（五）监督保障方面 纳入考核。";
    const split = splitSection1(sent, "s1.summary");
    expect(split?.parts).toEqual({
      "s1.summary": "2024年，本局认真贯彻条例。",
      "s1.active": "公开信息120条。",
      "s1.onRequest": "收到申请3件，均已办结。",
      "s1.management": "一是严格审查，二是及时更新。",
      "s1.platform": "1.优化专栏。",
      "s1.oversight": "纳入考核。",
    });
    expect(split?.leftOut).toBe("");
    // Nothing duplicated: the parts hold the paste's words once.
    const total = Object.values(split?.parts ?? {}).join("").length;
    expect(total).toBeLessThan(sent.length);
  });

  it("finds 一、 inside the paste and stops at the next section's heading", () => {
    const split = splitSection1("根据条例编制本报告。一、总体情况 概述。（一）主动公开情况 甲。（二）依申请公开情况 乙。二、主动公开政府信息情况 表格……", "intro");
    expect(split?.parts).toEqual({ intro: "根据条例编制本报告。", "s1.summary": "概述。", "s1.active": "甲。", "s1.onRequest": "乙。" });
    expect(split?.leftOut).toBe("二、主动公开政府信息情况 表格……");
  });

  it("gives the opening to the led part being answered when the paste does not name it", () => {
    const parts = splitSection1("区应急管理局公开信息。\n（二）依申请公开情况。没有申请。", "s1.active")?.parts;
    expect(parts).toEqual({ "s1.active": "区应急管理局公开信息。", "s1.onRequest": "没有申请。" });
  });

  it("normalises paragraphs to one blank line and strips full-width indents", () => {
    expect(normaliseNarrative("　　第一段。\r\n\r\n\r\n  第二段。 \n")).toBe("第一段。\n\n第二段。");
  });
});
