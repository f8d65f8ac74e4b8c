import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { z } from "zod";
import { DocRegistry } from "../../src/store/doc-registry.ts";
import { StoreCorruptError } from "../../src/store/durable-file.ts";
import { recordingLogger, tempDir } from "./helpers.ts";

const Counter = z.object({ count: z.number().int().nonnegative() }).strict();
type Counter = z.infer<typeof Counter>;
const ZERO: Counter = { count: 0 };

let dir: string;
let cleanup: () => Promise<void>;
beforeEach(async () => ({ dir, cleanup } = await tempDir()));
afterEach(() => cleanup());

const onDisk = async (path: string): Promise<unknown> => JSON.parse(await readFile(path, "utf8"));

describe("DocRegistry", () => {
  it("returns the defaults for a missing file and does not create it on read", async () => {
    const registry = new DocRegistry({ logger: recordingLogger(), capacity: 10 });
    const doc = registry.handle(join(dir, "c.json"), Counter, ZERO);
    expect(await doc.read()).toEqual({ count: 0 });
    await expect(readFile(join(dir, "c.json"))).rejects.toThrow(/ENOENT/);
  });

  it("gives the same handle for the same path", () => {
    const registry = new DocRegistry({ logger: recordingLogger(), capacity: 10 });
    const path = join(dir, "c.json");
    expect(registry.handle(path, Counter, ZERO)).toBe(registry.handle(path, Counter, ZERO));
    expect(registry.handle(path, Counter, ZERO)).not.toBe(registry.handle(join(dir, "d.json"), Counter, ZERO));
  });

  it("applies 100 parallel increments exactly once each", async () => {
    const registry = new DocRegistry({ logger: recordingLogger(), capacity: 10 });
    const path = join(dir, "c.json");
    const doc = registry.handle(path, Counter, ZERO);
    const results = await Promise.all(Array.from({ length: 100 }, () => doc.update((c) => ({ count: c.count + 1 }))));
    expect(results.map((r) => r.count).sort((a, b) => a - b)).toEqual(Array.from({ length: 100 }, (_, i) => i + 1));
    expect(await onDisk(path)).toEqual({ count: 100 });
  });

  it("leaves file and memory unchanged when fn throws or returns invalid data", async () => {
    const registry = new DocRegistry({ logger: recordingLogger(), capacity: 10 });
    const path = join(dir, "c.json");
    const doc = registry.handle(path, Counter, ZERO);
    await doc.update(() => ({ count: 5 }));
    await expect(
      doc.update((c) => {
        c.count = 99; // mutating the copy must not leak
        throw new Error("boom");
      }),
    ).rejects.toThrow("boom");
    await expect(doc.update(() => ({ count: -1 }))).rejects.toThrow();
    expect(await doc.read()).toEqual({ count: 5 });
    expect(await onDisk(path)).toEqual({ count: 5 });
  });

  it("hands out copies: mutating a read result changes nothing", async () => {
    const registry = new DocRegistry({ logger: recordingLogger(), capacity: 10 });
    const doc = registry.handle(join(dir, "c.json"), Counter, ZERO);
    const seen = await doc.read();
    seen.count = 42;
    expect(await doc.read()).toEqual({ count: 0 });
  });

  it("stays bounded with 2 000 files and keeps every update (LRU eviction)", async () => {
    const registry = new DocRegistry({ logger: recordingLogger(), capacity: 50 });
    const paths = Array.from({ length: 2000 }, (_, i) => join(dir, `f${i}.json`));
    let maxLoaded = 0;
    const incrementAll = async (batch: readonly string[]): Promise<void> => {
      for (let i = 0; i < batch.length; i += 100) {
        await Promise.all(batch.slice(i, i + 100).map((p) => registry.handle(p, Counter, ZERO).update((c) => ({ count: c.count + 1 }))));
        maxLoaded = Math.max(maxLoaded, registry.loaded);
      }
    };
    await incrementAll(paths);
    // A second pass over evicted files must reload them from disk, not start from the defaults.
    const sample = paths.filter((_, i) => i % 7 === 0);
    await incrementAll(sample);
    expect(maxLoaded).toBeLessThanOrEqual(50);
    expect(registry.cached).toBeLessThanOrEqual(50);
    for (const i of [0, 7, 777, 1995]) expect(await onDisk(paths[i] ?? "")).toEqual({ count: 2 });
    for (const i of [1, 778, 1999]) expect(await onDisk(paths[i] ?? "")).toEqual({ count: 1 });
  });

  it("keeps an evicted handle correct and never concurrent with its replacement", async () => {
    const registry = new DocRegistry({ logger: recordingLogger(), capacity: 1 });
    const path = join(dir, "c.json");
    const old = registry.handle(path, Counter, ZERO);
    const ops: Promise<unknown>[] = [];
    for (let i = 0; i < 50; i += 1) {
      ops.push(old.update((c) => ({ count: c.count + 1 })));
      registry.handle(join(dir, `other${i}.json`), Counter, ZERO); // evicts `path`
      ops.push(registry.handle(path, Counter, ZERO).update((c) => ({ count: c.count + 1 })));
    }
    await Promise.all(ops);
    expect(await onDisk(path)).toEqual({ count: 100 });
  });

  it("surfaces a file whose backup is bad too, and can overwrite it", async () => {
    const logger = recordingLogger();
    const registry = new DocRegistry({ logger, capacity: 10 });
    const path = join(dir, "c.json");
    await writeFile(path, "{");
    const doc = registry.handle(path, Counter, ZERO);
    await expect(doc.read()).rejects.toThrow(StoreCorruptError);
    await registry.overwrite(path, Counter, { count: 7 });
    expect(await doc.read()).toEqual({ count: 7 });
  });

  it("close() waits for pending writes and refuses later use", async () => {
    const registry = new DocRegistry({ logger: recordingLogger(), capacity: 10 });
    const path = join(dir, "c.json");
    const doc = registry.handle(path, Counter, ZERO);
    const pending = Array.from({ length: 20 }, () => doc.update((c) => ({ count: c.count + 1 })));
    await registry.close();
    expect(await onDisk(path)).toEqual({ count: 20 });
    await Promise.all(pending);
    await expect(doc.read()).rejects.toThrow(/close/);
  });
});
