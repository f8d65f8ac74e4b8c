// Reports rendered by nianbao, converted to PDF by LibreOffice and read back by the PDF importer:
// every cell must come back as printed. Skips (with a message) where LibreOffice is absent, unless
// NIANBAO_REQUIRE_SOFFICE=1 demands it.
import { execFile, spawnSync } from "node:child_process";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { importReport } from "../../src/core/import/import-report.ts";
import { withTotals } from "../../src/core/report/arithmetic.ts";
import { CELLS } from "../../src/core/report/cells.ts";
import type { Report } from "../../src/core/report/schema.ts";
import { renderReport } from "../../src/core/render/render-report.ts";
import { seedReport } from "../core/render/fixtures.ts";
import { publishedText } from "../support/published-text.ts";
import { busyReport, withPrintedTotals } from "../support/report-builders.ts";

const CELL_IDS = CELLS.map((cell) => cell.id);

const run = promisify(execFile);
const REQUIRED = process.env["NIANBAO_REQUIRE_SOFFICE"] === "1";
const missing = spawnSync("sh", ["-c", "command -v soffice"], { stdio: "ignore" }).status === 0 ? null : "skipped: LibreOffice (soffice) not installed";
if (missing !== null && !REQUIRED) console.warn(missing);

const REPORTS: Record<string, Report> = { seed: seedReport(), busy: busyReport() };

describe("rendered reports read back from PDF", () => {
  if (missing !== null && REQUIRED) {
    it("has LibreOffice", () => expect.fail(`${missing} (NIANBAO_REQUIRE_SOFFICE=1)`));
    return;
  }
  let dir = "";
  const pdfs = new Map<string, Uint8Array>();

  beforeAll(async () => {
    if (missing !== null) return;
    dir = await mkdtemp(join(tmpdir(), "nianbao-pdf-import-"));
    const files: string[] = [];
    for (const [name, report] of Object.entries(REPORTS)) {
      const docx = join(dir, `${name}.docx`);
      await writeFile(docx, await renderReport(report, { draft: false }));
      files.push(docx);
    }
    // A PDF without table cells: the busy report's web text, typeset line by line.
    const text = join(dir, "busy-text.txt");
    await writeFile(text, publishedText(withPrintedTotals(busyReport()), "spaced"));
    files.push(text);
    // One LibreOffice start for all files, with its own profile (parallel runs do not share one).
    const profile = pathToFileURL(join(dir, "profile")).href;
    await run("soffice", [`-env:UserInstallation=${profile}`, "--headless", "--convert-to", "pdf", "--outdir", dir, ...files], { timeout: 180_000 });
    for (const name of [...Object.keys(REPORTS), "busy-text"]) pdfs.set(name, new Uint8Array(await readFile(join(dir, `${name}.pdf`))));
  }, 240_000);

  afterAll(async () => {
    if (dir !== "") await rm(dir, { recursive: true, force: true });
  });

  for (const [name, report] of Object.entries(REPORTS)) {
    it.skipIf(missing !== null)(`${name}: every cell and the meta come back`, async () => {
      const result = await importReport({ name: `${name}.pdf`, bytes: pdfs.get(name) ?? new Uint8Array() });
      expect(result.ok).toBe(true);
      if (!result.ok) return;
      const printed = withTotals(report.values);
      const read = withTotals(result.report.values);
      for (const id of CELL_IDS) expect(read[id], id).toBe(printed[id]);
      expect(result.report.meta.year).toBe(report.meta.year);
      // The footer's 「— N —」 never runs into a paragraph continued over the page break.
      for (const [id, text] of Object.entries(result.report.text)) expect(text, id).not.toMatch(/[—–-]\s*\d{1,3}\s*[—–-]/u);
      for (const [id, text] of Object.entries(report.text)) {
        expect(result.report.text[id]?.replace(/\s+/gu, ""), id).toBe(text.replace(/\s+/gu, ""));
      }
    });
  }

  it.skipIf(missing !== null)("a PDF whose tables are lines of text: tables 三 and 四 all right", async () => {
    const result = await importReport({ name: "busy-text.pdf", bytes: pdfs.get("busy-text") ?? new Uint8Array() });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const printed = withPrintedTotals(busyReport()).values;
    const read = withTotals(result.report.values);
    for (const id of CELL_IDS.filter((cell) => cell.startsWith("t3.") || cell.startsWith("t4."))) expect(read[id], id).toBe(printed[id]);
    expect(Object.keys(result.report.values).filter((id) => result.report.values[id] !== printed[id])).toEqual([]);
  });
});
