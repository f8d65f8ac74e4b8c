import { describe, expect, it } from "vitest";
import { startInterview, step } from "../../../src/core/interview/engine.ts";
import { progress } from "../../../src/core/interview/navigation.ts";
import { InterviewStateSchema } from "../../../src/core/interview/state.ts";
import { NOW, Session, buttonsOf, render, seedReport } from "./driver.ts";

const fresh = (): Session => new Session(startInterview({ agency: "奉化区应急管理局", year: 2021 }));

/** A session past the meta question and the table-2 gate, at 规章. */
function atRules(): Session {
  const s = fresh();
  s.command("start");
  s.tap("interview-btn-meta-ok");
  s.tap("interview-btn-yes");
  expect(s.state.current).toBe("row:t2.rules");
  return s;
}

describe("meta", () => {
  it("asks for a missing agency, takes a year change, refuses a bad year", () => {
    const s = new Session(startInterview({ agency: " ", year: 2021 }));
    s.command("start");
    expect(s.rendered()).toContain("请发送填报单位的全称");
    s.text("奉化区应急管理局");
    expect(s.state.report.meta.agency).toBe("奉化区应急管理局");
    expect(s.last.changes).toEqual([{ cell: "meta.agency", old: undefined, new: "奉化区应急管理局" }]);
    s.tap("interview-btn-meta-year");
    const before = s.state;
    s.text("1999");
    expect(s.state).toBe(before);
    expect(s.rendered()).toContain("2000 至 2100");
    s.text("２０２２");
    expect(s.state.report.meta.year).toBe(2022);
    s.tap("interview-btn-meta-ok");
    expect(s.state.metaConfirmed).toBe(true);
    expect(s.state.current).toBe("gate:t2");
  });
});

describe("text typed at 信息是否正确？ (issue 11 item 5)", () => {
  it("does not rename the agency without a confirmation", () => {
    const s = fresh();
    s.command("start");
    s.text("1 0 0");
    expect(s.state.report.meta.agency).toBe("奉化区应急管理局");
    expect(s.rendered()).toContain("「奉化区应急管理局」改为「1 0 0」");
    s.tap("interview-btn-cancel");
    expect(s.state.report.meta.agency).toBe("奉化区应急管理局");
    s.text("奉化区应急管理局本级");
    s.tap("interview-btn-meta-rename");
    expect(s.state.report.meta.agency).toBe("奉化区应急管理局本级");
    expect(s.rendered()).toContain("信息是否正确");
  });
});

describe("navigation", () => {
  it("refuses back at the first question without changing anything", () => {
    const s = fresh();
    s.command("start");
    const before = s.state;
    s.command("back");
    expect(s.state).toBe(before);
    expect(s.rendered()).toContain("已经是第一题了");
  });

  it("goes back to the previous question and keeps the answer", () => {
    const s = atRules();
    s.text("1 0 3");
    expect(s.state.current).toBe("row:t2.normative");
    s.command("back");
    expect(s.state.current).toBe("row:t2.rules");
    expect(s.state.report.values["t2.rules.issued"]).toBe(1);
    expect(s.rendered()).toContain("当前已填：1 0 3");
    expect(buttonsOf(s.last).map((b) => b.label.key)).toContain("interview-btn-keep");
    s.tap("interview-btn-keep");
    expect(s.state.current).toBe("row:t2.normative");
  });

  it("skips a question, lists it as missing at the end, and un-skips it once answered", () => {
    const s = atRules();
    s.command("skip");
    expect(s.state.skipped).toEqual(["row:t2.rules"]);
    expect(s.state.current).toBe("row:t2.normative");
    s.command("export");
    expect(s.hasDocument(false)).toBe(true);
    expect(s.rendered()).toContain("规章·本年制发件数");
    s.command("edit", "t2.rules.inForce");
    expect(s.state.current).toBe("row:t2.rules");
    s.text("0 0 1");
    expect(s.state.skipped).toEqual([]);
  });

  it("jumps through /edit: section chooser, section list, question; numerals and ids", () => {
    const s = atRules();
    s.command("edit");
    expect(buttonsOf(s.last)).toHaveLength(7);
    s.tap("interview-btn-section", { label: "四、政府信息公开行政复议、行政诉讼情况" });
    s.tap("interview-btn-edit", { label: "行政诉讼·复议后起诉" });
    expect(s.state.current).toBe("row:t4.suitAfterReview");
    s.command("edit", "三");
    expect(s.rendered()).toContain("三、收到和处理政府信息公开申请情况");
    // Each row is named by its words, not a bare 「（三）4」 (issue 11 item 5).
    const labels = buttonsOf(s.last).map((button) => String(button.label.params?.["label"] ?? ""));
    expect(labels.filter((label) => /^（[一二三四五六七]）\d*$/u.test(label))).toEqual([]);
    expect(labels).toContain("（一）予以公开");
    s.tap("interview-btn-edit", { label: "（三）4.保护第三方合法权益" });
    expect(s.state.current).toBe("row:t3.withheld.thirdParty");
    s.command("edit", "s6.other");
    expect(s.state.current).toBe("text:s6.other");
    s.command("edit", "t3.resultTotal.natural"); // a derived cell: fixed at 四
    expect(s.state.current).toBe("row:t3.carriedForward");
    const before = s.state;
    s.command("edit", "nonsense");
    expect(s.state).toBe(before);
    expect(s.rendered()).toContain("找不到「nonsense」");
    s.command("back");
    expect(s.state.current).toBe("text:s6.other");
  });

  it("reviews the report in pages under 4096 characters with edit buttons that jump", () => {
    const s = new Session(startInterview({ agency: "奉化区应急管理局", year: 2021 }, { prefill: seedReport() }));
    s.command("review");
    expect(s.last.replies).toHaveLength(4);
    for (const reply of s.last.replies) {
      expect(render(reply).length).toBeLessThan(4096);
      expect(render(reply, "en").length).toBeLessThan(4096);
    }
    const [, t2, t3, t4] = s.last.replies.map((reply) => (reply.kind === "message" ? (reply.mono ?? "") : ""));
    expect(t2).toContain("行政许可   64");
    expect(t3).toContain("（七）");
    expect(t4).toContain("行政复议");
    const t3Buttons = (s.last.replies[2]?.kind === "message" ? (s.last.replies[2].buttons ?? []).flat() : []).map((button) => String(button.label.params?.["label"] ?? ""));
    expect(t3Buttons).toContain("（四）2.没有现成信息需要另行制作");
    expect(t3Buttons.filter((label) => /^（[一二三四五六七]）\d*$/u.test(label))).toEqual([]);
    s.tap("interview-btn-edit", { label: "第二十条第（六）项 行政处罚" });
    expect(s.state.current).toBe("row:t2.penalty");
    s.text("84");
    expect(s.last.changes).toEqual([{ cell: "t2.penalty", old: 83, new: 84 }]);
  });

  it("resumes exactly where the officer left off after the state went through JSON", () => {
    const s = atRules();
    s.text("1 0 3");
    const stored = JSON.parse(JSON.stringify(s.state)) as unknown;
    const parsed = InterviewStateSchema.parse(stored);
    const resumed = new Session(parsed);
    resumed.command("report");
    expect(resumed.rendered()).toContain("从上次停下的地方继续");
    expect(resumed.rendered()).toContain("行政规范性文件");
    resumed.text("0 0 2");
    expect(resumed.state.report.values["t2.normative.inForce"]).toBe(2);
    expect(resumed.state.report.values["t2.rules.inForce"]).toBe(3);
  });

  it("answers stale and forged buttons by re-asking, changing nothing", () => {
    const s = atRules();
    const old = buttonsOf(s.last).find((b) => b.label.key === "interview-btn-skip")?.data ?? "";
    s.text("1 0 3");
    for (const data of [old, "v999:skip", "v1:zz", "garbage", `v${s.state.version}:g:y`, `v${s.state.version}:j:9999`, `v${s.state.version}:w:0:ok`]) {
      const before = s.state;
      const result = step(before, { type: "button", data }, { now: NOW });
      expect(result.state).toBe(before);
      expect(result.changes).toEqual([]);
      const text = result.replies.map((reply) => render(reply)).join("\n");
      expect(text).toMatch(/按钮已过期|按钮无法识别/u);
      expect(text).toContain("行政规范性文件");
    }
  });

  it("answers unsupported messages, /help and /cancel without changing the report", () => {
    const s = atRules();
    const before = s.state;
    s.send({ type: "unsupported", kind: "sticker" });
    expect(s.rendered()).toContain("只能读取文字");
    s.send({ type: "unsupported", kind: "document" });
    expect(s.rendered()).toContain("粘贴文字");
    s.command("help");
    expect(s.rendered()).toContain("/back");
    s.command("cancel");
    expect(s.rendered()).toContain("没有需要取消");
    expect(s.state).toBe(before);
  });
});

describe("the first /report (issue 11 item 5)", () => {
  it("welcomes instead of continuing when nothing was started", () => {
    const s = fresh();
    s.command("report");
    expect(s.rendered()).toContain("开始填写");
    expect(s.rendered()).not.toContain("从上次停下的地方继续");
    s.tap("interview-btn-meta-ok");
    s.command("report");
    expect(s.rendered()).toContain("从上次停下的地方继续");
  });
});

describe("progress (issue 11 item 5)", () => {
  it("counts against a total that never changes while gates remove rows", () => {
    const s = fresh();
    s.command("start");
    const seen: { done: number; total: number }[] = [];
    const record = (): void => {
      const { done, total } = progress(s.state);
      seen.push({ done, total });
    };
    record();
    s.tap("interview-btn-meta-ok");
    record();
    s.tap("interview-btn-no"); // table 2 rules: none
    record();
    for (const answer of ["0", "0", "64", "83", "0", "0"]) s.text(answer);
    record();
    s.tap("interview-btn-no");
    s.tap("interview-btn-confirm-zero");
    record();
    const totals = new Set(seen.map((item) => item.total));
    expect(totals.size).toBe(1);
    const dones = seen.map((item) => item.done);
    expect(dones).toEqual([...dones].sort((a, b) => a - b));
  });
});

describe("a year the office fixed (issue 11 item 2)", () => {
  it("offers no year change and refuses a typed year", () => {
    const state = startInterview({ agency: "奉化区应急管理局", year: 2024 });
    const context = { now: NOW, yearFixed: true };
    const opened = step(state, { type: "command", name: "start" }, context);
    expect(buttonsOf(opened).map((button) => button.label.key)).not.toContain("interview-btn-meta-year");
    expect(opened.replies.map((reply) => render(reply)).join("\n")).toContain("由政务公开办统一确定");
    const typed = step(opened.state, { type: "text", text: "2021" }, context);
    expect(typed.state.report.meta.year).toBe(2024);
    expect(typed.replies.map((reply) => render(reply)).join("\n")).toContain("/export 2023");
  });
});
