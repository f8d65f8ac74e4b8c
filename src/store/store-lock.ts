// One process per data folder: the journal's segments are written and deleted by the process that
// owns them, so a second process (say `npx nianbao admin` while the bot runs) replaying and
// deleting them would lose answers. The owner's pid sits in <data>/.lock; a lock whose process is
// gone (SIGKILL, power cut) is taken over.
import { open, readFile, rename, rm } from "node:fs/promises";
import { join } from "node:path";

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
    return error instanceof Error && "code" in error && error.code === "EPERM";
  }
}

async function holder(path: string): Promise<number | undefined> {
  try {
    const pid = Number((await readFile(path, "utf8")).trim());
    return Number.isInteger(pid) && pid > 0 ? pid : undefined;
  } catch {
    return undefined;
  }
}

export interface StoreLock {
  readonly release: () => Promise<void>;
  /** The folder's previous owner never released it (killed, or power lost): crash leftovers may exist. */
  readonly uncleanStop: boolean;
}

/** Takes the data folder for this process. */
export async function lockStore(dataDir: string, pid = process.pid): Promise<StoreLock> {
  const path = join(dataDir, LOCK_FILE);
  const release = (): Promise<void> => rm(path, { force: true });
  try {
    const handle = await open(path, "wx");
    await handle.writeFile(`${pid}\n`);
    await handle.close();
    return { release, uncleanStop: false };
  } catch (error) {
    if (!(error instanceof Error && "code" in error && error.code === "EEXIST")) throw error;
  }
  const owner = await holder(path);
  // This process already holds it (a test reopening a folder), or the owner is gone.
  if (owner !== undefined && owner !== pid && alive(owner)) throw new StoreLockedError(dataDir, owner);
  const temp = `${path}.${pid}.tmp`;
  const handle = await open(temp, "w");
  await handle.writeFile(`${pid}\n`);
  await handle.close();
  await rename(temp, path);
  return { release, uncleanStop: true };
}
