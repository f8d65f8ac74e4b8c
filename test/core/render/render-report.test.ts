// The document read back from real .docx bytes: outline, narrative, draft marks, page and fonts.
import { getOuterHTML } from "domutils";
import mammoth from "mammoth";
import { beforeAll, describe, expect, it } from "vitest";
import { buildDocument, renderReport } from "../../../src/core/render/render-report.ts";
import { effectiveRun, readDocx, squash, type DocxContent, type DocxParagraph } from "../../support/docx-xml.ts";
import { reportWith, seedReport } from "./fixtures.ts";
import { OFFICIAL_HEADINGS } from "../../support/official-outline.ts";

const HEADINGS = OFFICIAL_HEADINGS;
const LEADS = ["（一）主动公开情况。", "（二）依申请公开情况。", "（三）政府信息管理情况。", "（四）政府信息公开平台建设情况。", "（五）监督保障情况。"];
const DRAFT = "草稿 — 未通过校验或尚未填完，不得作为正式报告报送";

let seed: DocxContent;
let draft: DocxContent;

beforeAll(async () => {
  seed = await readDocx(await renderReport(seedReport(), { draft: false }));
  draft = await readDocx(await renderReport(seedReport(), { draft: true }));
});

function texts(content: DocxContent): string[] {
  return content.paragraphs.map((paragraph) => paragraph.text);
}

function paragraph(content: DocxContent, startsWith: string): DocxParagraph {
  const found = content.paragraphs.find((p) => p.text.startsWith(startsWith));
  if (found === undefined) throw new Error(`no paragraph starting ${startsWith}`);
  return found;
}

describe("renderReport document", () => {
  it("opens with the title and prints the six headings in order, each table under its heading", () => {
    expect(seed.paragraphs[0]?.text).toBe("2021年政府信息公开工作年度报告");
    const kinds = seed.blocks.map((block) => (block.kind === "table" ? "TABLE" : block.paragraph.text));
    const positions = HEADINGS.map((heading) => kinds.indexOf(heading));
    expect(positions.every((position) => position > 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    for (const index of [1, 2, 3]) expect(kinds[(positions[index] ?? -9) + 1]).toBe("TABLE");
  });

  it("prints s1.summary, then the five parts each opened by its 楷体 lead and 「。」", () => {
    const all = texts(seed);
    const start = all.indexOf("一、总体情况");
    expect(all[start + 1]).toBe(seedReport().text["s1.summary"]);
    LEADS.forEach((lead, index) => {
      const p = seed.paragraphs[start + 2 + index];
      expect(p?.text.startsWith(lead)).toBe(true);
      expect(p?.runs[0]).toMatchObject({ text: lead });
      expect(p?.runs.every((run) => !run.bold)).toBe(true);
      expect(effectiveRun(seed, p!, p!.runs[0]!)).toMatchObject({ font: { eastAsia: "楷体_GB2312", ascii: "KaiTi" }, size: 32 });
    });
    expect(paragraph(seed, "（一）主动公开情况。").text).toContain("其中行政许可项目64宗，行政处罚案件83宗");
  });

  it("breaks a two-line title after the agency, keeps a short one whole", async () => {
    const long = await readDocx(await renderReport(reportWith({ meta: { agency: "淮安市人民政府办公室", year: 2024 } }), { draft: false }));
    expect(long.paragraphs[0]?.text).toBe("淮安市人民政府办公室\n2024年政府信息公开工作年度报告");
    const short = await readDocx(await renderReport(reportWith({ meta: { agency: "某局", year: 2024 } }), { draft: false }));
    expect(getOuterHTML(short.paragraphs[0]!.element, { xmlMode: true })).not.toContain("<w:br/>");
  });

  it("splits multi-paragraph text at blank lines, the lead only on the first", async () => {
    const all = texts(seed);
    const five = all.indexOf("五、存在的主要问题及改进情况");
    expect(all.slice(five + 1, five + 4).map((text) => text.slice(0, 2))).toEqual(["一是", "二是", "三是"]);
    expect(all[five + 4]).toBe("六、其他需要报告的事项");
    expect(all[five + 5]).toBe("2021年度无收取信息处理费情况。");

    const doc = await readDocx(await renderReport(reportWith({ text: { "s1.platform": "第一段。\n\n第二段。" } }), { draft: false }));
    const lead = texts(doc).findIndex((text) => text.startsWith("（四）"));
    expect(texts(doc).slice(lead, lead + 3)).toEqual(["（四）政府信息公开平台建设情况。第一段。", "第二段。", expect.stringMatching(/^（五）/)]);
  });

  it("prints the optional intro before 一, honours a title override, and uses agency and year in the title", async () => {
    const report = reportWith({ meta: { agency: "奉化区应急管理局", year: 2021 }, text: { intro: "根据《条例》规定，特公布本报告。" } });
    const named = await readDocx(await renderReport(report, { draft: false }));
    expect(texts(named).slice(0, 3)).toEqual(["奉化区应急管理局\n2021年政府信息公开工作年度报告", "根据《条例》规定，特公布本报告。", "一、总体情况"]);
    const summary = await readDocx(await renderReport(report, { draft: false, title: "奉化区2021年度部门年报汇总" }));
    expect(summary.paragraphs[0]?.text).toBe("奉化区2021年度部门年报汇总");
  });

  it("shows a missing lead part as its bare lead and leaves absent sections empty", async () => {
    const base = seedReport();
    const doc = await readDocx(await renderReport({ ...base, text: {} }, { draft: true }));
    expect(texts(doc)).toEqual([
      "2021年政府信息公开工作年度报告",
      "一、总体情况",
      ...LEADS.map((lead) => lead.replace("。", "")),
      ...HEADINGS.slice(1, 4),
      ...HEADINGS.slice(4),
    ]);
  });

  it("marks a draft with a red header on every page and a red rule under the title; a final has neither", () => {
    expect(draft.headers).toContain(DRAFT);
    const header = draft.documentXml.match(/<w:headerReference [^>]*w:type="default"/);
    expect(header).not.toBeNull();
    expect(draft.documentXml).not.toMatch(/<w:titlePg/);
    const title = draft.paragraphs[0];
    if (title === undefined) throw new Error("no title");
    expect(getOuterHTML(title.element, { xmlMode: true })).toMatch(/<w:pBdr><w:bottom [^>]*w:color="FF0000"/);
    expect(draft.headers.join("")).not.toBe("");
    // Odd and even pages each carry the mark (evenAndOddHeaders for the page numbers).
    expect(draft.files.filter((name) => /^word\/header\d*\.xml$/.test(name))).toHaveLength(2);

    expect(seed.headers.join("")).not.toContain("草稿");
    expect(seed.documentXml).not.toContain("草稿");
    expect(seed.documentXml).not.toMatch(/<w:headerReference/);
    expect(seed.documentXml).not.toMatch(/w:color="FF0000"/);
  });

  it("sets the GB/T 9704 A4 page and margins", () => {
    expect(seed.page).toEqual({ width: 11906, height: 16838, margins: { top: 2098, bottom: 1984, left: 1587, right: 1474 } });
  });

  it("sets the official fonts through the East Asia slot with PC fallbacks", () => {
    const title = seed.paragraphs[0] as DocxParagraph;
    expect(title.alignment).toBe("center");
    expect(effectiveRun(seed, title, title.runs[0]!)).toMatchObject({ font: { eastAsia: "方正小标宋简体" }, size: 44 });

    const heading = paragraph(seed, "一、总体情况");
    expect(effectiveRun(seed, heading, heading.runs[0]!)).toMatchObject({ font: { eastAsia: "黑体", ascii: "SimHei", hAnsi: "SimHei" }, size: 32 });

    const body = paragraph(seed, "（一）主动公开情况。");
    expect(effectiveRun(seed, body, body.runs[1]!)).toMatchObject({ font: { eastAsia: "仿宋_GB2312", ascii: "FangSong", hAnsi: "FangSong" }, size: 32 });
    // Fixed one-grid-line pitch (579: 22 lines a page) and a two-character first-line indent.
    const bodyXml = getOuterHTML(body.element, { xmlMode: true });
    expect(bodyXml).toMatch(/<w:spacing [^>]*w:line="579" w:lineRule="exact"\/>/);
    expect(bodyXml).toMatch(/<w:ind [^>]*w:firstLineChars="200"/);

    const cell = seed.tables[1]?.rows[3]?.[1]?.paragraphs[0];
    if (cell === undefined) throw new Error("no table-3 value cell");
    expect(effectiveRun(seed, cell, cell.runs[0]!)).toMatchObject({ font: { eastAsia: "仿宋_GB2312", ascii: "FangSong" }, size: 20 });  // 10 pt, as the official template
    const number = seed.tables[1]?.rows[3]?.[1];
    expect(number?.text).toBe("0");
    expect(seed.styles.get(cell.style ?? "")?.alignment).toBe("center");
  });

  it("draws full borders on every table", () => {
    const borders = seed.documentXml.match(/<w:tblBorders>.*?<\/w:tblBorders>/g) ?? [];
    expect(borders).toHaveLength(3);
    for (const side of ["top", "left", "bottom", "right", "insideH", "insideV"]) {
      for (const xml of borders) expect(xml).toMatch(new RegExp(`<w:${side} w:val="single"`));
    }
  });

  it("strips characters invalid in XML 1.0 so the file always opens", async () => {
    const report = reportWith({
      meta: { agency: "奉化区\u0001应急管理局", year: 2021 },
      text: { "s6.other": "无收取\u0000信息\u0008处理费\u000B情况\uFFFF。\uD800<&>" },
    });
    const bytes = await renderReport(report, { draft: false });
    const doc = await readDocx(bytes);
    expect(doc.documentXml).not.toMatch(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/);
    expect(texts(doc)).toContain("无收取信息处理费情况。<&>");
    expect(texts(doc)[0]).toBe("奉化区应急管理局\n2021年政府信息公开工作年度报告");
    // mammoth parses with a strict XML parser: an independent check that the document opens.
    const { value } = await mammoth.extractRawText({ buffer: Buffer.from(bytes) });
    expect(squash(value)).toContain("无收取信息处理费情况。<&>");
  });

  it("builds a Document without packing it", () => {
    expect(buildDocument(seedReport(), { draft: false }).constructor.name).toBe("File");
  });
});
