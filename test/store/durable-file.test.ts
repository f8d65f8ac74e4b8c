import { readdir, readFile, stat, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { z } from "zod";
import { StoreDamagedError, StoreDiskFullError } from "../../src/app/store-port.ts";
import { DurableFile, type WriteText } from "../../src/store/durable-file.ts";
import { tempDir } from "./helpers.ts";

const Doc = z.object({ n: z.number().int(), pad: z.string() }).strict();
type Doc = z.infer<typeof Doc>;

let dir: string;
let cleanup: () => Promise<void>;
let file: string;
const adapter = (writeText?: WriteText): DurableFile<Doc> =>
  new DurableFile(file, { parse: (data) => Doc.parse(data), name: "doc.json", describeBackup: (doc) => ({ revision: doc.n }), ...(writeText === undefined ? {} : { writeText }) });

beforeEach(async () => {
  ({ dir, cleanup } = await tempDir());
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
  ])("reports an %s file as damaged, naming what its backup still holds, and never falls back silently", async (_kind, content) => {
    const a = adapter();
    await a.write({ n: 1, pad: "" });
    await a.write({ n: 2, pad: "" });
    await writeFile(file, content);
    const error = await adapter()
      .read()
      .then(() => null, (e: unknown) => e);
    expect(error).toBeInstanceOf(StoreDamagedError);
    expect(error).toMatchObject({ file: "doc.json", backup: { revision: 1 } });
    // Nothing was rewritten: the damaged bytes stay for a person to look at.
    expect(await readFile(file, "utf8")).toBe(content);
  });

  it("reports damage with no readable backup", async () => {
    await writeFile(file, "{");
    await writeFile(`${file}.bak`, "");
    const error = await adapter()
      .read()
      .then(() => null, (e: unknown) => e);
    expect(error).toBeInstanceOf(StoreDamagedError);
    expect((error as StoreDamagedError).backup).toBeUndefined();
    expect((error as Error).message).toContain("doc.json");
  });

  it("reports a file gone while its backup exists (never starts over from nothing)", async () => {
    await writeFile(`${file}.bak`, JSON.stringify({ n: 4, pad: "" }));
    await expect(adapter().read()).rejects.toThrow(StoreDamagedError);
  });

  it("turns ENOSPC into StoreDiskFullError and leaves the stored version and folder as they were", async () => {
    await adapter().write({ n: 1, pad: "" });
    // A disk that fills up while the new version is written.
    const full: WriteText = () => {
      throw Object.assign(new Error("ENOSPC: no space left on device, write"), { code: "ENOSPC" });
    };
    await expect(adapter(full).write({ n: 2, pad: "" })).rejects.toThrow(StoreDiskFullError);
    expect(await adapter().read()).toEqual({ n: 1, pad: "" });
    expect((await readdir(dir)).filter((name) => name.endsWith(".tmp"))).toEqual([]);
  });

  it("leaves one complete version when writes overlap (callers serialise per file, see documents.ts)", async () => {
    const a = adapter();
    await Promise.all(Array.from({ length: 30 }, (_, n) => a.write({ n, pad: "y".repeat(1000 * (30 - n)) })));
    const stored = await adapter().read();
    expect(stored?.pad).toBe("y".repeat(1000 * (30 - (stored?.n ?? 0))));
  });
});
