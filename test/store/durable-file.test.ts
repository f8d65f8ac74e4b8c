import { readdir, readFile, stat, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { z } from "zod";
import { DurableFile, StoreCorruptError } from "../../src/store/durable-file.ts";
import { recordingLogger, tempDir, type RecordingLogger } from "./helpers.ts";

const Doc = z.object({ n: z.number().int(), pad: z.string() }).strict();
type Doc = z.infer<typeof Doc>;

let dir: string;
let cleanup: () => Promise<void>;
let logger: RecordingLogger;
let file: string;
const adapter = (): DurableFile<Doc> => new DurableFile(file, { parse: (data) => Doc.parse(data), logger });

beforeEach(async () => {
  ({ dir, cleanup } = await tempDir());
  logger = recordingLogger();
  file = join(dir, "doc.json");
});
afterEach(() => cleanup());

describe("DurableFile", () => {
  it("reads null when nothing was ever written", async () => {
    expect(await adapter().read()).toBeNull();
  });

  it("round-trips what it wrote, as plain JSON on disk, leaving no temp file", async () => {
    const a = adapter();
    await a.write({ n: 1, pad: "甲" });
    expect(JSON.parse(await readFile(file, "utf8"))).toEqual({ n: 1, pad: "甲" });
    expect(await adapter().read()).toEqual({ n: 1, pad: "甲" });
    expect((await readdir(dir)).sort()).toEqual(["doc.json"]);
  });

  it("keeps the previous version as .bak (a hard link, no copy)", async () => {
    const a = adapter();
    await a.write({ n: 1, pad: "" });
    await a.write({ n: 2, pad: "" });
    expect(JSON.parse(await readFile(`${file}.bak`, "utf8"))).toEqual({ n: 1, pad: "" });
    expect(JSON.parse(await readFile(file, "utf8"))).toEqual({ n: 2, pad: "" });
    await a.write({ n: 3, pad: "" });
    expect(JSON.parse(await readFile(`${file}.bak`, "utf8"))).toEqual({ n: 2, pad: "" });
    // The backup is the old inode itself: link count 1 once the target was renamed over.
    expect((await stat(`${file}.bak`)).nlink).toBe(1);
  });

  it("never shows a partial file to a reader running during many writes", async () => {
    const a = adapter();
    await a.write({ n: 0, pad: "" });
    let done = false;
    let reads = 0;
    const seen = new Set<number>();
    const reader = (async () => {
      while (!done) {
        const parsed = Doc.parse(JSON.parse(await readFile(file, "utf8")));
        seen.add(parsed.n);
        reads += 1;
      }
    })();
    // Sizes vary so a torn write would show up as a truncated document.
    for (let n = 1; n <= 150; n += 1) await a.write({ n, pad: "x".repeat((n * 7919) % 40_000) });
    done = true;
    await reader;
    expect(reads).toBeGreaterThan(10);
    expect(seen.size).toBeGreaterThan(2); // the reader really overlapped the writes
    expect((await readdir(dir)).filter((name) => name.endsWith(".tmp"))).toEqual([]);
  });

  it.each([
    ["empty", ""],
    ["truncated", '{"n": 2, "pa'],
    ["invalid", '{"n": "two", "pad": ""}'],
  ])("recovers an %s file from .bak and logs a warning", async (_kind, content) => {
    const a = adapter();
    await a.write({ n: 1, pad: "" });
    await a.write({ n: 2, pad: "" });
    await writeFile(file, content);
    const b = adapter();
    expect(await b.read()).toEqual({ n: 1, pad: "" });
    expect(logger.warnings).toHaveLength(1);
    expect(logger.warnings[0]?.obj).toMatchObject({ file });
    // The next write must not turn the corrupt file into the backup.
    await b.write({ n: 3, pad: "" });
    expect(JSON.parse(await readFile(`${file}.bak`, "utf8"))).toEqual({ n: 1, pad: "" });
    expect(await adapter().read()).toEqual({ n: 3, pad: "" });
  });

  it("throws a clear error naming the file when file and backup are both bad", async () => {
    await writeFile(file, "{");
    await writeFile(`${file}.bak`, "");
    const error = await adapter()
      .read()
      .then(() => null, (e: unknown) => e);
    expect(error).toBeInstanceOf(StoreCorruptError);
    expect((error as StoreCorruptError).file).toBe(file);
    expect((error as Error).message).toContain(file);
    expect((error as Error).message).toMatch(/backup/);
  });

  it("throws when the file is bad and there is no backup (never silently resets)", async () => {
    await writeFile(file, "");
    await expect(adapter().read()).rejects.toThrow(StoreCorruptError);
  });

  it("serialises writes: the last one queued wins", async () => {
    const a = adapter();
    await Promise.all(Array.from({ length: 30 }, (_, n) => a.write({ n, pad: "y".repeat(1000 * (30 - n)) })));
    expect(await adapter().read()).toEqual({ n: 29, pad: "y".repeat(1000) });
  });
});
