// A lowdb Adapter that survives crashes: temp file → fsync → rename → fsync the folder, so an update
// resolves only once it is on disk for good. The previous version stays as `<file>.bak` (a hard
// link, swapped in before the rename). A file that cannot be read is reported (StoreDamagedError),
// never silently replaced by its backup: that would drop acknowledged changes unseen.
// lowdb's own JSONFile (steno) renames without any fsync and throws on an empty file (stack-notes.md).
import { closeSync, copyFileSync, fsync, linkSync, openSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { mkdir, open as fsOpen, readFile, unlink } from "node:fs/promises";
import { promisify } from "node:util";
import { basename, dirname, join } from "node:path";
import type { Adapter } from "lowdb";
import { StoreDamagedError, StoreDiskFullError, type BackupState } from "../app/store-port.ts";

/** How the temp file's text is written; tests inject failures (a full disk) here. */
export type WriteText = (fd: number, text: string) => void;

interface DurableFileOptions<T> {
  /** Validates parsed JSON; throws when the content is not acceptable. */
  readonly parse: (data: unknown) => T;
  /** The path as reported in errors (relative to the data folder). */
  readonly name: string;
  /** What a readable backup holds, for the damage report (reports: revision and time). */
  readonly describeBackup?: ((data: T) => BackupState) | undefined;
  readonly writeText?: WriteText | undefined;
}

type Candidate<T> = { kind: "missing" } | { kind: "ok"; data: T } | { kind: "bad"; reason: string };

let tempCounter = 0;
function tempName(path: string): string {
  tempCounter += 1;
  return join(dirname(path), `.${basename(path)}.${process.pid}.${tempCounter}.tmp`);
}

export function errorCode(error: unknown): string | undefined {
  return error instanceof Error && "code" in error && typeof error.code === "string" ? error.code : undefined;
}

const fsyncFd = promisify(fsync);

/** A new temp file, open for writing; the first in a new folder (reports/<department>/) makes the folder, durably. */
async function openTemp(temp: string): Promise<number> {
  try {
    return openSync(temp, "wx");
  } catch (error) {
    if (errorCode(error) !== "ENOENT") throw error;
    await mkdir(dirname(temp), { recursive: true });
    await fsyncPath(dirname(dirname(temp)));
    return openSync(temp, "wx");
  }
}

/** fsync of a folder (its entries) or of a file written elsewhere. */
export async function fsyncPath(path: string): Promise<void> {
  const handle = await fsOpen(path, "r");
  await handle.sync().finally(() => handle.close());
}

/** Reads and validates one file: missing, ok, or bad with the reason. */
async function readCandidate<T>(path: string, parse: (data: unknown) => T): Promise<Candidate<T>> {
  let text: string;
  try {
    text = await readFile(path, "utf8");
  } catch (error) {
    if (errorCode(error) === "ENOENT") return { kind: "missing" };
    throw error;
  }
  if (text.trim() === "") return { kind: "bad", reason: "empty" };
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { kind: "bad", reason: "not valid JSON (truncated?)" };
  }
  try {
    return { kind: "ok", data: parse(json) };
  } catch (error) {
    return { kind: "bad", reason: `invalid content: ${error instanceof Error ? error.message.slice(0, 200) : String(error)}` };
  }
}

export class DurableFile<T> implements Adapter<T> {
  readonly backupPath: string;

  constructor(
    readonly path: string,
    private readonly options: DurableFileOptions<T>,
  ) {
    this.backupPath = `${path}.bak`;
  }

  /** The stored data, null when the file does not exist; throws StoreDamagedError when unreadable. */
  async read(): Promise<T | null> {
    const main = await readCandidate(this.path, this.options.parse);
    if (main.kind === "ok") return main.data;
    if (main.kind === "missing") {
      // Only a crash between the first write's steps leaves a backup without its file: still damage.
      if ((await readCandidate(this.backupPath, this.options.parse)).kind === "missing") return null;
    }
    throw new StoreDamagedError(this.options.name, main.kind === "bad" ? main.reason : "missing, its backup exists", await this.#backupState());
  }

  /** Resolves only once the data is on disk for good (file and folder entry fsynced). */
  async write(data: T): Promise<void> {
    const temp = tempName(this.path);
    let file: number | undefined;
    let folder: number | undefined;
    try {
      // Calls the page cache answers at once run on this thread: a trip through libuv's pool costs
      // more than the call (two thread wake-ups). The fsyncs and the backup's unlink wait there.
      // Serialised before the first await: the caller may hand the data on once write() returns.
      const text = JSON.stringify(data);
      file = await openTemp(temp);
      (this.options.writeText ?? writeFileSync)(file, text);
      const synced = fsyncFd(file);
      try {
        await this.#keepBackup();
        folder = openSync(dirname(this.path), "r");
      } finally {
        await synced;
      }
      renameSync(temp, this.path);
      await fsyncFd(folder);
    } catch (error) {
      rmSync(temp, { force: true });
      const code = errorCode(error);
      if (code === "ENOSPC" || code === "EDQUOT") throw new StoreDiskFullError(this.options.name, { cause: error });
      throw error;
    } finally {
      for (const fd of [file, folder]) if (fd !== undefined) closeSync(fd);
    }
  }

  async #backupState(): Promise<BackupState | undefined> {
    const backup = await readCandidate(this.backupPath, this.options.parse).catch(() => ({ kind: "missing" }) as const);
    if (backup.kind !== "ok") return undefined;
    return this.options.describeBackup?.(backup.data) ?? {};
  }

  // The current file becomes `.bak`: a hard link (no copy), a copy where links fail. A crash between
  // the unlink and the link leaves no backup for a moment, never a wrong one: the file is intact.
  async #keepBackup(): Promise<void> {
    // Unlinking the old backup frees its blocks: slow enough to belong in the pool.
    await unlink(this.backupPath).catch((error: unknown) => {
      if (errorCode(error) !== "ENOENT") throw error;
    });
    try {
      linkSync(this.path, this.backupPath);
    } catch (error) {
      const code = errorCode(error);
      // No file yet; or an overlapping write (callers serialise, see documents.ts) linked it first.
      if (code === "ENOENT" || code === "EEXIST") return;
      if (code !== "EPERM" && code !== "EXDEV" && code !== "ENOTSUP" && code !== "EMLINK") throw error;
      copyFileSync(this.path, this.backupPath);
    }
  }
}
