import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { z } from "zod";
import { StoreDamagedError } from "../../src/app/store-port.ts";
import { Documents, type DocType } from "../../src/store/documents.ts";
import { tempDir } from "./helpers.ts";

const Counter = z.object({ count: z.number().int().nonnegative(), tags: z.array(z.string()).optional() }).strict();
type Counter = z.infer<typeof Counter>;
const COUNTER: DocType<Counter> = { parse: (d) => Counter.parse(d), check: (next) => Counter.parse(next), defaults: { count: 0 } };

let dir: string;
let cleanup: () => Promise<void>;
beforeEach(async () => ({ dir, cleanup } = await tempDir()));
afterEach(() => cleanup());

const onDisk = async (name: string): Promise<unknown> => JSON.parse(await readFile(join(dir, name), "utf8"));
const documents = (capacity = 10): Documents => new Documents({ dataDir: dir, capacity });

describe("Documents (one lowdb Low per file)", () => {
  it("returns the defaults for a missing file and does not create it on read", async () => {
    const doc = documents().handle("c.json", COUNTER);
    expect(await doc.read()).toEqual({ count: 0 });
    await expect(readFile(join(dir, "c.json"))).rejects.toThrow(/ENOENT/);
  });

  it("applies 100 parallel increments exactly once each (per-file serialisation)", async () => {
    const doc = documents().handle("c.json", COUNTER);
    const results = await Promise.all(Array.from({ length: 100 }, () => doc.update((c) => ({ count: c.count + 1 }))));
    expect(results.map((r) => r.count).sort((a, b) => a - b)).toEqual(Array.from({ length: 100 }, (_, i) => i + 1));
    expect(await onDisk("c.json")).toEqual({ count: 100 });
  });

  it("is durable when update resolves: a fresh reader sees it, the previous version is the .bak", async () => {
    const doc = documents().handle("c.json", COUNTER);
    await doc.update(() => ({ count: 1 }));
    await doc.update(() => ({ count: 2 }));
    expect(await onDisk("c.json")).toEqual({ count: 2 });
    expect(await onDisk("c.json.bak")).toEqual({ count: 1 });
    expect(await documents().handle("c.json", COUNTER).read()).toEqual({ count: 2 });
  });

  it("leaves file and memory unchanged when fn throws or returns invalid data", async () => {
    const doc = documents().handle("c.json", COUNTER);
    await doc.update(() => ({ count: 5 }));
    await expect(
      doc.update(() => {
        throw new Error("boom");
      }),
    ).rejects.toThrow("boom");
    await expect(doc.update(() => ({ count: -1 }))).rejects.toThrow();
    expect(await doc.read()).toEqual({ count: 5 });
    expect(await onDisk("c.json")).toEqual({ count: 5 });
  });

  it("hands out frozen documents: neither a read result nor the current value can be changed", async () => {
    const doc = documents().handle("c.json", COUNTER);
    await doc.update(() => ({ count: 1, tags: ["a"] }));
    const seen = await doc.read();
    expect(() => {
      (seen as { count: number }).count = 42;
    }).toThrow(TypeError);
    expect(() => (seen.tags as string[]).push("b")).toThrow(TypeError);
    await expect(
      doc.update((current) => {
        (current as { count: number }).count = 99;
        return current;
      }),
    ).rejects.toThrow(TypeError);
    // What the caller handed in is copied (by validation) or frozen: changing it later changes nothing.
    const next = { count: 2, tags: ["x"] };
    await doc.update(() => next);
    try {
      next.tags.push("y");
    } catch {
      // frozen: fine too
    }
    expect(await doc.read()).toEqual({ count: 2, tags: ["x"] });
  });

  it("stays bounded with 2 000 files and keeps every update (LRU eviction)", async () => {
    const store = documents(50);
    const names = Array.from({ length: 2000 }, (_, i) => `f${i}.json`);
    let maxLoaded = 0;
    const incrementAll = async (batch: readonly string[]): Promise<void> => {
      for (let i = 0; i < batch.length; i += 100) {
        await Promise.all(batch.slice(i, i + 100).map((p) => store.handle(p, COUNTER).update((c) => ({ count: c.count + 1 }))));
        maxLoaded = Math.max(maxLoaded, store.loaded);
      }
    };
    await incrementAll(names);
    // A second pass over evicted files must reload them from disk, not start from the defaults.
    await incrementAll(names.filter((_, i) => i % 7 === 0));
    expect(maxLoaded).toBeLessThanOrEqual(50);
    for (const i of [0, 7, 777, 1995]) expect(await onDisk(names[i] ?? "")).toEqual({ count: 2 });
    for (const i of [1, 778, 1999]) expect(await onDisk(names[i] ?? "")).toEqual({ count: 1 });
  });

  it("keeps a file correct while it is evicted and reloaded between its updates", async () => {
    const store = documents(1);
    const ops: Promise<unknown>[] = [];
    for (let i = 0; i < 50; i += 1) {
      ops.push(store.handle("c.json", COUNTER).update((c) => ({ count: c.count + 1 })));
      ops.push(store.handle(`other${i}.json`, COUNTER).update((c) => ({ count: c.count + 1 }))); // evicts c.json
    }
    await Promise.all(ops);
    expect(await onDisk("c.json")).toEqual({ count: 50 });
  });

  it("reports a damaged file on every use and never writes over it", async () => {
    await writeFile(join(dir, "c.json"), '{"count": 3');
    const doc = documents().handle("c.json", COUNTER);
    await expect(doc.read()).rejects.toThrow(StoreDamagedError);
    await expect(doc.update(() => ({ count: 7 }))).rejects.toThrow(StoreDamagedError);
    expect(await readFile(join(dir, "c.json"), "utf8")).toBe('{"count": 3');
  });

  it("close() waits for pending writes and refuses later use", async () => {
    const store = documents();
    const doc = store.handle("c.json", COUNTER);
    const pending = Array.from({ length: 20 }, () => doc.update((c) => ({ count: c.count + 1 })));
    await store.close();
    expect(await onDisk("c.json")).toEqual({ count: 20 });
    await Promise.all(pending);
    await expect(doc.read()).rejects.toThrow(/close/);
  });
});
