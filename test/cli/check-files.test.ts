// `nianbao check` on published files: a PDF, text whose cells ran together (incomplete: exit 3,
// readings listed), and a folder of reports → one row each.
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { runCli } from "../../src/cli/run-cli.ts";
import { publishedText } from "../support/published-text.ts";
import { busyReport, withPrintedTotals } from "../support/report-builders.ts";

const FIXTURES = join(import.meta.dirname, "..", "fixtures");
const dir = mkdtempSync(join(tmpdir(), "nianbao-check-files-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function cli(argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(argv, { out: (line) => out.push(line), err: (line) => err.push(line), cwd: dir, env: { LANG: "zh_CN.UTF-8" } });
  return { code, out: out.join("\n"), err: err.join("\n") };
}

/** The busy report as copied from a web page, cells run together, 规范性文件 reading several ways. */
function runTogether(): string {
  return publishedText(withPrintedTotals(busyReport()), "joined").replace("行政规范性文件12380", "行政规范性文件8855698");
}

describe("nianbao check on published files", () => {
  it("checks a published PDF with the published figures", async () => {
    const result = await cli(["check", join(FIXTURES, "import", "huaian-2024.pdf")]);
    expect(result.code).toBe(0);
    expect(result.out).toContain("447228");
    expect(result.out).toContain("校验通过");
  });

  it("leaves figures that read several ways empty, lists the readings and exits 3", async () => {
    const path = join(dir, "run-together.txt");
    writeFileSync(path, runTogether());
    const human = await cli(["check", path]);
    expect(human.code).toBe(3);
    expect(human.out).toContain("88 55 698");
    expect(human.out).toContain("不完整");
    const json = await cli(["check", path, "--json"]);
    expect(json.code).toBe(3);
    const parsed = JSON.parse(json.out) as { complete: boolean; import: { open: string[]; notes: { code: string; choices?: { options: number[][] } }[] } };
    expect(parsed.complete).toBe(false);
    expect(parsed.import.open).toContain("t2.normative.inForce");
    expect(parsed.import.notes.find((note) => note.code === "row-ambiguous" && note.choices?.options.some((option) => option.join() === "88,55,698"))).toBeDefined();
    const imported = await cli(["import", path, "-o", join(dir, "run-together.json")]);
    expect(imported.code).toBe(3);
  });

  it("gives one row per report of a folder, the worst status as exit code", async () => {
    const folder = join(dir, "reports");
    mkdirSync(folder);
    copyFileSync(join(FIXTURES, "import", "huaian-2024.pdf"), join(folder, "huaian.pdf"));
    copyFileSync(join(FIXTURES, "seed-2021.txt"), join(folder, "seed.txt"));
    writeFileSync(join(folder, "run-together.txt"), runTogether());
    writeFileSync(join(folder, "broken.json"), "{");
    writeFileSync(join(folder, "readme.md"), "not a report");
    const human = await cli(["check", folder]);
    expect(human.code).toBe(2);
    const lines = human.out.split("\n");
    expect(lines).toHaveLength(5);
    expect(lines.find((line) => line.startsWith("huaian.pdf"))).toMatch(/淮安市人民政府\s+2024\s+\d+\s+0\s+0\s+通过/u);
    expect(lines.find((line) => line.startsWith("run-together.txt"))).toContain("不完整");
    expect(lines.find((line) => line.startsWith("broken.json"))).toBeDefined();
    const json = await cli(["check", folder, "--json"]);
    const rows = JSON.parse(json.out) as { file: string; agency: string | null; status: string; cells: number }[];
    expect(rows.map((row) => [row.file, row.status])).toEqual([
      ["broken.json", "unreadable"],
      ["huaian.pdf", "clean"],
      ["run-together.txt", "incomplete"],
      ["seed.txt", "clean"],
    ]);
  });
});
