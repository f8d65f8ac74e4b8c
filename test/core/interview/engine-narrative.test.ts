import { describe, expect, it } from "vitest";
import { startInterview } from "../../../src/core/interview/engine.ts";
import { InterviewStateSchema } from "../../../src/core/interview/state.ts";
import { emptyReport } from "../../../src/core/report/schema.ts";
import { Session, seedReport } from "./driver.ts";

/** At 五 of a report whose tables are the seed's. */
function atSection5(): Session {
  const prefill = { ...emptyReport(), values: seedReport().values };
  const s = new Session(startInterview({ agency: "奉化区应急管理局", year: 2021 }, { prefill }));
  s.command("edit", "s5.problems");
  expect(s.state.current).toBe("text:s5.problems");
  return s;
}

describe("narrative answers", () => {
  it("move on at once, with buttons to add to the text or rewrite it", () => {
    const s = atSection5();
    s.text("一是认识不到位。");
    expect(s.state.current).toBe("text:s6.other");
    expect(s.rendered()).toContain("「五、存在的主要问题及改进情况」已保存（8 字）");
    s.tap("interview-btn-append");
    expect(s.state.pending).toEqual({ kind: "append", question: "text:s5.problems", returnTo: "text:s6.other" });
    s.text("二是制度不完善。");
    expect(s.state.report.text["s5.problems"]).toBe("一是认识不到位。\n\n二是制度不完善。");
    expect(s.state.current).toBe("text:s6.other");
    s.tap("interview-btn-replace");
    expect(s.state.current).toBe("text:s5.problems");
    s.text("重写的内容。");
    expect(s.state.report.text["s5.problems"]).toBe("重写的内容。");
    expect(s.last.changes).toEqual([{ cell: "s5.problems", old: "一是认识不到位。\n\n二是制度不完善。", new: "重写的内容。" }]);
  });

  it("refuses empty and overlong text", () => {
    const s = atSection5();
    const before = s.state;
    s.text(" \n\u3000 ");
    expect(s.rendered()).toContain("内容为空");
    s.text("字".repeat(20_001));
    expect(s.rendered()).toContain("超过上限 20000 字");
    s.text("字".repeat(100_001));
    expect(s.rendered()).toContain("消息太长");
    expect(s.state).toBe(before);
  });

  it("splits a pasted 一、总体情况, shows what went where, saves on one tap and skips the parts it filled", () => {
    const s = atSection5();
    s.command("edit", "s1.summary");
    s.text("一、总体情况\n概述。\n（一）主动公开情况。甲。\n（三）政府信息管理情况。丙。");
    expect(s.state.report.text["s1.active"]).toBeUndefined();
    expect(s.rendered()).toContain("拆分为 3 部分");
    expect(s.rendered()).toContain("（一）主动公开情况（2 字）：甲。");
    // The shown split survives a restart: the pending state is plain, valid JSON.
    expect(InterviewStateSchema.parse(JSON.parse(JSON.stringify(s.state))).pending).toMatchObject({ kind: "split" });
    s.tap("interview-btn-split-ok");
    expect(s.state.report.text).toMatchObject({ "s1.summary": "概述。", "s1.active": "甲。", "s1.management": "丙。" });
    expect(s.rendered()).toContain("已拆分为 3 部分");
    expect(s.state.current).toBe("text:s1.onRequest");
  });

  it("splits a one-line paste from a portal page without asking for its parts again (issue 11 item 3)", () => {
    const s = atSection5();
    s.command("edit", "s1.summary");
    const body = "本局认真贯彻条例。";
    s.text(`一、总体情况 2024年，${body}（一）主动公开方面 公开信息120条。（二）依申请公开方面 收到申请3件。（三）政府信息管理方面 严格审查。（四）平台建设方面 优化专栏。（五）监督保障方面 纳入考核。`);
    s.tap("interview-btn-split-ok");
    expect(s.rendered()).toContain("已拆分为 6 部分");
    expect(s.state.report.text["s1.active"]).toBe("公开信息120条。");
    expect(s.state.report.text["s1.oversight"]).toBe("纳入考核。");
    expect(s.state.current).toBe("text:s5.problems");
  });

  it("saves the paste whole to the part asked when the officer declines the split", () => {
    const s = atSection5();
    s.command("edit", "s1.management");
    const own = "做好以下工作：（一）严格保密审查；（二）规范发布流程。";
    s.text(own);
    expect(s.state.report.text["s1.management"]).toBeUndefined();
    s.tap("interview-btn-split-whole", { label: "（三）政府信息管理情况" });
    expect(s.state.report.text["s1.management"]).toBe(own);
    expect(s.state.report.text["s1.active"]).toBeUndefined();
    expect(s.state.pending).toBeNull();
    expect(s.state.current).toBe("text:s1.platform");
  });

  it("keeps nothing when the split is cancelled", () => {
    const s = atSection5();
    s.command("edit", "s1.summary");
    s.text("一、总体情况 概述。（一）主动公开情况 甲。（二）依申请公开情况 乙。");
    s.tap("interview-btn-cancel");
    expect(s.state.report.text["s1.active"]).toBeUndefined();
    expect(s.state.pending).toBeNull();
    expect(s.state.current).toBe("text:s1.summary");
  });

  it("offers drafts from the figures, clearly marked, used with one tap", () => {
    const s = atSection5();
    s.command("edit", "s1.active");
    expect(s.rendered()).toContain("根据表格数字生成的草稿");
    expect(s.rendered()).toContain("行政许可64件，行政处罚83件");
    s.tap("interview-btn-use-draft");
    expect(s.state.report.text["s1.active"]).toContain("行政处罚83件");
    expect(s.state.current).toBe("text:s1.onRequest");
    expect(s.rendered()).toContain("本年度收到政府信息公开申请0件");
  });

  it("lets the officer decline the optional opening paragraph", () => {
    const s = atSection5();
    s.command("edit", "intro");
    expect(s.rendered()).toContain("（可选）");
    s.command("skip");
    expect(s.state.report.text["intro"]).toBeUndefined();
    expect(s.state.current).toBe("text:s1.summary");
  });

  it("names the saved opening paragraph 开头段落, not the report's title (issue 11 item 5)", () => {
    const s = atSection5();
    s.command("edit", "intro");
    s.text("根据《中华人民共和国政府信息公开条例》，编制本报告。");
    expect(s.rendered()).toContain("「开头段落」已保存");
    expect(s.rendered()).not.toContain("「政府信息公开工作年度报告」");
  });

  it("reads 跳过 and 上一题 typed as words as the buttons, never as the text (issue 11 item 5)", () => {
    const s = atSection5();
    s.text("跳过");
    expect(s.state.report.text["s5.problems"]).toBeUndefined();
    expect(s.state.current).toBe("text:s6.other");
    s.text("⬅ 上一题");
    expect(s.state.current).toBe("text:s5.problems");
    s.text("Skip");
    expect(s.state.current).toBe("text:s6.other");
  });
});
