// Upgrading: the data folder of the previous release (format 1, made by
// test/fixtures/data-format-1/make-fixture.ts with commit b0bda78) is migrated when this release
// starts, after a backup into DATA_DIR/.upgrade-backups/; every report, member and invitation reads back. Data from a
// newer release is refused with one line and exit 2.
import { access, cp, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { createOrgService } from "../../src/app/org-service.ts";
import { openStore } from "../../src/store/store.ts";
import { runCli } from "../../src/cli/run-cli.ts";
import { startBotProcess } from "../support/bot-process.ts";
import { FakeBotApi } from "../support/fake-bot-api.ts";
import { until } from "../support/until.ts";

const ROOT = join(import.meta.dirname, "..", "..");
const FIXTURE = join(ROOT, "test", "fixtures", "data-format-1");
const silent = { warn: () => undefined, error: () => undefined };
let dir = "";
afterEach(async () => {
  if (dir !== "") await rm(dir, { recursive: true, force: true });
});

interface Expected {
  members: unknown[];
  departments: string[];
  invitations: { used: number; open: number };
  reports: Record<string, { status: string; revision: number; values: Record<string, number> }>;
}

async function readsBack(dataDir: string, expected: Expected): Promise<void> {
  const store = await openStore({ dataDir, logger: silent });
  try {
    for (const [key, want] of Object.entries(expected.reports)) {
      const [departmentId = "", year = ""] = key.split("/");
      const record = await store.reports.getReport({ departmentId, year: Number(year) });
      expect(record?.status).toBe(want.status);
      expect(record?.revision).toBe(want.revision);
      for (const [cell, value] of Object.entries(want.values)) expect(record?.report.values[cell]).toBe(value);
    }
    expect((await store.reports.listReports()).map((entry) => `${entry.departmentId}/${entry.year}`)).toEqual(Object.keys(expected.reports));
    const org = await createOrgService({ store, now: () => "2026-12-06T00:00:00Z" }).org();
    expect(org.members).toEqual(expected.members);
    expect(org.departments.map((department) => department.name)).toEqual(expected.departments);
    expect(org.invitations.filter((invitation) => invitation.usedBy !== undefined)).toHaveLength(expected.invitations.used);
    expect(org.invitations.filter((invitation) => invitation.usedBy === undefined)).toHaveLength(expected.invitations.open);
  } finally {
    await store.close();
  }
}

describe("upgrading from the previous release's data (format 1)", () => {
  it("migrates at start after a backup; everything reads back, and the backup restores", async () => {
    dir = await mkdtemp(join(tmpdir(), "nianbao-upgrade-"));
    const data = join(dir, "data");
    await cp(join(FIXTURE, "data"), data, { recursive: true });
    const expected = JSON.parse(await readFile(join(FIXTURE, "expected.json"), "utf8")) as Expected;
    const api = await FakeBotApi.start();
    try {
      const bot = startBotProcess(data, api.apiRoot);
      // The control socket opens once the upgrade is done; polling shows the start is complete.
      await until(() => access(join(data, ".control.sock")).then(() => true, () => false), "the awaited state", 30_000, 50);
      await until(async () => api.callsOf("getUpdates").length > 0, "the awaited state", 30_000, 50);
      bot.child.kill("SIGTERM");
      expect(await bot.exited).toBe(0);
      const backups = join(data, ".upgrade-backups");
      const [name] = await readdir(backups);
      expect(name).toMatch(/^before-upgrade-format1-.*\.tar\.gz$/);
      const backup = join(backups, name ?? "");
      expect(bot.stderr()).toContain(`数据目录已从数据格式 1 升级；升级前的备份在 ${backup}`);
      expect(JSON.parse(await readFile(join(data, "format.json"), "utf8"))).toEqual({ format: 2, writtenBy: "0.2.0" });
      await expect(access(join(data, "index"))).rejects.toThrow();
      await readsBack(data, expected);

      // The pre-upgrade backup holds the folder as it was (format 1, its index files).
      const out: string[] = [];
      const restored = join(dir, "before");
      const code = await runCli(["restore", backup], { out: (l) => out.push(l), err: (l) => out.push(l), cwd: dir, env: { DATA_DIR: restored, LANG: "zh_CN.UTF-8" } });
      expect(out.join("\n")).toContain("已从");
      expect(code).toBe(0);
      await access(join(restored, "index", "reports", "d1.json"));
      await expect(access(join(restored, "format.json"))).rejects.toThrow();
      await readsBack(restored, expected);
    } finally {
      await api.close();
    }
  }, 90_000);

  it("refuses data written by a newer release with one line and exit 2, changing nothing", async () => {
    dir = await mkdtemp(join(tmpdir(), "nianbao-upgrade-"));
    const data = join(dir, "data");
    await cp(join(FIXTURE, "data"), data, { recursive: true });
    await writeFile(join(data, "format.json"), JSON.stringify({ format: 99, writtenBy: "9.0.0" }));
    const bot = startBotProcess(data, "http://127.0.0.1:9");
    expect(await bot.exited).toBe(2);
    expect(bot.stderr().trim()).toBe("这些数据由 nianbao 9.0.0 写入（数据格式 99），本版本最多读取格式 2：请安装 nianbao 9.0.0 或更新版本。");
    await access(join(data, "index", "reports", "d1.json"));
  }, 60_000);
});
