// Snapshots for backups: every update resolved (or queued) before the snapshot is in it, none
// requested after it; the snapshot's files are links that later writes never change; a packed
// archive restores only when every hash and document checks out.
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { z } from "zod";
import { BackupDamagedError, packBackup, unpackBackup } from "../../src/store/backup-archive.ts";
import { openStore, type Store } from "../../src/store/store.ts";
import { recordingLogger } from "./helpers.ts";

const Counter = z.object({ n: z.number() });
let dir = "";
let store: Store | undefined;
afterEach(async () => {
  await store?.close();
  store = undefined;
  if (dir !== "") await rm(dir, { recursive: true, force: true });
});

const read = async (path: string): Promise<unknown> => JSON.parse(await readFile(path, "utf8"));

describe("store snapshot", () => {
  it("holds what was acknowledged or queued before it, nothing requested after it", async () => {
    dir = await mkdtemp(join(tmpdir(), "nianbao-snapshot-"));
    store = await openStore({ dataDir: join(dir, "data"), logger: recordingLogger() });
    const a = store.doc("a.json", Counter, { n: 0 });
    const b = store.doc("b.json", Counter, { n: 0 });
    await a.update(() => ({ n: 1 }));
    // Queued before the snapshot, not yet resolved: it is waited for.
    const queued = b.update(() => ({ n: 5 }));
    const snapshot = store.snapshot(join(dir, "snap", "data"));
    // Requested after the snapshot began: it waits at the barrier.
    const after = a.update(() => ({ n: 2 }));
    expect(await snapshot).toEqual(["a.json", "b.json"]);
    await Promise.all([queued, after]);
    expect(await read(join(dir, "snap", "data", "a.json"))).toEqual({ n: 1 });
    expect(await read(join(dir, "snap", "data", "b.json"))).toEqual({ n: 5 });
    expect(await read(join(dir, "data", "a.json"))).toEqual({ n: 2 });
    // Later writes replace files by rename: the linked snapshot never changes.
    await a.update(() => ({ n: 3 }));
    expect(await read(join(dir, "snap", "data", "a.json"))).toEqual({ n: 1 });

    const archive = join(dir, "backup.tar.gz");
    const manifest = await packBackup(join(dir, "snap"), archive, { format: 2, release: "test", createdAt: "2026-12-06T00:00:00Z" });
    expect(Object.keys(manifest.files)).toEqual(["a.json", "b.json"]);
    const { dataDir } = await unpackBackup(archive, join(dir, "out"));
    expect(await read(join(dataDir, "b.json"))).toEqual({ n: 5 });

    // A file changed after packing (the manifest no longer matches) is named.
    await writeFile(join(dir, "snap", "data", "b.json"), '{"n":6}');
    await writeFile(join(dir, "snap", "manifest.json"), JSON.stringify(manifest));
    const { create } = await import("tar");
    const tampered = join(dir, "tampered.tar.gz");
    await create({ gzip: true, file: tampered, cwd: join(dir, "snap") }, ["manifest.json", "data/a.json", "data/b.json"]);
    const refused = await unpackBackup(tampered, join(dir, "out2")).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(BackupDamagedError);
    expect(refused).toMatchObject({ file: "b.json", reason: "does not match its SHA-256" });
  });
});
