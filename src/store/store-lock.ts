// One process per data folder (two would cache documents and overwrite each other's answers). The lock
// is the folder .lock holding one empty file `<pid>-<nonce>`, taken by renaming a prepared folder onto
// it: rename(2) replaces only a missing or empty folder, so one racer wins, its name already in place. A
// dead owner is freed by unlinking exactly its name, never a lock a live racer took meanwhile.
// flock(2) has no Node binding; the native packages that add one need a compiler at install.
import { randomBytes } from "node:crypto";
import { mkdir, readdir, readFile, rename, rm, rmdir, stat, unlink, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { errorCode } from "./durable-file.ts";

export const LOCK_FILE = ".lock";

export class StoreLockedError extends Error {
  constructor(
    readonly dataDir: string,
    readonly pid: number,
  ) {
    super(`store: ${dataDir} is in use by process ${pid}; stop it first (or delete ${join(dataDir, LOCK_FILE)} if no such process runs)`);
    this.name = "StoreLockedError";
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists but belongs to someone else.
    return errorCode(error) === "EPERM";
  }
}

/** uncleanStop: the previous owner never released the folder (killed, power lost); crash leftovers may exist. */
export type StoreLock = { readonly release: () => Promise<void>; readonly uncleanStop: boolean };

const OWNER = /^(\d+)-[0-9a-f]+$/;
const MAX_ATTEMPTS = 100;

/** Takes the data folder for this process, or throws StoreLockedError naming the live owner. */
export async function lockStore(dataDir: string, pid = process.pid): Promise<StoreLock> {
  const path = join(dataDir, LOCK_FILE);
  const owner = `${pid}-${randomBytes(6).toString("hex")}`;
  const prepared = join(dataDir, `${LOCK_FILE}.${owner}.tmp`);
  await mkdir(prepared);
  await writeFile(join(prepared, owner), "");
  let uncleanStop = false;
  try {
    for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt += 1) {
      try {
        await rename(prepared, path);
        const release = async (): Promise<void> => {
          await unlink(join(path, owner)).catch(() => undefined);
          // Fails harmlessly when another process has already taken the emptied folder.
          await rmdir(path).catch(() => undefined);
        };
        return { release, uncleanStop };
      } catch (error) {
        const code = errorCode(error);
        if (code === "ENOTDIR") {
          // A lock file of an earlier release: its pid, or nothing if it is being removed.
          uncleanStop = true;
          await freeLegacyLock(dataDir, path);
          continue;
        }
        if (code !== "ENOTEMPTY" && code !== "EEXIST") throw error;
      }
      // Held: by a live process (refuse), or by a dead one (free exactly its name, then retry).
      for (const name of await readdir(path).catch(() => [])) {
        const holder = Number(OWNER.exec(name)?.[1]);
        if (Number.isInteger(holder) && holder !== pid && alive(holder)) throw new StoreLockedError(dataDir, holder);
        uncleanStop = true;
        await unlink(join(path, name)).catch(() => undefined);
      }
    }
    throw new Error(`store: could not take ${path} after ${MAX_ATTEMPTS} attempts`);
  } finally {
    await rm(prepared, { recursive: true, force: true });
  }
}

async function freeLegacyLock(dataDir: string, path: string): Promise<void> {
  const text = await readFile(path, "utf8").catch(() => "");
  const holder = Number(text.trim());
  if (Number.isInteger(holder) && holder > 0 && holder !== process.pid && alive(holder)) throw new StoreLockedError(dataDir, holder);
  // unlink never removes a folder: if a racer has already put its lock folder there, this fails.
  if ((await stat(path).catch(() => undefined))?.isFile() === true) await unlink(path).catch(() => undefined);
}
