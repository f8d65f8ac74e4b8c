// /export html, /export pdf and /preview through the real bot over HTTP (personal mode): the
// officer's stored report comes back as a portal fragment that imports back, a PDF, and page PNGs.
import { spawnSync } from "node:child_process";
import { afterEach, describe, expect, it } from "vitest";
import { importHtml } from "../../src/core/import/import-html.ts";
import { withTotals } from "../../src/core/report/arithmetic.ts";
import { seedReport } from "../core/render/fixtures.ts";
import { lastDocument, openOfficer, type Officer } from "../app/interview-harness.ts";

const onPath = (command: string): boolean => spawnSync("sh", ["-c", `command -v ${command}`], { stdio: "ignore" }).status === 0;
const OFFICE = onPath("soffice") && onPath("pdftoppm");
const REQUIRED = process.env["NIANBAO_REQUIRE_SOFFICE"] === "1";
if (!OFFICE) {
  if (REQUIRED) throw new Error("LibreOffice (soffice) or pdftoppm not installed (NIANBAO_REQUIRE_SOFFICE=1)");
  console.warn("skipped: LibreOffice (soffice) or poppler-utils (pdftoppm) not installed");
}

let officer: Officer | undefined;
afterEach(async () => officer?.close());

async function officerWithSeed(): Promise<Officer> {
  const o = (officer = await openOfficer({ now: "2022-01-10T02:00:00.000Z" }));
  await o.say("/start");
  await o.say("奉化区应急管理局");
  await o.tap("正确");
  // The stored report: the seed, as if every question had been answered.
  const report = { ...seedReport(), meta: { agency: "奉化区应急管理局", year: 2021 } };
  await o.store.reports.updateReport({ departmentId: "p424242", year: 2021 }, (current) => ({ report, status: current.status }), { by: "424242", at: "2022-01-10T02:00:00.000Z" });
  return o;
}

describe("published forms in the bot", () => {
  it("/export html sends the portal fragment, which imports back as the stored report", async () => {
    const o = await officerWithSeed();
    const doc = lastDocument(await o.say("/export html"));
    expect(doc?.fileName).toBe("奉化区应急管理局2021年政府信息公开工作年度报告.html");
    const html = doc?.bytes.toString("utf8") ?? "";
    expect(html).not.toMatch(/<script/i);
    const back = importHtml(html);
    if (!back.ok) throw new Error(`import failed: ${back.reason}`);
    expect(withTotals(back.report.values)).toEqual(withTotals(seedReport().values));
    expect(back.report.meta).toEqual({ agency: "奉化区应急管理局", year: 2021 });
  });

  it.skipIf(!OFFICE)("/export pdf sends a PDF and /preview the pages as PNGs", async () => {
    const o = await officerWithSeed();
    const pdf = lastDocument(await o.say("/export pdf"));
    expect(pdf?.fileName).toMatch(/\.pdf$/);
    expect(pdf?.bytes.subarray(0, 5).toString()).toBe("%PDF-");
    const calls = await o.say("/preview");
    const pngs = calls.filter((call) => call.method === "sendDocument").map((call) => call.files.find((f) => f.field === "document"));
    expect(pngs.length).toBeGreaterThanOrEqual(3);
    for (const png of pngs) expect(png?.bytes.subarray(1, 4).toString()).toBe("PNG");
  }, 180_000);
});
