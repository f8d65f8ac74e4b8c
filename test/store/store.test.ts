import { spawn } from "node:child_process";
import { access, cp, mkdir, readFile, rm, stat, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { z } from "zod";
import { LegacyJournalError } from "../../src/store/format.ts";
import { openStore } from "../../src/store/store.ts";
import { recordingLogger, tempDir } from "./helpers.ts";

let dir: string;
let cleanup: () => Promise<void>;
beforeEach(async () => ({ dir, cleanup } = await tempDir()));
afterEach(() => cleanup());

const Org = z.object({ offices: z.array(z.object({ id: z.string(), name: z.string() })) }).strict();

describe("openStore", () => {
  it("creates its folders under a data dir that does not exist yet", async () => {
    const dataDir = join(dir, "nested", "data");
    const store = await openStore({ dataDir, logger: recordingLogger() });
    for (const sub of ["reports", "users"]) expect((await stat(join(dataDir, sub))).isDirectory()).toBe(true);
    expect(store.dataDir).toBe(dataDir);
    await store.close();
  });

  it("keeps a generic document (org.json) with defaults and validation", async () => {
    const store = await openStore({ dataDir: dir, logger: recordingLogger() });
    const org = store.doc("org.json", Org, { offices: [] });
    expect(await org.read()).toEqual({ offices: [] });
    await org.update((o) => ({ offices: [...o.offices, { id: "fh", name: "奉化区" }] }));
    await expect(org.update(() => ({ offices: "none" }) as never)).rejects.toThrow();
    expect(JSON.parse(await readFile(join(dir, "org.json"), "utf8"))).toEqual({ offices: [{ id: "fh", name: "奉化区" }] });
    await store.close();
    const again = await openStore({ dataDir: dir, logger: recordingLogger() });
    expect(await again.doc("org.json", Org, { offices: [] }).read()).toEqual({ offices: [{ id: "fh", name: "奉化区" }] });
    await again.close();
  });

  it("keeps per-user sessions and their extra fields", async () => {
    const store = await openStore({ dataDir: dir, logger: recordingLogger() });
    await store.user(123456).update((s) => ({ ...s, locale: "en", currentReport: { departmentId: "yingji", year: 2021 }, menu: "main" }));
    expect(JSON.parse(await readFile(join(dir, "users/123456.json"), "utf8"))).toEqual({
      locale: "en",
      currentReport: { departmentId: "yingji", year: 2021 },
      menu: "main",
    });
    await expect(store.user(1).update((s) => ({ ...s, locale: "fr" as never }))).rejects.toThrow();
    expect(() => store.user("../1")).toThrow(/userId/);
    await store.close();
  });

  it("bounds loaded documents by cacheSize", async () => {
    const store = await openStore({ dataDir: dir, logger: recordingLogger(), cacheSize: 5 });
    for (let i = 0; i < 20; i += 1) await store.user(i).update((s) => ({ ...s, locale: "zh-CN" }));
    expect(store.loadedDocuments).toBeLessThanOrEqual(5);
    await store.close();
  });

  it("holds every resolved update on disk at once: a copy taken then, opened elsewhere, has them all", async () => {
    const store = await openStore({ dataDir: dir, logger: recordingLogger() });
    const key = { departmentId: "yingji", year: 2021 };
    const answers = Array.from({ length: 30 }, (_, i) => i + 1);
    await Promise.all(
      answers.map((n) =>
        store.reports.updateReport(key, (c) => ({ ...c, report: { ...c.report, values: { ...c.report.values, [`t2.rules.issued`]: n } } }), { by: "tg:1", at: "2022-01-10T09:00:00+08:00" }),
      ),
    );
    await store.user(7).update((s) => ({ ...s, locale: "en" }));
    // No close, no flush: what a kill at this instant would leave.
    const copy = join(dir, "..", `${dir.split("/").pop() ?? "x"}-copy`);
    await cp(dir, copy, { recursive: true });
    await store.close();
    const again = await openStore({ dataDir: copy, logger: recordingLogger() });
    expect((await again.reports.getReport(key))?.revision).toBe(30);
    expect((await again.user(7).read()).locale).toBe("en");
    await again.close();
    await rm(copy, { recursive: true, force: true });
  });

  it("refuses to start over an earlier release's unreplayed journal, and drops an empty one", async () => {
    await mkdir(join(dir, "journal"), { recursive: true });
    await writeFile(join(dir, "journal", "000000000003.jsonl"), '{"p":"reports/a/2021.json","f":0,"t":1,"o":[]}\n');
    const refused = await openStore({ dataDir: dir, logger: recordingLogger() }).then(() => null, (e: unknown) => e);
    expect(refused).toBeInstanceOf(LegacyJournalError);
    expect(refused).toMatchObject({ segments: 1 });
    // The refusal released the folder: once the old release has emptied its journal, this starts.
    await rm(join(dir, "journal", "000000000003.jsonl"));
    const store = await openStore({ dataDir: dir, logger: recordingLogger() });
    await store.close();
    expect(await exists(join(dir, "journal"))).toBe(false);
  });

  it("after an unclean stop, removes a dead process's temp files on open and keeps its own", async () => {
    const foreign = "reports/yingji/.2021.json.4242.3.tmp";
    const own = "users/.7.json.777.1.tmp";
    await mkdir(join(dir, "reports/yingji"), { recursive: true });
    await mkdir(join(dir, "users"), { recursive: true });
    await writeFile(join(dir, foreign), "{");
    await writeFile(join(dir, own), "{");
    // What a killed process leaves: its lock, never released.
    await mkdir(join(dir, ".lock"));
    await writeFile(join(dir, ".lock", `${await deadPid()}-abc123`), "");
    const store = await openStore({ dataDir: dir, logger: recordingLogger(), pid: 777 });
    await store.close();
    expect(await exists(join(dir, foreign))).toBe(false);
    expect(await exists(join(dir, own))).toBe(true);
  });

  it("after a clean stop, does not walk the folders at all", async () => {
    const leftover = "users/.2021.json.4242.3.tmp";
    await mkdir(join(dir, "users"), { recursive: true });
    await writeFile(join(dir, leftover), "{");
    const store = await openStore({ dataDir: dir, logger: recordingLogger(), pid: 777 });
    await store.close();
    expect(await exists(join(dir, leftover))).toBe(true);
  });
});

const exists = (path: string): Promise<boolean> => access(path).then(() => true, () => false);

async function deadPid(): Promise<number> {
  const child = spawn(process.execPath, ["-e", ""], { stdio: "ignore" });
  await new Promise((resolve) => child.once("exit", resolve));
  return child.pid ?? 0;
}
