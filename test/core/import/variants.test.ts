// Variant layouts met on government websites, each with expectations written by hand.
import { describe, expect, it } from "vitest";
import { importHtml } from "../../../src/core/import/import-html.ts";
import { importText } from "../../../src/core/import/import-text.ts";
import { fixture, zerosExcept } from "./fixtures.ts";

describe("web text, one line per row, busy (web-busy-2022.txt)", () => {
  const result = importText(fixture("import/web-busy-2022.txt"));
  if (!result.ok) throw new Error(`import failed: ${result.reason}`);
  const { report, notes } = result;

  it("takes agency and year from the title", () => {
    expect(report.meta).toEqual({ agency: "某某区人民政府办公室", year: 2022 });
  });

  it("reads every table, drifted labels and a page-break header included", () => {
    expect(report.values).toEqual(
      zerosExcept({
        "t2.normative.issued": 2,
        "t2.normative.repealed": 1,
        "t2.normative.inForce": 15,
        "t2.licensing": 156,
        "t2.penalty": 83,
        "t2.coercion": 4,
        "t2.fees": 1.25,
        "t3.new.natural": 3,
        "t3.new.research": 1,
        "t3.carriedOver.natural": 1,
        "t3.granted.natural": 2,
        "t3.granted.research": 1,
        "t3.partial.natural": 1,
        "t3.unavailable.notHeld.natural": 1,
        "t4.review.upheld": 1,
        "t4.review.pending": 1,
        "t4.suitDirect.corrected": 1,
      }),
    );
  });

  it("recovers 3010004 through its total, and says so", () => {
    expect(notes).toEqual([
      { code: "row-split-resolved", params: { row: "一、本年新收政府信息公开申请数量", text: "3010004", values: "3 0 1 0 0 0 4" } },
    ]);
  });

  it("splits the narrative by headings and leads, skipping page furniture", () => {
    expect(report.text).toEqual({
      intro: "本报告根据《中华人民共和国政府信息公开条例》要求编制。本报告中所列数据的统计期限自2022年1月1日起至2022年12月31日止。",
      "s1.summary": "2022年，区政府办公室坚持以公开为常态、不公开为例外，全面推进政务公开工作。",
      "s1.active": "全年主动公开政府信息1,208条，其中行政许可156件，行政处罚83件。\n\n制发规范性文件2件，废止1件。",
      "s1.onRequest": "全年新收政府信息公开申请4件，上年结转1件。",
      "s1.management": "健全信息发布审查机制。",
      "s1.platform": "优化政府网站信息公开专栏。",
      "s1.oversight": "将政务公开纳入年度绩效考核。",
      "s5.problems": "一是政策解读形式较为单一。\n\n二是依申请公开答复规范性有待提高。",
      "s6.other": "本年度未收取信息处理费。",
    });
  });
});

describe("seed layout with drift, blanks, a wrong total and a lost row (variant-seed-layout-2023.txt)", () => {
  const result = importText(fixture("import/variant-seed-layout-2023.txt"));
  if (!result.ok) throw new Error(`import failed: ${result.reason}`);
  const { report, notes } = result;

  it("reads 规范性文件 and the typo 行政处份; leaves blank and unreadable cells absent", () => {
    expect(report.meta).toEqual({ agency: "某县自然资源局", year: 2023 });
    expect(report.values).toEqual(
      zerosExcept({
        "t2.licensing": 64,
        "t2.penalty": 83,
        "t3.granted.natural": 2,
        "t3.granted.research": 1,
        "t3.partial.natural": undefined,
        "t3.carriedForward.natural": undefined,
        "t3.carriedForward.business": undefined,
        "t3.carriedForward.research": undefined,
        "t3.carriedForward.nonprofit": undefined,
        "t3.carriedForward.legal": undefined,
        "t3.carriedForward.other": undefined,
        "t4.review.upheld": undefined,
        // Printed totals that cannot be confirmed, or disagree, stay for the checker.
        "t3.partial.total": 0,
        "t3.resultTotal.natural": 2,
        "t3.resultTotal.research": 2,
        "t3.resultTotal.total": 4,
        "t4.review.total": 0,
      }),
    );
  });

  it("notes every cell it could not take, and every printed total it kept", () => {
    expect(notes).toEqual([
      { code: "cell-blank", cell: "t3.partial.natural" },
      // 10100011 has no split whose last part is the sum of the six before it.
      { code: "row-unreadable", params: { row: "四、结转下年度继续办理", text: "10100011" } },
      { code: "cell-blank", cell: "t4.review.upheld" },
      { code: "printed-total-unverified", cell: "t3.partial.total", params: { printed: 0 } },
      { code: "printed-total-unverified", cell: "t3.resultTotal.natural", params: { printed: 2 } },
      { code: "printed-total-kept", cell: "t3.resultTotal.research", params: { printed: 2, derived: 1 } },
      { code: "printed-total-unverified", cell: "t3.resultTotal.total", params: { printed: 4 } },
      { code: "printed-total-unverified", cell: "t4.review.total", params: { printed: 0 } },
    ]);
  });

  it("strips half-width leads with 「:」 as well as 「。」 and 「：」", () => {
    expect(report.text["s1.active"]?.startsWith("区应急管理局按照")).toBe(true);
    expect(report.text["s1.management"]?.startsWith("严格执行保密审查制度")).toBe(true);
    expect(report.text["s5.problems"]?.startsWith("一是部分业务科室")).toBe(true);
  });
});

describe("a saved web page with Word tables (web-page-2023.html)", () => {
  const result = importHtml(fixture("import/web-page-2023.html"));
  if (!result.ok) throw new Error(`import failed: ${result.reason}`);
  const { report, notes } = result;

  it("expands rowspan/colspan and reads cells with <p>, <span>, <br> and &nbsp;", () => {
    expect(report.meta).toEqual({ agency: "某市交通运输局", year: 2023 });
    expect(report.values).toEqual(
      zerosExcept({
        "t2.rules.issued": 1,
        "t2.rules.inForce": 3,
        "t2.normative.issued": 5,
        "t2.normative.repealed": 2,
        "t2.normative.inForce": 40,
        "t2.licensing": 1024,
        "t2.penalty": 7,
        "t3.new.natural": 10,
        "t3.new.business": 2,
        "t3.new.legal": 1,
        "t3.carriedOver.natural": 2,
        "t3.granted.natural": 6,
        "t3.granted.business": 1,
        "t3.granted.legal": 1,
        "t3.partial.natural": 1,
        "t3.withheld.thirdParty.natural": 1,
        "t3.withheld.inquiry.other": undefined,
        "t3.unavailable.notHeld.natural": 2,
        "t3.unavailable.notHeld.business": 1,
        "t3.notProcessed.duplicate.natural": 1,
        "t3.carriedForward.natural": 1,
        "t4.review.upheld": 1,
        "t4.suitDirect.other": 1,
        "t4.suitDirect.pending": 1,
        "t3.withheld.inquiry.total": 0,
        "t3.resultTotal.other": 0,
        "t3.resultTotal.total": 14,
      }),
    );
    expect(notes[0]).toEqual({ code: "cell-unreadable", cell: "t3.withheld.inquiry.other", params: { text: "—" } });
  });

  it("reads the narrative from <p>, ignoring scripts, navigation and the page's metadata", () => {
    expect(report.text).toEqual({
      intro: "本报告由某市交通运输局根据《中华人民共和国政府信息公开条例》编制。",
      "s1.summary": "2023年，市交通运输局深入推进政务公开。",
      "s1.active": "全年主动公开政府信息2,310条。",
      "s1.onRequest": "全年新收申请13件。\n\n上年结转2件，结转下年度1件。",
      "s1.management": "规范信息发布流程。",
      "s1.platform": "优化网站专栏。",
      "s1.oversight": "开展业务培训2次。",
      "s5.problems": "一是公开内容的深度不够。\n\n二是解读形式单一。",
      "s6.other": "本年度未收取信息处理费。",
    });
  });
});

describe("the 2019 trial format", () => {
  it("is recognised and read in its own shape rather than forced into the 2021 ids", () => {
    const result = importText(fixture("import/trial-2019.txt"));
    expect(result).toMatchObject({ ok: true, format: "2019" });
    expect(result.notes).toContainEqual({ code: "trial-format-2019", params: { marker: "本年新制作数量" } });
  });

  it("is recognised by a single （六）其他处理 row alone", () => {
    const text = ["三、收到和处理政府信息公开申请情况", "一、本年新收政府信息公开申请数量 1 0 0 0 0 0 1", "（六）其他处理 0 0 0 0 0 0 0"].join("\n");
    expect(importText(text)).toMatchObject({ ok: true, format: "2019", trial: { values: { "t3.otherHandling.total": 0 } } });
  });
});
