import { describe, expect, it } from "vitest";
import { startInterview } from "../../../src/core/interview/engine.ts";
import { INPUT_CELL_IDS } from "../../../src/core/report/cells.ts";
import { NARRATIVE_PARTS } from "../../../src/core/report/narrative.ts";
import type { Report } from "../../../src/core/report/schema.ts";
import { Session, seedReport } from "./driver.ts";

/** The seed, prefilled, meta confirmed and the optional intro declined: at the finishing step. */
function finishing(prefill: Report, lastYear?: Report): Session {
  const s = new Session(startInterview({ agency: "奉化区应急管理局", year: 2021 }, { prefill }), lastYear);
  s.command("start");
  s.tap("interview-btn-meta-ok");
  expect(s.state.current).toBe("text:intro");
  s.command("skip");
  return s;
}

describe("finalising", () => {
  it("delivers the final document once clean", () => {
    const s = finishing(seedReport());
    expect(s.state.current).toBe("finish");
    expect(s.hasDocument(true)).toBe(true);
    s.command("report"); // re-asked: offers the export instead of sending again
    expect(s.hasDocument(true)).toBe(false);
    s.tap("interview-btn-export");
    expect(s.hasDocument(true)).toBe(true);
  });

  it("exports an incomplete report as a marked draft and says what is missing", () => {
    const s = new Session(startInterview({ agency: "奉化区应急管理局", year: 2021 }));
    s.command("export");
    expect(s.hasDocument(false)).toBe(true);
    const required = INPUT_CELL_IDS.length + NARRATIVE_PARTS.filter((part) => !part.optional).length;
    expect(s.rendered()).toContain(`还有 ${required} 项没有填写`);
    expect(s.rendered()).toContain("规章·本年制发件数");
    s.tap("interview-btn-go", { label: "第二十条第（一）项 规章" });
    expect(s.state.current).toBe("row:t2.rules");
  });

  it("refuses while a hard rule fails, naming it, with a button to the fix", () => {
    const broken = seedReport();
    broken.values["t3.carriedForward.natural"] = 2; // 一+二 = 0 but 四 = 2
    const s = finishing(broken);
    expect(s.hasDocument(true)).toBe(false);
    const findings = s.last.replies.flatMap((reply) => (reply.kind === "message" ? reply.lines.filter((line) => "finding" in line) : []));
    expect(findings.length).toBeGreaterThan(0);
    expect(s.rendered()).toContain("必须修改");
    s.tap("interview-btn-go");
    expect(s.state.current).toMatch(/^row:t3\./u);
  });

  it("asks to confirm each soft warning; fix jumps to the question, confirm finishes", () => {
    const lastYear = seedReport();
    lastYear.values["t3.carriedForward.natural"] = 1; // this year's 二 should then be 1
    lastYear.text = {}; // no 雷同 warnings: only the carried-over one
    const s = finishing(seedReport(), lastYear);
    expect(s.hasDocument(true)).toBe(false);
    expect(s.rendered()).toContain("需要您确认");
    expect(s.rendered()).toContain("提示 1");
    s.tap("interview-btn-warning-fix", { n: "1" });
    expect(s.state.current).toBe("row:t3.carriedOver");
    s.command("export");
    expect(s.rendered()).toContain("需要您确认");
    s.tap("interview-btn-warning-ok", { n: "1" });
    expect(s.state.acknowledged).toHaveLength(1);
    expect(s.hasDocument(true)).toBe(true);
  });
});

describe("a draft's placeholder (issue 11 item 4)", () => {
  it("blocks finalising and names the part, with a button to it", () => {
    const report = seedReport();
    report.text["s1.active"] = "本年度主动公开政府信息……（请补充公开条数及主要栏目）。";
    const s = finishing(report);
    expect(s.hasDocument(true)).toBe(false);
    expect(s.rendered()).toContain("必须修改");
    expect(s.rendered()).toContain("一、总体情况（一）主动公开情况");
    expect(s.rendered()).toContain("（请补充公开条数及主要栏目）");
    s.tap("interview-btn-go");
    expect(s.state.current).toBe("text:s1.active");
  });
});
