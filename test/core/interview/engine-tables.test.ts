import { describe, expect, it } from "vitest";
import { startInterview } from "../../../src/core/interview/engine.ts";
import { Session } from "./driver.ts";

function session(): Session {
  const s = new Session(startInterview({ agency: "某区司法局", year: 2023 }));
  s.command("start");
  s.tap("interview-btn-meta-ok");
  return s;
}

/** At 三（一）予以公开 with 一 = 3 1 0 0 0 0 and 二 = 1 0 0 0 0 0. */
function atResults(): Session {
  const s = session();
  s.command("edit", "gate:t3");
  s.tap("interview-btn-yes");
  s.text("3 1 0 0 0 0");
  s.text("1 0 0 0 0 0");
  expect(s.state.current).toBe("row:t3.granted");
  return s;
}

describe("table 2", () => {
  it("asks all three columns after yes, and only 现行有效件数 after no", () => {
    const s = session();
    s.tap("interview-btn-yes");
    expect(s.rendered()).toContain("本年制发件数 / 本年废止件数 / 现行有效件数");
    s.command("back");
    s.tap("interview-btn-no");
    expect(s.state.report.values).toEqual({ "t2.rules.issued": 0, "t2.rules.repealed": 0, "t2.normative.issued": 0, "t2.normative.repealed": 0 });
    expect(s.rendered()).toContain("现行有效件数（共 1 个数字）");
    s.text("3");
    expect(s.state.report.values["t2.rules.inForce"]).toBe(3);
  });

  it("takes fees with up to six decimals", () => {
    const s = session();
    s.command("edit", "t2.fees");
    s.text("12.3456");
    expect(s.state.report.values["t2.fees"]).toBe(12.3456);
  });

  it.each([
    ["许多", "不是数字"],
    ["-1", "负数"],
    ["1.5", "不是整数"],
    ["1 2", "需要 1 个数字"],
    ["1".repeat(5000), "内容太长"],
  ])("refuses %j with the reason, an example and the same question", (input, reason) => {
    const s = session();
    s.command("edit", "t2.licensing");
    const before = s.state;
    s.text(input);
    expect(s.state).toBe(before);
    expect(s.last.changes).toEqual([]);
    const text = s.rendered();
    expect(text).toContain(reason);
    expect(text).toContain("示例：5");
    expect(text).toContain("行政许可");
  });
});

describe("table 3", () => {
  it("zero-fills after an explicit confirmation, and cancelling keeps the gate", () => {
    const s = session();
    s.command("edit", "gate:t3");
    s.tap("interview-btn-no");
    expect(s.state.pending).toEqual({ kind: "gate-no", question: "gate:t3" });
    expect(Object.keys(s.state.report.values)).toHaveLength(0);
    s.tap("interview-btn-cancel");
    expect(s.state.pending).toBeNull();
    expect(s.state.current).toBe("gate:t3");
    s.tap("interview-btn-no");
    s.text("是");
    expect(Object.keys(s.state.report.values).filter((id) => id.startsWith("t3."))).toHaveLength(144);
    expect(Object.values(s.state.report.values).every((value) => value === 0)).toBe(true);
    expect(s.state.current).toBe("gate:t4");
    s.command("edit", "t3.granted.natural"); // behind a "no" gate: reached through the gate
    expect(s.state.current).toBe("gate:t3");
  });

  it("shows what is still to be allocated and refuses over-allocation", () => {
    const s = atResults();
    expect(s.rendered()).toContain("还需分配：自然人 4 · 商业企业 1 · 科研机构 0");
    const before = s.state;
    s.text("5 0 0 0 0 0");
    expect(s.state).toBe(before);
    expect(s.rendered()).toContain("「自然人」只剩 4 件可分配，填写的 5 超出了");
    s.text("自然人2");
    expect(s.state.report.values["t3.granted.natural"]).toBe(2);
    expect(s.rendered()).toContain("还需分配：自然人 2 · 商业企业 1");
  });

  it("fills a whole result group with one tap, and the rest of a group from its middle", () => {
    const s = atResults();
    s.text("0");
    s.text("0");
    expect(s.state.current).toBe("row:t3.withheld.stateSecret");
    s.tap("interview-btn-group-zero");
    expect(s.last.changes).toHaveLength(48);
    expect(s.state.current).toBe("row:t3.unavailable.notHeld");
    s.text("自然人1");
    s.tap("interview-btn-group-rest-zero");
    expect(s.state.report.values["t3.unavailable.notHeld.natural"]).toBe(1);
    expect(s.state.report.values["t3.unavailable.unclear.natural"]).toBe(0);
    expect(s.state.current).toBe("row:t3.notProcessed.petition");
  });

  it("offers 四、结转下年度继续办理 as the remainder and refuses a different one", () => {
    const s = atResults();
    s.text("2 0 0 0 0 0");
    s.text("0 1 0 0 0 0");
    for (let group = 0; group < 4; group += 1) s.tap("interview-btn-group-zero");
    expect(s.state.current).toBe("row:t3.carriedForward");
    expect(s.rendered()).toContain("剩余（结转下年度）：自然人 2 · 商业企业 0");
    const before = s.state;
    s.text("1 0 0 0 0 0");
    expect(s.state).toBe(before);
    expect(s.rendered()).toContain("结转数量须等于剩余数量");
    s.tap("interview-btn-remainder", { values: "2 0 0 0 0 0" });
    expect(s.state.report.values["t3.carriedForward.natural"]).toBe(2);
    expect(s.state.current).toBe("gate:t4");
  });

  it("warns when 一 is lowered below what the results already use", () => {
    const s = atResults();
    s.text("3 0 0 0 0 0");
    s.command("edit", "t3.new.natural");
    s.text("1 1 0 0 0 0");
    expect(s.rendered()).toContain("办理结果已超过收到的申请数量");
  });
});

describe("table 4", () => {
  it("takes four numbers per group and shows the total", () => {
    const s = session();
    s.command("edit", "gate:t4");
    s.tap("interview-btn-yes");
    s.text("1 2 0 1");
    expect(s.rendered()).toContain("合计 4");
    expect(s.state.report.values["t4.review.pending"]).toBe(1);
    expect(s.state.report.values["t4.review.total"]).toBeUndefined();
    s.text("结果纠正1");
    expect(s.state.report.values["t4.suitDirect.corrected"]).toBe(1);
    expect(s.state.report.values["t4.suitDirect.upheld"]).toBe(0);
  });
});
