// The write-ahead journal on real files: concurrent changes share syncs, a torn last line is
// dropped, replay applies exactly what a file lacks (by revision), a checkpoint empties the
// journal, and a store copied mid-flight (what SIGKILL leaves) reopens with every acknowledged answer.
import { cp, mkdir, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { entryLine, Journal, listSegments, segmentName, type JournalEntry } from "../../src/store/journal.ts";
import { KEPT_DIR, readJournal, replayJournal, type ReplayTarget } from "../../src/store/journal-replay.ts";
import { reportKeyOf, reportPath } from "../../src/store/paths.ts";
import { openStore, type Store } from "../../src/store/store.ts";
import { until } from "../support/until.ts";
import { recordingLogger, tempDir } from "./helpers.ts";

let dir: string;
let cleanup: () => Promise<void>;
beforeEach(async () => ({ dir, cleanup } = await tempDir()));
afterEach(async () => {
  await rm(`${dir}-image`, { recursive: true, force: true });
  await cleanup();
});

/** A change to { revision, n }; the first one (from 0, no file yet) sets the whole document. */
const entry = (path: string, from: number, value: number): JournalEntry => ({
  path,
  from,
  to: from + 1,
  ops: from === 0 ? [["set", [], { n: value, revision: 1 }]] : [["set", ["n"], value], ["set", ["revision"], from + 1]],
});

/** A replay target over plain objects in memory: { revision, n }. */
function memoryTarget(files: Map<string, unknown>): ReplayTarget {
  return {
    read: async (path) => files.get(path) ?? null,
    revisionOf: (doc) => (doc === null ? 0 : ((doc as { revision: number }).revision ?? 0)),
    write: async (path, doc) => void files.set(path, doc),
  };
}

describe("journal", () => {
  it("makes 300 concurrent changes durable with far fewer syncs, in order", async () => {
    const journal = await Journal.open(dir);
    await Promise.all(Array.from({ length: 300 }, (_, i) => journal.append(entry(`d${i % 7}`, Math.floor(i / 7), i))));
    await journal.close();
    const { entries } = await readJournal(dir);
    expect(entries.map((e) => e.to * 1000 + Number(e.path.slice(1)))).toEqual(Array.from({ length: 300 }, (_, i) => (Math.floor(i / 7) + 1) * 1000 + (i % 7)));
    expect(journal.syncs).toBeLessThan(100);
  });

  it("drops a torn last line and skips an unreadable one", async () => {
    await writeFile(join(dir, segmentName(1)), `${entryLine(entry("a", 0, 1))}not json\n${entryLine(entry("a", 1, 2))}{"p":"a","f":2,`);
    const files = new Map<string, unknown>();
    const result = await replayJournal(dir, memoryTarget(files));
    expect(files.get("a")).toEqual({ n: 2, revision: 2 });
    expect(result.entries).toBe(2);
    expect(result.problems).toEqual([{ path: dir, reason: "1 unreadable journal line(s) skipped" }]);
  });

  it("applies only what a file lacks, and stops at a gap", async () => {
    const lines = [entry("a", 0, 1), entry("a", 1, 2), entry("a", 2, 3), entry("b", 0, 1), entry("b", 5, 9)].map(entryLine).join("");
    await writeFile(join(dir, segmentName(4)), lines);
    // a's file already holds revision 2 (a checkpoint wrote it before the segment was deleted).
    const files = new Map<string, unknown>([["a", { n: 2, revision: 2 }]]);
    const result = await replayJournal(dir, memoryTarget(files));
    expect(files.get("a")).toEqual({ n: 3, revision: 3 });
    expect(files.get("b")).toEqual({ n: 1, revision: 1 });
    expect(result.documents).toEqual(["a", "b"]);
    expect(result.problems).toEqual([{ path: "b", reason: "journal entry 5→6 does not follow revision 1; later entries not applied" }]);
    // Kept for a person to look at, never replayed again.
    expect(await listSegments(dir)).toEqual([]);
    expect(await readdir(join(dir, KEPT_DIR))).toEqual([segmentName(4)]);
  });

  it("starts a new segment after the existing ones and removes checkpointed ones", async () => {
    await mkdir(dir, { recursive: true });
    await writeFile(join(dir, segmentName(7)), "");
    const journal = await Journal.open(dir);
    expect(journal.segment).toBe(8);
    await journal.append(entry("a", 0, 1));
    const last = await journal.rotate();
    await journal.append(entry("a", 1, 2));
    await journal.removeThrough(last);
    expect(await listSegments(dir)).toEqual([9]);
    await journal.close();
    await expect(journal.append(entry("a", 2, 3))).rejects.toThrow(/after close/);
  });
});

describe("journal paths", () => {
  it("accepts exactly the report paths the store writes", () => {
    expect(reportKeyOf(reportPath({ departmentId: "p42", year: 2023 }))).toEqual({ departmentId: "p42", year: 2023 });
    for (const path of ["reports/p42/2023.json.bak", "reports/../org.json", "reports/p42/1999.json", "users/p42/2023.json", "reports/-x/2023.json", "reports/p42/2023.json/x", "org.json"]) {
      expect(reportKeyOf(path), path).toBeUndefined();
    }
  });
});

const AT = "2024-01-10T10:00:00+08:00";
const logger = recordingLogger();
const setCell = (id: string, value: number) => (c: Parameters<Parameters<Store["reports"]["updateReport"]>[1]>[0]) => ({ ...c, report: { ...c.report, values: { ...c.report.values, [id]: value } } });
const CELLS = ["t2.rules.issued", "t2.rules.repealed", "t2.rules.inForce", "t2.normative.issued"] as const;

describe("journaled store", () => {
  it("reopens a copy taken mid-flight with every acknowledged answer, then checkpoints it away", async () => {
    const store = await openStore({ dataDir: dir, logger, checkpointMs: 60_000 });
    const departments = Array.from({ length: 40 }, (_, i) => `d${i}`);
    // 40 departments × 4 answers, all at once: each answer acknowledged by a shared journal sync.
    await Promise.all(departments.map(async (departmentId) => {
      for (const [i, cell] of CELLS.entries()) await store.reports.updateReport({ departmentId, year: 2023 }, setCell(cell, i + 1), { by: "tg:1", at: AT });
    }));
    const expected = await Promise.all(departments.map((departmentId) => store.reports.getReport({ departmentId, year: 2023 })));
    // No report file yet: everything acknowledged is in the journal only.
    expect(await readdir(join(dir, "reports"))).toEqual([]);
    const image = `${dir}-image`;
    await cp(dir, image, { recursive: true });
    await store.close();

    const reborn = await openStore({ dataDir: image, logger, checkpointMs: 60_000 });
    for (const [i, departmentId] of departments.entries()) {
      const onDisk = JSON.parse(await readFile(join(image, "reports", departmentId, "2023.json"), "utf8")) as unknown;
      expect(onDisk).toEqual(expected[i]);
    }
    const listed = await reborn.reports.listReports();
    expect(listed.map((e) => e.revision)).toEqual(departments.map(() => CELLS.length));
    expect(await listSegments(join(image, "journal"))).toEqual([]);
    await reborn.close();
  });

  it("writes the report files at a checkpoint and deletes the segments they cover", async () => {
    const store = await openStore({ dataDir: dir, logger, checkpointMs: 50 });
    await store.reports.updateReport({ departmentId: "a", year: 2023 }, setCell("t2.rules.issued", 5), { by: "tg:1", at: AT });
    expect(await listSegments(join(dir, "journal"))).toHaveLength(1);
    // Seen, not timed: a loaded machine runs the 50 ms checkpoint late, never skips it.
    await until(async () => (await listSegments(join(dir, "journal"))).length === 0, "the checkpoint");
    const onDisk = JSON.parse(await readFile(join(dir, "reports/a/2023.json"), "utf8")) as { revision: number };
    expect(onDisk.revision).toBe(1);
    expect(await listSegments(join(dir, "journal"))).toEqual([]);
    await store.close();
  });
});
