import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { parseReport, type Report } from "../../src/core/report/schema.ts";
import { StoreDamagedError } from "../../src/app/store-port.ts";
import { openStore, type Store } from "../../src/store/store.ts";
import { recordingLogger, tempDir, type RecordingLogger } from "./helpers.ts";

const seedJson: unknown = JSON.parse(await readFile(join(import.meta.dirname, "..", "fixtures", "seed-2021.report.json"), "utf8"));
const seedParsed = parseReport(seedJson);
if (!seedParsed.ok) throw new Error("seed fixture does not parse");
const seed: Report = seedParsed.report;

const AT1 = "2022-01-10T09:00:00+08:00";
const AT2 = "2022-01-11T10:30:00+08:00";
const key = { departmentId: "yingji", year: 2021 };

let dir: string;
let cleanup: () => Promise<void>;
let logger: RecordingLogger;
let store: Store;
beforeEach(async () => {
  ({ dir, cleanup } = await tempDir());
  logger = recordingLogger();
  store = await openStore({ dataDir: dir, logger });
});
afterEach(async () => {
  await store.close();
  await cleanup();
});

const onDisk = async (relative: string): Promise<unknown> => JSON.parse(await readFile(join(dir, relative), "utf8"));

describe("report repository", () => {
  it("returns null for a report never saved", async () => {
    expect(await store.reports.getReport(key)).toBeNull();
    expect(await store.reports.listReports()).toEqual([]);
  });

  it("saves a new report, records one history entry per changed field and indexes it", async () => {
    const saved = await store.reports.updateReport(
      key,
      (current) => ({ ...current, report: { ...current.report, values: { ...current.report.values, "t2.rules.issued": 3 }, text: { "s1.active": "主动公开" } } }),
      { by: "tg:1", at: AT1 },
    );
    expect(saved.revision).toBe(1);
    expect(saved.updatedAt).toBe(AT1);
    expect(saved.history).toEqual([
      { by: "tg:1", at: AT1, cell: "t2.rules.issued", old: null, new: 3 },
      { by: "tg:1", at: AT1, cell: "s1.active", old: null, new: "主动公开" },
    ]);
    // Durable when updateReport resolved: the file holds it without any flush.
    expect(await onDisk("reports/yingji/2021.json")).toMatchObject({ status: "draft", revision: 1, report: { meta: { year: 2021 }, values: { "t2.rules.issued": 3 } } });
    expect(await store.reports.getReport(key)).toEqual(saved);
    const [entry] = await store.reports.listReports();
    expect(entry).toEqual({ departmentId: "yingji", year: 2021, status: "draft", revision: 1 });
  });

  it("appends history across updates, including old values and status", async () => {
    await store.reports.updateReport(key, (c) => ({ ...c, report: { ...c.report, values: { "t2.rules.issued": 3 } } }), { by: "tg:1", at: AT1 });
    const saved = await store.reports.updateReport(
      key,
      (c) => ({ ...c, status: "submitted", report: { ...c.report, values: { "t2.rules.issued": 4 } } }),
      { by: "tg:2", at: AT2 },
    );
    expect(saved.history.slice(1)).toEqual([
      { by: "tg:2", at: AT2, cell: "t2.rules.issued", old: 3, new: 4 },
      { by: "tg:2", at: AT2, cell: "status", old: "draft", new: "submitted" },
    ]);
    expect(saved.revision).toBe(2);
    expect((await store.reports.listReports()).map((e) => e.status)).toEqual(["submitted"]);
  });

  it("records what changed in history, and keeps the interview state", async () => {
    const saved = await store.reports.updateReport(
      key,
      (c) => ({ ...c, report: { ...c.report, values: { ...c.report.values, "t2.rules.issued": 1 } }, interview: { step: 7 } }),
      { by: "tg:1", at: AT1 },
    );
    expect(saved.interview).toEqual({ step: 7 });
    expect(saved.history).toEqual([{ by: "tg:1", at: AT1, cell: "t2.rules.issued", old: null, new: 1 }]);
  });

  it("rejects an invalid report or time and leaves the file unchanged", async () => {
    await store.reports.updateReport(key, (c) => c, { by: "tg:1", at: AT1 });
    await expect(
      store.reports.updateReport(key, (c) => ({ ...c, report: { ...c.report, values: { "t2.rules.issued": -1 } } }), { by: "tg:1", at: AT2 }),
    ).rejects.toThrow();
    await expect(store.reports.updateReport(key, (c) => c, { by: "tg:1", at: "yesterday" })).rejects.toThrow();
    // Durable when updateReport resolved: the file holds it without any flush.
    expect(await onDisk("reports/yingji/2021.json")).toMatchObject({ revision: 1, updatedAt: AT1 });
  });

  it("applies 100 parallel answers to one report", async () => {
    const ids = Object.keys(seed.values).slice(0, 100);
    await Promise.all(
      ids.map((id, i) =>
        store.reports.updateReport(key, (c) => ({ ...c, report: { ...c.report, values: { ...c.report.values, [id]: i } } }), { by: "tg:1", at: AT1 }),
      ),
    );
    const record = await store.reports.getReport(key);
    expect(Object.keys(record?.report.values ?? {})).toHaveLength(ids.length);
    expect(record?.history).toHaveLength(ids.length);
    expect(record?.revision).toBe(ids.length);
    expect((await store.reports.listReports())[0]?.revision).toBe(ids.length);
  });

  it("stores the full seed report and reads it back equal", async () => {
    await store.reports.updateReport(key, (c) => ({ ...c, report: seed }), { by: "import", at: AT1 });
    await store.close();
    store = await openStore({ dataDir: dir, logger });
    expect((await store.reports.getReport(key))?.report).toEqual(seed);
  });

  it("lists every department or the ones asked for, ordered by department then year", async () => {
    for (const [departmentId, year] of [["b", 2022], ["a", 2022], ["b", 2021]] as const) {
      await store.reports.updateReport({ departmentId, year }, (c) => c, { by: "tg:1", at: AT1 });
    }
    const keys = (entries: { departmentId: string; year: number }[]) => entries.map((e) => `${e.departmentId}/${e.year}`);
    expect(keys(await store.reports.listReports())).toEqual(["a/2022", "b/2021", "b/2022"]);
    expect(keys(await store.reports.listReports(["b"]))).toEqual(["b/2021", "b/2022"]);
    expect(keys(await store.reports.listReports(["a", "zzz"]))).toEqual(["a/2022"]);
  });

  it("lists from the report files after a restart (no index is written)", async () => {
    await store.reports.updateReport(key, (c) => ({ ...c, report: seed }), { by: "tg:1", at: AT1 });
    await store.reports.updateReport({ departmentId: "caizheng", year: 2022 }, (c) => ({ ...c, status: "approved" }), { by: "tg:1", at: AT2 });
    const before = await store.reports.listReports();
    expect(before.map((e) => [e.departmentId, e.status, e.revision])).toEqual([["caizheng", "approved", 1], ["yingji", "draft", 1]]);
    await store.close();
    await writeFile(join(dir, "stale.json"), "{}"); // unrelated files are ignored
    store = await openStore({ dataDir: dir, logger });
    expect(store.loadedDocuments).toBe(0); // a start reads no report
    expect(await store.reports.listReports()).toEqual(before);
  });

  it("keeps a listed department current with every update", async () => {
    await store.reports.updateReport(key, (c) => c, { by: "tg:1", at: AT1 });
    expect((await store.reports.listReports(["yingji"])).map((e) => e.status)).toEqual(["draft"]);
    await store.reports.updateReport(key, (c) => ({ ...c, status: "submitted" }), { by: "tg:1", at: AT2 });
    await store.reports.updateReport({ departmentId: "yingji", year: 2022 }, (c) => c, { by: "tg:1", at: AT2 });
    expect((await store.reports.listReports(["yingji"])).map((e) => `${e.year}:${e.status}:${e.revision}`)).toEqual(["2021:submitted:2", "2022:draft:1"]);
  });

  it("leaves a damaged report out of listings, names it, and refuses to read or change it", async () => {
    await store.reports.updateReport(key, (c) => c, { by: "tg:1", at: AT1 });
    await store.reports.updateReport(key, (c) => ({ ...c, status: "submitted" }), { by: "tg:1", at: AT2 });
    await store.reports.updateReport({ departmentId: "yingji", year: 2022 }, (c) => c, { by: "tg:1", at: AT1 });
    await store.close();
    const file = join(dir, "reports/yingji/2021.json");
    const bytes = await readFile(file);
    await writeFile(file, bytes.subarray(0, bytes.length >> 1)); // truncated by a bad disk
    store = await openStore({ dataDir: dir, logger });
    expect((await store.reports.listReports()).map((e) => e.year)).toEqual([2022]);
    expect(logger.errors.map((e) => e.obj)).toContainEqual(expect.objectContaining({ file: "reports/yingji/2021.json" }));
    const error = await store.reports.getReport(key).then(() => null, (e: unknown) => e);
    expect(error).toBeInstanceOf(StoreDamagedError);
    // What the office can still fall back to: the backup holds the version before the last change.
    expect(error).toMatchObject({ file: "reports/yingji/2021.json", report: key, backup: { revision: 1, updatedAt: AT1 } });
    await expect(store.reports.updateReport(key, (c) => ({ ...c, status: "draft" }), { by: "tg:1", at: AT2 })).rejects.toThrow(StoreDamagedError);
    expect((await readFile(file)).length).toBe(bytes.length >> 1); // left as found, for the doctor
  });

  it("rejects ids that are not safe file names", async () => {
    await expect(store.reports.getReport({ departmentId: "../x", year: 2021 })).rejects.toThrow(/departmentId/);
    expect(() => store.doc("../escape.json", store.reports as never, {} as never)).toThrow(/inside the data folder/);
  });
});
