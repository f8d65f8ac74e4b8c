// GB/T 9704 typesetting read back from the rendered package's XML: page numbers, font table,
// language, line grid and character pitch. (What the page looks like is test/render/.)
import JSZip from "jszip";
import { beforeAll, describe, expect, it } from "vitest";
import { renderReport } from "../../../src/core/render/render-report.ts";
import { seedReport } from "./fixtures.ts";

let parts: Record<string, string> = {};

beforeAll(async () => {
  const zip = await JSZip.loadAsync(await renderReport(seedReport(), { draft: false }));
  const names = Object.keys(zip.files).filter((name) => name.endsWith(".xml"));
  parts = Object.fromEntries(await Promise.all(names.map(async (name) => [name, await zip.file(name)!.async("string")] as const)));
});

const footers = (): string[] => Object.entries(parts).filter(([name]) => /^word\/footer\d+\.xml$/.test(name)).map(([, xml]) => xml);

describe("typesetting", () => {
  it("numbers pages 「— N —」 in 4号 宋体, odd pages right and even pages left, one character in", () => {
    expect(parts["word/settings.xml"]).toMatch(/<w:evenAndOddHeaders\/>/);
    const document = parts["word/document.xml"] ?? "";
    expect(document).toMatch(/<w:footerReference w:type="default"/);
    expect(document).toMatch(/<w:footerReference w:type="even"/);
    const all = footers();
    expect(all).toHaveLength(2);
    const odd = all.find((xml) => xml.includes('<w:jc w:val="right"/>')) ?? "";
    const even = all.find((xml) => xml.includes('<w:jc w:val="left"/>')) ?? "";
    expect(odd).toMatch(/<w:ind w:right="280"\/>/);
    expect(even).toMatch(/<w:ind w:left="280"\/>/);
    for (const xml of [odd, even]) {
      expect(xml).toMatch(/<w:t xml:space="preserve">— <\/w:t>.*PAGE.*<w:t xml:space="preserve"> —<\/w:t>/s);
      expect(xml).toMatch(/<w:rFonts w:ascii="SimSun" w:eastAsia="宋体" w:hAnsi="SimSun"\/>/);
      expect(xml).toMatch(/<w:sz w:val="28"\/>/);
    }
    // 7 mm (397 twips) from the text block to the top of the number's 14 pt line.
    expect(document).toMatch(/<w:pgMar [^>]*w:bottom="1984"[^>]*w:footer="1307"/);
  });

  it("declares every face with a stock fallback, PANOSE and the GB2312 charset", () => {
    const table = parts["word/fontTable.xml"] ?? "";
    const fallbacks = { "方正小标宋简体": "宋体", "仿宋_GB2312": "仿宋", "楷体_GB2312": "楷体", "黑体": "SimHei", "宋体": "SimSun" };
    for (const [name, alt] of Object.entries(fallbacks)) {
      expect(table).toMatch(new RegExp(`<w:font w:name="${name}"><w:altName w:val="${alt}"/><w:panose1 w:val="[0-9A-F]{20}"/><w:charset w:val="86"/>`));
    }
    // Every face a run names is declared.
    const rFonts = [...Object.values(parts).join("").matchAll(/<w:rFonts [^>]*>/g)].map((m) => m[0]).join("");
    const used = new Set([...rFonts.matchAll(/w:(?:ascii|eastAsia|hAnsi)="([^"]+)"/g)].map((m) => m[1]));
    for (const name of used) expect(table, name).toContain(`w:name="${name}"`);
  });

  it("sets the language to zh-CN and a 22-line grid of 28 characters", () => {
    expect(parts["word/styles.xml"]).toMatch(/<w:docDefaults>.*<w:lang w:val="zh-CN" w:eastAsia="zh-CN"\/>/s);
    expect(parts["word/styles.xml"]).toMatch(/<w:docDefaults>.*<w:spacing w:val="-5"\/>/s);
    expect(parts["word/document.xml"]).toMatch(/<w:docGrid w:type="lines" w:linePitch="579"\/>/);
    // LibreOffice reads an explicit w:overflowPunct as "no hanging punctuation": a 29th 「，」 is
    // carried down instead of hanging unprinted in the margin (see PARAGRAPH_DEFAULTS).
    expect(parts["word/styles.xml"]).toMatch(/<w:pPrDefault><w:pPr><w:overflowPunct\/>/);
    // 22 × 579 fits the 12756-twip text block, 23 does not; 28 characters of 320 − 5 fit 8845.
    expect(22 * 579).toBeLessThanOrEqual(16838 - 2098 - 1984);
    expect(28 * (320 - 5)).toBeLessThanOrEqual(11906 - 1587 - 1474);
    expect(29 * (320 - 5)).toBeGreaterThan(11906 - 1587 - 1474);
  });
});
