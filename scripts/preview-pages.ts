// `npm run preview-pages [-- <folder>]`: PNGs of page 1 and the table pages of the rendered seed
// and of a busy city report (7-digit totals), through LibreOffice and pdftoppm, for a human eye.
// Default folder .tmp/preview (outside git).
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { renderReport } from "../src/core/render/render-report.ts";
import type { Report } from "../src/core/report/schema.ts";
import { docxToPdf, officeTools, pdfToPngs } from "../src/app/libreoffice.ts";
import { seedReport } from "../test/core/render/fixtures.ts";
import { busyReport } from "../test/render/busy-report.ts";

/** 1-based pages whose text holds a table's header (表二, 表三, 表四), plus page 1. */
function tablePages(pdf: Uint8Array): number[] {
  const dir = mkdtempSync(join(tmpdir(), "nianbao-preview-"));
  try {
    const file = join(dir, "report.pdf");
    writeFileSync(file, pdf);
    const pages = execFileSync("pdftotext", ["-layout", file, "-"], { encoding: "utf8" }).split("\f");
    const wanted = pages.flatMap((text, index) => (/第二十条|申请人情况|行政复议|信息内容/.test(text) ? [index + 1] : []));
    return [...new Set([1, ...wanted])];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const tools = officeTools();
if (!tools.soffice || !tools.pdftoppm) {
  console.error("preview-pages: needs LibreOffice (soffice) and poppler-utils (pdftoppm)");
  process.exit(1);
}
const out = resolve(process.argv[2] ?? join(".tmp", "preview"));
mkdirSync(out, { recursive: true });
const reports: [string, Report][] = [
  ["seed", seedReport()],
  ["busy", busyReport()],
];
for (const [name, report] of reports) {
  const pdf = await docxToPdf(await renderReport(report, { draft: false }));
  writeFileSync(join(out, `${name}.pdf`), pdf);
  const pages = tablePages(pdf);
  const pngs = await pdfToPngs(pdf, { pages, dpi: 80 });
  pngs.forEach((png, index) => writeFileSync(join(out, `${name}-page-${pages[index]}.png`), png));
  console.log(`${name}: pages ${pages.join(", ")} → ${out}`);
}
