// The checkpoint on real files: it writes what the journal holds to the document's file and drops
// the covered segments, also while answers and checkpoint requests interleave.
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { z } from "zod";
import { Checkpointer } from "../../src/store/checkpointer.ts";
import { DocRegistry, type JournalLink } from "../../src/store/doc-registry.ts";
import { diffJson } from "../../src/store/json-delta.ts";
import { Journal, listSegments } from "../../src/store/journal.ts";
import { recordingLogger, tempDir } from "./helpers.ts";

let dir: string;
let cleanup: () => Promise<void>;
beforeEach(async () => ({ dir, cleanup } = await tempDir()));
afterEach(async () => cleanup());

const Doc = z.object({ n: z.number(), revision: z.number() });

describe("checkpointer", () => {
  it("writes the journaled document and deletes the segments, with answers arriving meanwhile", async () => {
    const logger = recordingLogger();
    const journal = await Journal.open(join(dir, "journal"));
    const registry = new DocRegistry({ logger, capacity: 4 });
    let flushes = 0;
    const checkpointer = new Checkpointer({ journal, registry, flushIndex: async () => void (flushes += 1), logger, intervalMs: 60_000, maxSegmentBytes: 1 << 30 });
    const link: JournalLink = {
      record: (path, before, after) => journal.append({ path, from: (before as { revision: number }).revision, to: (after as { revision: number }).revision, ops: diffJson(before, after) }),
    };
    const doc = registry.handle(join(dir, "a.json"), Doc, { n: 0, revision: 0 }, link);
    for (let n = 1; n <= 5; n += 1) await doc.apply((current) => ({ n, revision: current.revision + 1 }));
    expect(registry.dirty).toBe(1);
    expect(await listSegments(journal.dir)).toHaveLength(1);

    // 50 answers, each asking for a checkpoint (as a full segment does) while one may be running.
    await Promise.all(
      Array.from({ length: 50 }, async (_, i) => {
        await doc.apply((current) => ({ n: 100 + i, revision: current.revision + 1 }));
        await checkpointer.run();
      }),
    );
    expect(flushes).toBeLessThanOrEqual(5);
    await checkpointer.run();
    expect(registry.dirty).toBe(0);
    expect(await listSegments(journal.dir)).toEqual([]);
    expect(JSON.parse(await readFile(join(dir, "a.json"), "utf8"))).toEqual({ n: 149, revision: 55 });
    await checkpointer.close();
    await registry.close();
  });
});
