// `nianbao doctor` in-process against a temp DATA_DIR written by the real store, then damaged with
// real bytes: it names every damaged file and what its backup still holds, and runs beside the bot.
import { mkdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { z } from "zod";
import { runCli } from "../../src/cli/run-cli.ts";
import { openStore } from "../../src/store/store.ts";
import { recordingLogger, tempDir } from "../store/helpers.ts";

let dir: string;
let cleanup: () => Promise<void>;
beforeEach(async () => ({ dir, cleanup } = await tempDir()));
afterEach(() => cleanup());

async function doctor(lang = "zh_CN.UTF-8"): Promise<{ code: number; out: string[] }> {
  const out: string[] = [];
  const code = await runCli(["doctor"], { out: (l) => out.push(l), err: (l) => out.push(l), cwd: dir, env: { DATA_DIR: dir, LANG: lang } });
  return { code, out };
}

describe("nianbao doctor", () => {
  it("says a healthy folder is healthy, and lists damaged files with their backups (while the store is open)", async () => {
    const store = await openStore({ dataDir: dir, logger: recordingLogger() });
    const at = (day: number): string => `2022-01-${String(day).padStart(2, "0")}T02:00:00.000Z`;
    for (const departmentId of ["d1", "d2"]) {
      await store.reports.updateReport({ departmentId, year: 2021 }, (c) => c, { by: "tg:1", at: at(10) });
      await store.reports.updateReport({ departmentId, year: 2021 }, (c) => ({ ...c, status: "submitted" }), { by: "tg:1", at: at(11) });
    }
    await store.user(7).update((s) => ({ ...s, locale: "en" }));
    await store.doc("org.json", z.object({ offices: z.array(z.string()) }), { offices: [] }).update(() => ({ offices: ["o1"] }));
    expect(await doctor()).toEqual({ code: 0, out: [`${dir}：检查了 4 个文件，没有损坏。`] });

    // A torn report (its backup holds the version before), a user file of zeros, a garbled org.json.
    const report = join(dir, "reports/d2/2021.json");
    const bytes = await readFile(report);
    await writeFile(report, bytes.subarray(0, 100));
    await writeFile(join(dir, "users/7.json"), Buffer.alloc(64));
    await writeFile(join(dir, "org.json"), '{"offices": ["o1"');
    const found = await doctor();
    expect(found.code).toBe(1);
    expect(found.out).toEqual([
      "✗ org.json：not valid JSON (truncated?)",
      "    备份：没有可读的备份",
      "✗ reports/d2/2021.json：not valid JSON (truncated?)",
      "    备份：可读，保存于 2022-01-10 10:00（第 1 版），此后的修改不在备份中",
      "✗ users/7.json：not valid JSON (truncated?)",
      "    备份：没有可读的备份",
      `${dir}：4 个文件中有 3 个已损坏。机器人会告诉相关填报人报告已损坏。若可以接受备份缺少的修改，请在停止机器人后用 .bak 替换损坏的文件。`,
    ]);
    await store.close();
    expect((await doctor("en_US.UTF-8")).out[0]).toBe("✗ org.json: not valid JSON (truncated?)");
  });
});

describe("an earlier release's journal", () => {
  it("stops `nianbao admin` with what to do, and changes nothing", async () => {
    await mkdir(join(dir, "journal"));
    await writeFile(join(dir, "journal", "000000000001.jsonl"), '{"p":"reports/d1/2021.json","f":0,"t":1,"o":[]}\n');
    const err: string[] = [];
    const code = await runCli(["admin", "list"], { out: () => undefined, err: (l) => err.push(l), cwd: dir, env: { DATA_DIR: dir, LANG: "zh_CN.UTF-8" } });
    expect(code).toBe(3);
    expect(err).toEqual([`${join(dir, "journal")} 中有 1 个旧版本机器人写下、尚未写入报告文件的日志文件。请先启动旧版本一次并正常停止（它会把日志写入报告文件），再启动本版本。详见 data/README.md。`]);
    expect(await readFile(join(dir, "journal", "000000000001.jsonl"), "utf8")).toContain("reports/d1/2021.json");
  });
});
