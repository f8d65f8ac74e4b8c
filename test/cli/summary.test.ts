// `nianbao summary <data dir> --office …`: the office summary from the bot's store on the command
// line, read back through the importer.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { importDocx } from "../../src/core/import/import-docx.ts";
import { tempDir } from "../store/helpers.ts";
import { busyReport as builtBusy } from "../support/report-builders.ts";
import { testApp } from "../telegram/supervision-support.ts";
import { runIn, type CliRun } from "./run-in.ts";

let dir: string;
let cleanup: () => Promise<void>;
beforeEach(async () => ({ dir, cleanup } = await tempDir()));
afterEach(() => cleanup());

const cli = (...argv: string[]): Promise<CliRun> => runIn(dir, { DATA_DIR: dir, LANG: "zh_CN.UTF-8" }, argv);

describe("nianbao summary", () => {
  it("writes the office's combined .docx and the departments' .xlsx", async () => {
    await cli("admin", "add-office", "某区政务公开办");
    await cli("admin", "add-department", "某区政务公开办", "某区应急管理局");
    const app = await testApp(dir, { now: new Date().toISOString() });
    const report = builtBusy(2024);
    await app.store.reports.updateReport({ departmentId: "d1", year: 2024 }, () => ({ report, status: "approved" }), { by: "t", at: new Date().toISOString() });
    await app.store.close();

    const result = await cli("summary", dir, "--office", "某区政务公开办", "--year", "2024", "--all", "-o", "out/summary.docx");
    expect(result.err).toEqual([]);
    expect(result.code).toBe(0);
    expect(result.out[0]).toContain("summary.xlsx");
    const back = await importDocx(new Uint8Array(readFileSync(join(dir, "out", "summary.docx"))));
    if (!back.ok) throw new Error(back.reason);
    expect(back.report.values["t2.licensing"]).toBe(report.values["t2.licensing"]);
    expect(readFileSync(join(dir, "out", "summary.xlsx")).subarray(0, 2).toString()).toBe("PK");
  });

  it("names a usage error and an unknown office", async () => {
    expect((await cli("summary", dir)).code).toBe(2);
    expect((await cli("summary", dir, "--office", "不存在", "-o", "x.docx")).err).toEqual(["找不到该政务公开办。"]);
  });
});
