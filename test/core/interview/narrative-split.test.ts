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

  it("leaves plain text alone", () => {
    expect(splitSection1("本年度公开信息585条。\n其中（一）不在行首。")).toBeUndefined();
  });

  it("gives the opening to the led part being answered when the paste does not name it", () => {
    const parts = splitSection1("区应急管理局公开信息。\n（二）依申请公开情况。没有申请。", "s1.active")?.parts;
    expect(parts).toEqual({ "s1.active": "区应急管理局公开信息。", "s1.onRequest": "没有申请。" });
  });

  it("normalises paragraphs to one blank line and strips full-width indents", () => {
    expect(normaliseNarrative("　　第一段。\r\n\r\n\r\n  第二段。 \n")).toBe("第一段。\n\n第二段。");
  });
});
