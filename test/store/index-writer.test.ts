// The per-answer write path: an update that changes nothing writes nothing, a progress-only change
// defers its index shard (the journal covers it), and a store opened after an unclean stop
// re-derives the shards of the reports its journal names.
import { spawn } from "node:child_process";
import { access, cp, mkdir, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { openStore, type Store } from "../../src/store/store.ts";
import { until } from "../support/until.ts";
import { recordingLogger, tempDir } from "./helpers.ts";

const AT1 = "2022-01-10T09:00:00+08:00";
const AT2 = "2022-01-11T10:30:00+08:00";
const key = { departmentId: "yingji", year: 2021 };
const SLOW = 60_000; // no checkpoint during a test

let dir: string;
let cleanup: () => Promise<void>;
const open: Store[] = [];
beforeEach(async () => ({ dir, cleanup } = await tempDir()));
afterEach(async () => {
  for (const store of open.splice(0)) await store.close();
  for (const image of images.splice(0)) await rm(image, { recursive: true, force: true });
  await cleanup();
});

async function openHere(checkpointMs = SLOW, pid?: number): Promise<Store> {
  const store = await openStore({ dataDir: dir, logger: recordingLogger(), checkpointMs, ...(pid === undefined ? {} : { pid }) });
  open.push(store);
  return store;
}

const shardOnDisk = async (): Promise<{ entries: { revision: number; progress: { cells: number } }[] }> =>
  JSON.parse(await readFile(join(dir, "index/reports/yingji.json"), "utf8")) as { entries: { revision: number; progress: { cells: number } }[] };
/** A store that saved one answer and was closed cleanly. */
async function answerOnceAndStop(): Promise<void> {
  const first = await openHere();
  await first.reports.updateReport(key, setCell(1), { by: "tg:1", at: AT1 });
  await first.close();
  open.splice(0);
}

/** Every journal segment's text, in order. */
async function journalText(): Promise<string> {
  const names = (await readdir(join(dir, "journal"))).filter((n) => n.endsWith(".jsonl")).sort();
  const texts = await Promise.all(names.map((n) => readFile(join(dir, "journal", n), "utf8")));
  return texts.join("");
}
/** A copy of the data folder as it is now: what a SIGKILL at this moment would leave on disk. */
async function crashImage(): Promise<string> {
  const image = `${dir}-image`;
  await cp(dir, image, { recursive: true });
  images.push(image);
  return image;
}
const images: string[] = [];
/** The pid of a process that has exited. */
async function deadPid(): Promise<number> {
  const child = spawn(process.execPath, ["-e", ""], { stdio: "ignore" });
  await new Promise((resolve) => child.once("exit", resolve));
  return child.pid ?? 0;
}
const exists = (relative: string): Promise<boolean> => access(join(dir, relative)).then(() => true, () => false);
const setCell = (value: number) => (c: Parameters<Parameters<Store["reports"]["updateReport"]>[1]>[0]) => ({ ...c, report: { ...c.report, values: { ...c.report.values, "t2.rules.issued": value } } });

describe("report writes", () => {
  it("writes nothing when the update returns the stored record itself", async () => {
    const store = await openHere();
    await store.reports.updateReport(key, setCell(1), { by: "tg:1", at: AT1 });
    const before = await journalText();
    const same = await store.reports.updateReport(key, (current) => current, { by: "tg:1", at: AT2 });
    expect(same.revision).toBe(1);
    expect(same.updatedAt).toBe(AT1);
    expect(same.history).toHaveLength(1);
    expect(before.split("\n")).toHaveLength(2);
    expect(await journalText()).toBe(before);
  });

  it("defers a progress-only shard write, shows it at once and writes it on close", async () => {
    const store = await openHere();
    await store.reports.updateReport(key, setCell(1), { by: "tg:1", at: AT1 });
    expect((await shardOnDisk()).entries[0]?.revision).toBe(1); // a new report is indexed at once
    await store.reports.updateReport(key, (c) => ({ ...setCell(2)(c), report: { ...setCell(2)(c).report, text: { "s1.active": "主动公开" } } }), { by: "tg:1", at: AT2 });
    expect((await shardOnDisk()).entries[0]?.revision).toBe(1);
    expect(await exists("index/dirty/yingji")).toBe(false); // the journal names the report instead
    expect((await store.reports.listReports())[0]).toMatchObject({ revision: 2, progress: { texts: 1 } });
    await store.close();
    open.splice(0);
    expect((await shardOnDisk()).entries[0]?.revision).toBe(2);
    expect(await exists("index/dirty/yingji")).toBe(false);
  });

  it("writes a status change to the shard at once", async () => {
    const store = await openHere();
    await store.reports.updateReport(key, setCell(1), { by: "tg:1", at: AT1 });
    await store.reports.updateReport(key, (c) => ({ ...c, status: "submitted" }), { by: "tg:1", at: AT2 });
    expect((await shardOnDisk()).entries[0]).toMatchObject({ revision: 2, status: "submitted" });
  });

  it("writes deferred entries at the next checkpoint, with the report file", async () => {
    const store = await openHere(50);
    await store.reports.updateReport(key, setCell(1), { by: "tg:1", at: AT1 });
    await store.reports.updateReport(key, setCell(2), { by: "tg:1", at: AT2 });
    // Seen, not timed: a loaded machine runs the 50 ms checkpoint late, never skips it.
    await until(async () => (await shardOnDisk()).entries[0]?.revision === 2 && !(await exists("index/dirty/yingji")), "the checkpoint");
    expect((await shardOnDisk()).entries[0]?.revision).toBe(2);
    expect(await exists("index/dirty/yingji")).toBe(false);
  });

  it("re-derives the shard of a journaled report when opened after a process died before flushing", async () => {
    const dead = await openHere();
    await dead.reports.updateReport(key, setCell(1), { by: "tg:1", at: AT1 });
    await dead.reports.updateReport(key, setCell(7), { by: "tg:1", at: AT2 });
    // What a SIGKILL leaves: the report at revision 2 in the journal only, the shard at 1.
    expect((await shardOnDisk()).entries[0]?.revision).toBe(1);
    const image = await crashImage();
    const reborn = await openStore({ dataDir: image, logger: recordingLogger(), checkpointMs: SLOW });
    open.push(reborn);
    const shard = JSON.parse(await readFile(join(image, "index/reports/yingji.json"), "utf8")) as { entries: unknown[] };
    expect(shard.entries[0]).toMatchObject({ revision: 2, updatedAt: AT2 });
    expect((await reborn.reports.listReports())[0]?.revision).toBe(2);
    expect((await reborn.reports.getReport(key))?.report.values["t2.rules.issued"]).toBe(7);
  });

  it("re-derives a shard marked by an earlier version (index/dirty) at open", async () => {
    await answerOnceAndStop();
    await writeFile(join(dir, "index/reports/yingji.json"), JSON.stringify({ entries: [] }));
    await mkdir(join(dir, "index/dirty"), { recursive: true });
    await writeFile(join(dir, "index/dirty/yingji"), "");
    const store = await openHere();
    expect(await exists("index/dirty/yingji")).toBe(false);
    expect((await store.reports.listReports())[0]?.revision).toBe(1);
  });
});

describe("stray temp files", () => {
  it("after an unclean stop, removes a dead process's temp files on open and keeps its own", async () => {
    await answerOnceAndStop();
    const foreign = "reports/yingji/.2021.json.4242.3.tmp";
    const own = "users/.7.json.777.1.tmp";
    await writeFile(join(dir, foreign), "{");
    await writeFile(join(dir, own), "{");
    // What a killed process leaves: its lock, never released.
    await writeFile(join(dir, ".lock"), `${await deadPid()}\n`);
    const store = await openHere(SLOW, 777);
    await store.close();
    open.splice(0);
    expect(await exists(foreign)).toBe(false);
    expect(await exists(own)).toBe(true);
    expect(await exists("reports/yingji/2021.json")).toBe(true);
  });

  it("after a clean stop, does not walk the folders at all", async () => {
    await answerOnceAndStop();
    const leftover = "reports/yingji/.2021.json.4242.3.tmp";
    await writeFile(join(dir, leftover), "{");
    const store = await openHere(SLOW, 777);
    await store.close();
    open.splice(0);
    expect(await exists(leftover)).toBe(true);
  });
});
