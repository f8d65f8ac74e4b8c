// The rendered seed opened by a real office suite: LibreOffice converts it to PDF and poppler's
// pdftotext reads it back. Skips (with a message) where the tools are absent, unless
// NIANBAO_REQUIRE_SOFFICE=1 demands them.
import { execFile, spawnSync } from "node:child_process";
import { mkdtemp, rm, writeFile, readFile } from "node:fs/promises";
import { mkdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { renderReport } from "../../src/core/render/render-report.ts";
import { seedReport } from "../core/render/fixtures.ts";
import { OFFICIAL_HEADINGS } from "../support/official-outline.ts";

const run = promisify(execFile);
const REQUIRED = process.env["NIANBAO_REQUIRE_SOFFICE"] === "1";
const SOFFICE_MISSING = "skipped: LibreOffice (soffice) not installed";
const PDFTOTEXT_MISSING = "skipped: poppler-utils (pdftotext) not installed";

function onPath(command: string): boolean {
  return spawnSync("sh", ["-c", `command -v ${command}`], { stdio: "ignore" }).status === 0;
}

const missing = !onPath("soffice") ? SOFFICE_MISSING : !onPath("pdftotext") ? PDFTOTEXT_MISSING : null;
if (missing !== null && !REQUIRED) console.warn(missing);

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

describe("rendered seed in LibreOffice", () => {
  if (missing !== null && REQUIRED) {
    it("has LibreOffice and poppler-utils", () => expect.fail(`${missing} (NIANBAO_REQUIRE_SOFFICE=1)`));
    return;
  }

  let dir = "";
  let text = "";

  beforeAll(async () => {
    if (missing !== null) return;
    dir = await mkdtemp(join(tmpdir(), "nianbao-soffice-"));
    const docx = join(dir, "seed.docx");
    await writeFile(docx, await renderReport(seedReport(), { draft: false }));
    const profile = pathToFileURL(join(dir, "profile")).href;
    await run("soffice", [`-env:UserInstallation=${profile}`, "--headless", "--convert-to", "pdf", "--outdir", dir, docx], {
      timeout: 120_000,
    });
    const pdf = join(dir, "seed.pdf");
    text = (await run("pdftotext", [pdf, "-"], { timeout: 30_000, maxBuffer: 16 * 1024 * 1024 })).stdout;
    // A picture of the first pages for a human eye (kept out of the repository by .tmp/).
    const out = join(import.meta.dirname, "..", "..", ".tmp", "render");
    mkdirSync(out, { recursive: true });
    await run("pdftoppm", ["-png", "-r", "60", pdf, join(out, "seed")], { timeout: 60_000 }).catch(() => undefined);
    await readFile(pdf); // the PDF exists
  }, 180_000);

  afterAll(async () => {
    if (dir !== "") await rm(dir, { recursive: true, force: true });
  });

  it.skipIf(missing !== null)("holds every section heading", () => {
    for (const heading of HEADINGS) expect(squash(text)).toContain(heading);
  });

  it.skipIf(missing !== null)("holds every table-3 row label, however it wraps", () => {
    // A label wrapped inside a narrow merged cell interleaves line by line with the cells beside
    // it in the PDF's text, so a label counts as present when its characters appear in order
    // within a short stretch of the whitespace-free text.
    const flat = squash(text);
    for (const label of T3_LABELS) {
      expect(flat.includes(label) || inOrder(flat, label), label).toBe(true);
    }
  });

  it.skipIf(missing !== null)("holds the seed's figures 64, 83 and 585", () => {
    expect(text).toMatch(/(^|\D)64(\D|$)/m);
    expect(text).toMatch(/(^|\D)83(\D|$)/m);
    expect(text).toContain("585");
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
