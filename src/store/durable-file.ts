// A lowdb Adapter that survives crashes: temp file → fsync → rename → fsync the folder, with the
// previous good version kept as `<file>.bak` and used when the file is empty, truncated or corrupt.
// lowdb's own JSONFile does not fsync and throws on an empty file (see stack-notes.md).
import { copyFile, link, mkdir, open, readFile, rename, rm, type FileHandle } from "node:fs/promises";
import { basename, dirname, join } from "node:path";
import type { Adapter } from "lowdb";
import { syncDir } from "./dir-sync.ts";
import type { StoreLogger } from "./store-logger.ts";

/** Thrown when a file and its backup are both unreadable; the caller decides what to do. */
export class StoreCorruptError extends Error {
  constructor(
    readonly file: string,
    readonly reason: string,
    readonly backupReason: string,
  ) {
    super(`store: ${file} is unreadable (${reason}) and so is its backup ${file}.bak (${backupReason})`);
    this.name = "StoreCorruptError";
  }
}

export interface DurableFileOptions<T> {
  /** Validates parsed JSON; throws when the content is not acceptable. */
  readonly parse: (data: unknown) => T;
  readonly logger: StoreLogger;
}

type Candidate<T> = { kind: "missing" } | { kind: "ok"; data: T } | { kind: "bad"; reason: string };

let tempCounter = 0;
function tempName(path: string): string {
  tempCounter += 1;
  return join(dirname(path), `.${basename(path)}.${process.pid}.${tempCounter}.tmp`);
}

function errorCode(error: unknown): string | undefined {
  return error instanceof Error && "code" in error && typeof error.code === "string" ? error.code : undefined;
}

/** Opens a new file, creating its folder (durably) the first time, e.g. reports/<department>/. */
async function openNew(path: string): Promise<FileHandle> {
  try {
    return await open(path, "wx");
  } catch (error) {
    if (errorCode(error) !== "ENOENT") throw error;
  }
  await mkdir(dirname(path), { recursive: true });
  await syncDir(dirname(dirname(path)));
  return open(path, "wx");
}

export class DurableFile<T> implements Adapter<T> {
  readonly path: string;
  readonly backupPath: string;
  readonly #options: DurableFileOptions<T>;
  #tail: Promise<unknown> = Promise.resolve();
  /** True when the file on disk is known good, so it may become the backup. */
  #trusted = false;

  constructor(path: string, options: DurableFileOptions<T>) {
    this.path = path;
    this.backupPath = `${path}.bak`;
    this.#options = options;
  }

  /** The stored data, null when neither file nor backup exists; recovers from the backup with a warning. */
  read(): Promise<T | null> {
    return this.#serial(() => this.#readNow());
  }

  /** Resolves only once the data is on disk for good (file and folder entry fsynced). */
  write(data: T): Promise<void> {
    return this.#serial(() => this.#writeNow(data));
  }

  #serial<R>(task: () => Promise<R>): Promise<R> {
    const result = this.#tail.then(task);
    this.#tail = result.catch(() => undefined);
    return result;
  }

  async #candidate(path: string): Promise<Candidate<T>> {
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
      return { kind: "ok", data: this.#options.parse(json) };
    } catch (error) {
      return { kind: "bad", reason: `invalid content: ${error instanceof Error ? error.message.slice(0, 200) : String(error)}` };
    }
  }

  async #readNow(): Promise<T | null> {
    const main = await this.#candidate(this.path);
    if (main.kind === "ok") {
      this.#trusted = true;
      return main.data;
    }
    this.#trusted = false;
    const backup = await this.#candidate(this.backupPath);
    if (main.kind === "missing" && backup.kind === "missing") return null;
    if (backup.kind === "ok") {
      const reason = main.kind === "bad" ? main.reason : "missing";
      this.#options.logger.warn({ file: this.path, reason }, "store: file unreadable, recovered from its backup");
      return backup.data;
    }
    const reason = main.kind === "bad" ? main.reason : "missing";
    throw new StoreCorruptError(this.path, reason, backup.kind === "bad" ? backup.reason : "missing");
  }

  async #writeNow(data: T): Promise<void> {
    const text = JSON.stringify(data, null, 2);
    const temp = tempName(this.path);
    try {
      // The backup only has to be in place before the rename: link it while the new data syncs.
      // Never let a corrupt file (read recovered from the backup) overwrite the good backup.
      const backup = this.#trusted ? this.#keepBackup() : Promise.resolve();
      const written = this.#writeTemp(temp, text);
      const [wrote, kept] = await Promise.allSettled([written, backup]);
      if (wrote.status === "rejected") throw wrote.reason;
      if (kept.status === "rejected") throw kept.reason;
      await rename(temp, this.path);
    } catch (error) {
      await rm(temp, { force: true });
      throw error;
    }
    // The rename is only durable once the folder entry is (one fsync serves concurrent writers).
    await syncDir(dirname(this.path));
    this.#trusted = true;
  }

  async #writeTemp(temp: string, text: string): Promise<void> {
    const handle = await openNew(temp);
    try {
      await handle.writeFile(text, "utf8");
      await handle.sync();
    } finally {
      await handle.close();
    }
  }

  /** The current file becomes `.bak`: a hard link (no copy) swapped in atomically; copy where links fail. */
  async #keepBackup(): Promise<void> {
    const temp = tempName(this.backupPath);
    try {
      await link(this.path, temp);
    } catch (error) {
      const code = errorCode(error);
      if (code === "ENOENT") return;
      if (code !== "EPERM" && code !== "EXDEV" && code !== "ENOTSUP" && code !== "EMLINK") throw error;
      await copyFile(this.path, temp);
    }
    try {
      await rename(temp, this.backupPath);
    } finally {
      // rename() is a no-op when both names already link the same file (POSIX): drop the extra name.
      await rm(temp, { force: true });
    }
  }
}
