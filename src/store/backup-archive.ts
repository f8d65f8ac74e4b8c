// Backup archives: a snapshot folder packed with the `tar` package (streaming gzip; no archive code
// of our own), `manifest.json` first with the data format and a SHA-256 per file, the data under
// `data/`. Unpacking checks every hash and reads every document as the store would (doctor).
import { createHash } from "node:crypto";
import { mkdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import * as tar from "tar";
import { z } from "zod";
import { diagnose } from "./doctor.ts";
import { fsyncPath } from "./durable-file.ts";
import { dataFiles } from "./paths.ts";

const MANIFEST_FILE = "manifest.json";
const DATA = "data";

const ManifestSchema = z.object({
  kind: z.literal("nianbao-backup"),
  format: z.number().int().positive(),
  release: z.string(),
  createdAt: z.string(),
  files: z.record(z.string(), z.string().regex(/^[0-9a-f]{64}$/)),
});
type Manifest = z.infer<typeof ManifestSchema>;

/** An archive that cannot be restored, with the reason and, when one file is at fault, its name. */
export class BackupDamagedError extends Error {
  constructor(
    readonly archive: string,
    readonly reason: string,
    readonly file?: string,
  ) {
    super(`backup ${archive} is damaged: ${reason}${file === undefined ? "" : ` (${file})`}`);
    this.name = "BackupDamagedError";
  }
}

const sha256 = async (path: string): Promise<string> => createHash("sha256").update(await readFile(path)).digest("hex");

/** Packs `snapshotDir` (files under `data/`) into `archive` via a temp name: a half-written one is never final. */
export async function packBackup(snapshotDir: string, archive: string, meta: { format: number; release: string; createdAt: string }): Promise<Manifest> {
  const files: Record<string, string> = {};
  for (const file of await dataFiles(join(snapshotDir, DATA))) files[file] = await sha256(join(snapshotDir, DATA, file));
  const manifest: Manifest = { kind: "nianbao-backup", ...meta, files };
  await writeFile(join(snapshotDir, MANIFEST_FILE), `${JSON.stringify(manifest, null, 2)}\n`);
  await mkdir(dirname(archive), { recursive: true });
  const temp = `${archive}.${process.pid}.tmp`;
  try {
    await tar.c({ gzip: true, file: temp, cwd: snapshotDir, portable: true }, [MANIFEST_FILE, ...Object.keys(files).map((f) => `${DATA}/${f}`)]);
    await fsyncPath(temp);
    await rename(temp, archive);
  } finally {
    await rm(temp, { force: true });
  }
  return manifest;
}

/** Unpacks `archive` into `into` and checks it; returns the manifest and the data folder inside. */
export async function unpackBackup(archive: string, into: string): Promise<{ manifest: Manifest; dataDir: string }> {
  await mkdir(into, { recursive: true });
  try {
    await tar.x({ file: archive, cwd: into, strict: true });
  } catch (error) {
    throw new BackupDamagedError(archive, error instanceof Error ? error.message : String(error));
  }
  let manifest: Manifest;
  try {
    manifest = ManifestSchema.parse(JSON.parse(await readFile(join(into, MANIFEST_FILE), "utf8")));
  } catch {
    throw new BackupDamagedError(archive, "manifest.json missing or invalid", MANIFEST_FILE);
  }
  const dataDir = join(into, DATA);
  await mkdir(dataDir, { recursive: true });
  const present = new Set(await dataFiles(dataDir));
  for (const [file, expected] of Object.entries(manifest.files)) {
    if (!present.has(file)) throw new BackupDamagedError(archive, "missing from the archive", file);
    if ((await sha256(join(dataDir, file))) !== expected) throw new BackupDamagedError(archive, "does not match its SHA-256", file);
  }
  const extra = [...present].find((file) => manifest.files[file] === undefined);
  if (extra !== undefined) throw new BackupDamagedError(archive, "not listed in manifest.json", extra);
  const report = await diagnose(dataDir);
  const bad = report.damaged[0];
  if (bad !== undefined) throw new BackupDamagedError(archive, bad.reason, bad.file);
  return { manifest, dataDir };
}
