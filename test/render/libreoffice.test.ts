// The rendered seed opened by a real office suite: LibreOffice converts it to PDF and poppler's
// pdftotext reads it back. Skips (with a message) where the tools or fonts are absent, unless
// NIANBAO_REQUIRE_SOFFICE=1 demands them.
import { execFile, spawnSync } from "node:child_process";
import { mkdtemp, rm, writeFile, readFile } from "node:fs/promises";
import { mkdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { renderReport } from "../../src/core/render/render-report.ts";
import { paragraphsOf } from "../../src/core/render/narrative.ts";
import { docxToPdf } from "../../src/app/libreoffice.ts";
import { importDocx } from "../../src/core/import/import-docx.ts";
import { withTotals } from "../../src/core/report/arithmetic.ts";
import { BUSY_AGENCY, busyReport, longestFigure } from "./busy-report.ts";
import { seedReport } from "../core/render/fixtures.ts";
import { OFFICIAL_HEADINGS } from "../support/official-outline.ts";

const run = promisify(execFile);
const REQUIRED = process.env["NIANBAO_REQUIRE_SOFFICE"] === "1";
const SOFFICE_MISSING = "skipped: LibreOffice (soffice) not installed";
const PDFTOTEXT_MISSING = "skipped: poppler-utils (pdftotext) not installed";

function onPath(command: string): boolean {
  return spawnSync("sh", ["-c", `command -v ${command}`], { stdio: "ignore" }).status === 0;
}

// The layout and embedding checks measure Noto CJK's metrics: another CJK face (WenQuanYi, say)
// sets a different number of lines, so without Noto this is a missing tool, not a failure.
const FONTS_MISSING = "skipped: fonts-noto-cjk (Noto Serif CJK SC, Noto Sans CJK SC) not installed";

function hasFont(family: string): boolean {
  const listed = spawnSync("fc-list", [`:family=${family}`, "family"], { encoding: "utf8" });
  return listed.status === 0 && listed.stdout.trim() !== "";
}

const missing = !onPath("soffice")
  ? SOFFICE_MISSING
  : !onPath("pdftotext")
    ? PDFTOTEXT_MISSING
    : !hasFont("Noto Serif CJK SC") || !hasFont("Noto Sans CJK SC")
      ? FONTS_MISSING
      : null;
if (missing !== null && !REQUIRED) console.warn(missing);
// The report's own faces win over the Noto fallback where installed (an office PC often has them),
// and these checks measure the fallback. Not a missing tool: NIANBAO_REQUIRE_SOFFICE does not fail it.
const OWN_FACES = ["方正小标宋简体", "仿宋_GB2312", "楷体_GB2312", "黑体", "宋体"];
const ownInstalled = missing === null ? OWN_FACES.filter(hasFont) : [];
const bypassed = ownInstalled.length > 0 ? `skipped: the report's own faces are installed (${ownInstalled.join(", ")}), not the Noto fallback measured here` : null;
if (bypassed !== null) console.warn(bypassed);
const skip = missing ?? bypassed;

// The notice's labels, typed here rather than read from the code under test.
const HEADINGS = OFFICIAL_HEADINGS;
const T3_LABELS = [
  "一、本年新收政府信息公开申请数量",
  "二、上年结转政府信息公开申请数量",
  "三、本年度办理结果",
  "（一）予以公开",
  "（二）部分公开（区分处理的，只计这一情形，不计其他情形）",
  "（三）不予公开",
  "1.属于国家秘密",
  "2.其他法律行政法规禁止公开",
  "3.危及“三安全一稳定”",
  "4.保护第三方合法权益",
  "5.属于三类内部事务信息",
  "6.属于四类过程性信息",
  "7.属于行政执法案卷",
  "8.属于行政查询事项",
  "（四）无法提供",
  "1.本机关不掌握相关政府信息",
  "2.没有现成信息需要另行制作",
  "3.补正后申请内容仍不明确",
  "（五）不予处理",
  "1.信访举报投诉类申请",
  "2.重复申请",
  "3.要求提供公开出版物",
  "4.无正当理由大量反复申请",
  "5.要求行政机关确认或重新出具已获取信息",
  "（六）其他处理",
  "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
  "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请",
  "3.其他",
  "（七）总计",
  "四、结转下年度继续办理",
];

const squash = (text: string): string => text.replace(/[\s\u3000]+/g, "");

interface Converted {
  readonly docx: Uint8Array;
  /** pdftotext -layout, one string per page. */
  readonly pages: string[];
  readonly fonts: string;
  readonly info: string;
  /** pdftotext -bbox words: text and x/y in points. */
  readonly words: { text: string; page: number; xMin: number; xMax: number; yMin: number; yMax: number }[];
}

/** One LibreOffice conversion per document, shared by every assertion about it. */
async function convert(dir: string, name: string, report: Parameters<typeof renderReport>[0]): Promise<Converted> {
  const docx = await renderReport(report, { draft: false });
  // The shells' own conversion (its fontconfig fallbacks included).
  const pdf = join(dir, `${name}.pdf`);
  await writeFile(pdf, await docxToPdf(docx));
  const big = { timeout: 30_000, maxBuffer: 16 * 1024 * 1024 };
  const layout = (await run("pdftotext", ["-layout", pdf, "-"], big)).stdout;
  const bbox = (await run("pdftotext", ["-bbox", pdf, "-"], big)).stdout;
  const words: Converted["words"] = [];
  let page = 0;
  for (const line of bbox.split("\n")) {
    if (line.includes("<page ")) page += 1;
    const m = /<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/.exec(line);
    if (m !== null) words.push({ page, xMin: Number(m[1]), yMin: Number(m[2]), xMax: Number(m[3]), yMax: Number(m[4]), text: m[5] ?? "" });
  }
  return {
    docx,
    pages: layout.split("\f").filter((text) => text.trim() !== ""),
    fonts: (await run("pdffonts", [pdf], big)).stdout,
    info: (await run("pdfinfo", [pdf], big)).stdout,
    words,
  };
}

describe("rendered seed in LibreOffice", () => {
  if (missing !== null && REQUIRED) {
    it("has LibreOffice, poppler-utils and the Noto CJK fonts", () => expect.fail(`${missing} (NIANBAO_REQUIRE_SOFFICE=1)`));
    return;
  }

  let dir = "";
  let text = "";
  let seed: Converted;
  let busy: Converted;

  beforeAll(async () => {
    if (skip !== null) return;
    dir = await mkdtemp(join(tmpdir(), "nianbao-soffice-"));
    [seed, busy] = await Promise.all([convert(dir, "seed", seedReport()), convert(dir, "busy", busyReport())]);
    text = seed.pages.join("\f");
    // A picture of the first pages for a human eye (kept out of the repository by .tmp/).
    const out = join(import.meta.dirname, "..", "..", ".tmp", "render");
    mkdirSync(out, { recursive: true });
    await run("pdftoppm", ["-png", "-r", "60", "-l", "4", join(dir, "busy.pdf"), join(out, "busy")], { timeout: 60_000 }).catch(() => undefined);
    await readFile(join(dir, "seed.pdf")); // the PDF exists
  }, 240_000);
  afterAll(async () => {
    if (dir !== "") await rm(dir, { recursive: true, force: true });
  });

  it.skipIf(skip !== null)("holds every section heading", () => {
    for (const heading of HEADINGS) expect(squash(text)).toContain(heading);
  });

  it.skipIf(skip !== null)("holds every table-3 row label, however it wraps", () => {
    // A label wrapped inside a narrow merged cell interleaves line by line with the cells beside
    // it in the PDF's text, so a label counts as present when its characters appear in order
    // within a short stretch of the whitespace-free text.
    const flat = squash(text);
    for (const label of T3_LABELS) {
      expect(flat.includes(label) || inOrder(flat, label), label).toBe(true);
    }
  });

  it.skipIf(skip !== null)("holds the seed's figures 64, 83 and 585", () => {
    expect(text).toMatch(/(^|\D)64(\D|$)/m);
    expect(text).toMatch(/(^|\D)83(\D|$)/m);
    expect(text).toContain("585");
  });

  it.skipIf(skip !== null)("prints 「— N —」 on every page, odd pages right and even pages left, 7 mm under the text block", () => {
    for (const doc of [seed, busy]) {
      const pages = Number(/Pages:\s+(\d+)/.exec(doc.info)?.[1]);
      expect(pages).toBeGreaterThan(2);
      expect(doc.info).toMatch(/Page size:\s+595\.\d+ x 841\.\d+ pts \(A4\)/);
      for (let page = 1; page <= pages; page++) {
        const number = doc.words.find((word) => word.page === page && word.text === String(page) && word.yMin > 760);
        expect(number, `page ${page}`).toBeDefined();
        const dashes = doc.words.filter((word) => word.page === page && word.text === "—" && Math.abs(word.yMin - (number?.yMin ?? 0)) < 2);
        expect(dashes, `page ${page} dashes`).toHaveLength(2);
        // The text block runs from 45 mm (left margin 28 mm) to 26 mm from the right: 79.4–521.6 pt.
        const [left, right] = [Math.min(...dashes.map((d) => d.xMin)), Math.max(...dashes.map((d) => d.xMax))];
        if (page % 2 === 1) expect(521.6 - right).toBeGreaterThan(10); // one 14 pt character in
        else expect(left - 79.4).toBeGreaterThan(10);
        if (page % 2 === 1) expect(521.6 - right).toBeLessThan(18);
        else expect(left - 79.4).toBeLessThan(18);
        // Text block bottom 841.9 − 35 mm = 742.7 pt; 7 mm = 19.8 pt to the top of the number's line.
        expect((number?.yMin ?? 0) - 742.7).toBeGreaterThan(14);
        expect((number?.yMin ?? 0) - 742.7).toBeLessThan(26);
      }
    }
  });

  it.skipIf(skip !== null)("sets 22 lines on a full text page and 28 characters on a full line", () => {
    // Page 2 of the busy report is all narrative: count its text lines above the page number.
    const lines = (busy.pages[1] ?? "").split("\n").filter((line) => line.trim() !== "" && !/—\s*\d+\s*—/.test(line));
    expect(lines).toHaveLength(22);
    // Lines of Chinese only (Latin figures are narrower): the longest holds 28.
    const chinese = lines.map((line) => line.trim()).filter((line) => !/[\x21-\x7e]/.test(line));
    expect(Math.max(...chinese.map((line) => [...line.replace(/\s/g, "")].length))).toBe(28);
  });

  it.skipIf(skip !== null)("never splits a figure across lines, even the busy report's 7-digit totals", () => {
    expect(longestFigure(busyReport())).toBe(7);
    const printed = new Set(busy.words.map((word) => word.text));
    const figures = Object.values(withTotals(busyReport().values)).map(String);
    const whole = figures.filter((figure) => printed.has(figure));
    expect(whole).toEqual(figures);
    const busyText = busy.pages.join("\n");
    expect(busyText).toContain(BUSY_AGENCY);
  });

  it.skipIf(skip !== null)("embeds serif CJK faces for the declared fonts", () => {
    for (const doc of [seed, busy]) {
      const rows = doc.fonts.split("\n").slice(2).filter((row) => row.trim() !== "");
      expect(rows.length).toBeGreaterThan(0);
      for (const row of rows) expect(row, row).toMatch(/\byes\s+yes\s+yes\b/); // emb sub uni
      expect(doc.fonts).toMatch(/NotoSerifCJK/);
    }
  });

  it.skipIf(skip !== null)("reads back through our importer identical to what was rendered", async () => {
    for (const [doc, report] of [[seed, seedReport()], [busy, busyReport()]] as const) {
      const back = await importDocx(doc.docx);
      if (!back.ok) throw new Error(`import failed: ${back.reason}`);
      expect(withTotals(back.report.values)).toEqual(withTotals(report.values));
      const paragraphs = (texts: Record<string, string | undefined>) =>
        Object.fromEntries(Object.entries(texts).map(([id, value]) => [id, paragraphsOf(value)]));
      expect(paragraphs(back.report.text)).toEqual(paragraphs(report.text));
    }
  });
});

/** Whether `label`'s characters appear in `flat` in order within a stretch of 20× its length. */
function inOrder(flat: string, label: string): boolean {
  const first = label[0] ?? "";
  for (let start = flat.indexOf(first); start !== -1; start = flat.indexOf(first, start + 1)) {
    let position = start;
    let ok = true;
    for (const char of label) {
      position = flat.indexOf(char, position);
      if (position === -1 || position - start > label.length * 20) {
        ok = false;
        break;
      }
      position += 1;
    }
    if (ok) return true;
  }
  return false;
}
