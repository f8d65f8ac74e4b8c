// `nianbao render --html / --pdf / --agency`: the published forms from the command line.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { runCli } from "../../src/cli/run-cli.ts";
import { importHtml } from "../../src/core/import/import-html.ts";
import { importDocx } from "../../src/core/import/import-docx.ts";
import { zeroReport } from "../support/report-builders.ts";

const dir = mkdtempSync(join(tmpdir(), "nianbao-render-forms-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function cli(argv: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli([...argv, "--lang", "zh-CN"], { out: (l) => out.push(l), err: (l) => err.push(l), cwd: dir, env: {} });
  return { code, out: out.join("\n"), err: err.join("\n") };
}

const hasSoffice = spawnSync("sh", ["-c", "command -v soffice"], { stdio: "ignore" }).status === 0;
if (!hasSoffice) {
  if (process.env["NIANBAO_REQUIRE_SOFFICE"] === "1") throw new Error("LibreOffice (soffice) not installed (NIANBAO_REQUIRE_SOFFICE=1)");
  console.warn("skipped: LibreOffice (soffice) not installed");
}

describe("nianbao render, published forms", () => {
  const clean = join(dir, "clean.json");
  writeFileSync(clean, JSON.stringify(zeroReport(2024)));

  it("writes the HTML fragment that imports back", async () => {
    const result = await cli(["render", clean, "--html", "-o", "out/report.html"]);
    expect(result.code).toBe(0);
    expect(result.out).toContain("网页片段");
    const back = importHtml(readFileSync(join(dir, "out", "report.html"), "utf8"));
    expect(back.ok && back.report.meta).toEqual(zeroReport(2024).meta);
  });

  it("asks for the agency and makes only a draft without one; --agency supplies it", async () => {
    const { agency: _agency, ...meta } = zeroReport(2024).meta;
    const nameless = join(dir, "nameless.json");
    writeFileSync(nameless, JSON.stringify({ ...zeroReport(2024), meta }));
    const draft = await cli(["render", nameless, "-o", "nameless.docx"]);
    expect(draft.err).toContain("--agency");
    expect(draft.out).toContain("草稿");
    const named = await cli(["render", nameless, "-o", "named.docx", "--agency", "某市某局"]);
    expect(named.out).toContain("正式文档");
    const back = await importDocx(new Uint8Array(readFileSync(join(dir, "named.docx"))));
    expect(back.ok && back.report.meta.agency).toBe("某市某局");
  });

  it.skipIf(!hasSoffice)("writes a PDF through LibreOffice", async () => {
    const result = await cli(["render", clean, "--pdf", "-o", "report.pdf"]);
    expect(result.code).toBe(0);
    expect(readFileSync(join(dir, "report.pdf")).subarray(0, 5).toString()).toBe("%PDF-");
  }, 120_000);
});
