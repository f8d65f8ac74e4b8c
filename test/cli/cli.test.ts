// The CLI in-process (argv → exit code, captured lines) against real files in a temp dir.
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { rmSync } from "node:fs";
import { runCli } from "../../src/cli/run-cli.ts";
import { importDocx } from "../../src/core/import/import-docx.ts";
import { busyReport, withValues } from "../support/report-builders.ts";
import { renderReport } from "../../src/core/render/render-report.ts";
import { Document, Packer, Paragraph } from "docx";

const FIXTURES = join(import.meta.dirname, "..", "fixtures");
const dir = mkdtempSync(join(tmpdir(), "nianbao-cli-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function cli(argv: string[], env: Record<string, string> = {}) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(argv, { out: (line) => out.push(line), err: (line) => err.push(line), cwd: dir, env: { LANG: "zh_CN.UTF-8", ...env } });
  return { code, out: out.join("\n"), err: err.join("\n") };
}

function write(name: string, content: string | Uint8Array): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

/** A real .docx that is a letter, not a report. */
async function letterDocx(): Promise<string> {
  const doc = new Document({ sections: [{ children: [new Paragraph("关于召开2022年度安全生产工作会议的通知"), new Paragraph("各科室：兹定于下周一召开会议。")] }] });
  return write("letter.docx", new Uint8Array(await Packer.toBuffer(doc)));
}

const seedJson = JSON.parse(readFileSync(join(FIXTURES, "seed-2021.report.json"), "utf8")) as unknown;

describe("nianbao import", () => {
  it("imports the seed text to exactly the hand-typed report.json", async () => {
    const output = join(dir, "seed.json");
    const result = await cli(["import", join(FIXTURES, "seed-2021.txt"), "-o", output]);
    expect(result.code).toBe(0);
    expect(JSON.parse(readFileSync(output, "utf8"))).toEqual(seedJson);
    expect(result.err).toContain(output);
  });

  it("prints report.json to stdout without -o and takes --agency", async () => {
    const result = await cli(["import", join(FIXTURES, "seed-2021.txt"), "--agency", "奉化区应急管理局"]);
    expect(result.code).toBe(0);
    expect((JSON.parse(result.out) as { meta: unknown }).meta).toEqual({ year: 2021, agency: "奉化区应急管理局" });
  });

  it.each([
    ["a missing file", () => join(dir, "nope.txt"), /找不到文件/u],
    ["binary garbage", () => write("garbage.bin", Uint8Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256)), /无法导入/u],
    ["a .docx that is not a report", letterDocx, /无法导入/u],
    ["an empty file", () => write("empty.txt", ""), /无法导入/u],
  ])("refuses %s with one clear line and exit 2", async (_name, file, message) => {
    const result = await cli(["import", await file()]);
    expect(result.code).toBe(2);
    expect(result.err.split("\n")[0]).toMatch(message);
    expect(result.err).not.toMatch(/\n\s+at /u);
  });
});

describe("nianbao check", () => {
  it("passes the seed (exit 0) and says so", async () => {
    const path = write("seed-check.json", JSON.stringify(seedJson));
    const result = await cli(["check", path]);
    expect(result.code).toBe(0);
    expect(result.out).toContain("校验通过");
  });

  it("reports a broken sum with the officer's terms and exits 1; --json is machine-readable", async () => {
    const broken = withValues(busyReport(), { "t3.resultTotal.natural": 999 });
    const path = write("broken.json", JSON.stringify(broken));
    const human = await cli(["check", path]);
    expect(human.code).toBe(1);
    expect(human.out).toContain("（七）总计·自然人");
    const json = await cli(["check", path, "--json"]);
    expect(json.code).toBe(1);
    const parsed = JSON.parse(json.out) as { ok: boolean; errors: { rule: string; cells: string[]; expected: number; actual: number; message: string }[] };
    expect(parsed.ok).toBe(false);
    const finding = parsed.errors.find((error) => error.cells.includes("t3.resultTotal.natural"));
    expect(finding).toMatchObject({ rule: "t3-result-total", actual: 999 });
    expect(finding?.message).toContain("999");
  });

  it("checks a published text report directly and in English with --lang en", async () => {
    const result = await cli(["check", join(FIXTURES, "seed-2021.txt"), "--lang", "en"]);
    expect(result.code).toBe(0);
    expect(result.out).toMatch(/passed/iu);
  });

  it.each([
    ["truncated JSON", '{"format":"nianbao.report/1","meta":{', /不是有效的 JSON/u],
    ["an unknown cell id", JSON.stringify({ format: "nianbao.report/1", meta: {}, text: {}, values: { "t3.bogus.natural": 1 } }), /t3\.bogus\.natural/u],
    ["a negative count", JSON.stringify({ format: "nianbao.report/1", meta: {}, text: {}, values: { "t2.penalty": -3 } }), /t2\.penalty|行政处罚/u],
    ["1e308", '{"format":"nianbao.report/1","meta":{},"text":{},"values":{"t2.penalty":1e308}}', /行政处罚.*数值过大/u],
    ["an unsafe integer", '{"format":"nianbao.report/1","meta":{},"text":{},"values":{"t2.penalty":9007199254740993}}', /行政处罚.*数值过大/u],
    ["a __proto__ id", '{"format":"nianbao.report/1","meta":{},"text":{},"values":{"__proto__":1}}', /values\.__proto__：不是本格式中的栏目/u],
    ["a bidi override in the agency", JSON.stringify({ format: "nianbao.report/1", meta: { agency: "局\u202Excod.exe" }, text: {}, values: {} }), /meta\.agency：名称含有看不见的字符/u],
  ])("refuses %s with exit 2 naming the problem", async (_name, content, message) => {
    const path = write(`bad-${Math.random().toString(36).slice(2)}.json`, content);
    const result = await cli(["check", path]);
    expect(result.code).toBe(2);
    expect(result.err).toMatch(message);
    expect(result.err).not.toMatch(/\n\s+at /u);
  });

  it("refuses a missing file", async () => {
    const result = await cli(["check", join(dir, "missing.json")]);
    expect(result.code).toBe(2);
    expect(result.err).toContain("找不到文件");
  });
});

describe("nianbao render and demo", () => {
  it("renders a final .docx for a clean report and a draft for an incomplete one", async () => {
    const clean = write("busy.json", JSON.stringify(busyReport()));
    const finalOut = join(dir, "out", "busy.docx");
    const final = await cli(["render", clean, "-o", finalOut]);
    expect(final.code).toBe(0);
    expect(final.out).toContain("正式文档");
    const imported = await importDocx(new Uint8Array(readFileSync(finalOut)));
    expect(imported.ok).toBe(true);

    const partial = write("partial.json", JSON.stringify(withValues(busyReport(), { "t2.penalty": undefined })));
    const draft = await cli(["render", partial, "-o", join(dir, "out", "partial.docx")]);
    expect(draft.code).toBe(0);
    expect(draft.out).toContain("草稿");
  });

  it("needs -o", async () => {
    const result = await cli(["render", join(dir, "busy.json")]);
    expect(result.code).toBe(2);
    expect(result.err).toContain("用法");
  });

  it("demo renders the shipped seed report under DATA_DIR/demo", async () => {
    const result = await cli(["demo"], { DATA_DIR: join(dir, "data") });
    expect(result.code).toBe(0);
    const docx = new Uint8Array(readFileSync(join(dir, "data", "demo", "demo-2021.docx")));
    const back = await importDocx(docx);
    expect(back.ok && back.report.values["t2.licensing"]).toBe(64);
    expect(back.ok && back.report.meta.agency).toBe("奉化区应急管理局");
  });

  it("answers unknown commands and no command with usage, exit 2", async () => {
    expect((await cli(["frobnicate"])).code).toBe(2);
    const none = await cli([]);
    expect(none.code).toBe(2);
    expect(none.out).toContain("用法");
  });
});

describe("renderer round trip through the CLI", () => {
  it("render → import gives back the same values", async () => {
    const report = busyReport();
    const bytes = await renderReport(report, { draft: false });
    const path = write("rt.docx", bytes);
    const result = await cli(["import", path]);
    expect(result.code).toBe(0);
    const back = JSON.parse(result.out) as { values: Record<string, number> };
    for (const [id, value] of Object.entries(report.values)) expect(back.values[id]).toBe(value);
  });
});

describe("flags (node:util parseArgs)", () => {
  it("refuses an unknown flag or a flag without its value with one line and exit 2", async () => {
    const unknown = await cli(["check", join(FIXTURES, "seed-2021.txt"), "--jsno"]);
    expect(unknown.code).toBe(2);
    expect(unknown.err).toBe("选项「--jsno」不认识或缺少取值。运行 npx nianbao help 查看可用选项。");
    const missing = await cli(["render", "x.json", "-o"], { LANG: "en_US.UTF-8" });
    expect(missing.code).toBe(2);
    expect(missing.err).toContain("Unknown or incomplete option");
  });

  it("takes --flag=value, -o value and -- before a positional that looks like a flag", async () => {
    const result = await cli(["check", "--lang=en", "--", join(FIXTURES, "seed-2021.txt")]);
    expect(result.code).toBe(0);
    expect(result.out).toMatch(/Check passed/u);
  });
});
