// The durable JSON store: the only lowdb user, implementing the app's Store (src/app/store-port.ts).
// Layout and guarantees: data/README.md.
import { copyFile, link, mkdir, rm } from "node:fs/promises";
import { basename, dirname, join, resolve } from "node:path";
import type { DocHandle, Store } from "../app/store-port.ts";
import { UserSessionSchema } from "../app/user-session.ts";
import { Documents } from "./documents.ts";
import { errorCode, type WriteText } from "./durable-file.ts";
import { checkLegacyJournal } from "./format.ts";
import { checkRelativePath, dataFiles, filesUnder, REPORTS_DIR, userPath } from "./paths.ts";
import { createReportRepository, type StoreLogger } from "./report-repository.ts";
import { lockStore } from "./store-lock.ts";

export type { Store };

interface StoreOptions {
  readonly dataDir: string;
  readonly logger: StoreLogger;
  /** Documents kept loaded (LRU); default 4096. Memory stays bounded whatever is on disk. */
  readonly cacheSize?: number;
  /** This process's id, to tell its own temp files from a dead process's; default process.pid. */
  readonly pid?: number;
  /** How the store writes a file's text (tests inject a full disk). */
  readonly writeText?: WriteText;
}

/** An officer touches a few documents (session, report): 4096 keeps ~1 300 answering without rereads. */
const DEFAULT_CACHE_SIZE = 4096;

/** A temp file of durable-file.ts: `.<name>.<pid>.<n>.tmp`. */
const TEMP = /^\..+\.(\d+)\.\d+\.tmp$/;

/** Removes a killed process's temp files: one process uses a folder, so another pid's are a dead one's. */
async function sweepTempFiles(dataDir: string, ownPid: number): Promise<number> {
  const stray = (await filesUnder(dataDir)).filter((file) => {
    const pid = TEMP.exec(basename(file))?.[1];
    return pid !== undefined && Number(pid) !== ownPid;
  });
  for (const file of stray) await rm(join(dataDir, file), { force: true });
  return stray.length;
}

/** Hard-links every data file into `into`: writes replace files by rename, so a linked inode never changes. */
async function linkTree(dataDir: string, into: string): Promise<string[]> {
  const files = await dataFiles(dataDir);
  const made = new Set<string>();
  for (const file of files) {
    const target = join(into, file);
    // One mkdir per folder, not per file: the bot's writes wait while this runs.
    if (!made.has(dirname(target))) {
      await mkdir(dirname(target), { recursive: true });
      made.add(dirname(target));
    }
    await link(join(dataDir, file), target).catch(async (error: unknown) => {
      if (errorCode(error) !== "EXDEV" && errorCode(error) !== "EPERM") throw error;
      await copyFile(join(dataDir, file), target);
    });
  }
  return files;
}

export async function openStore(options: StoreOptions): Promise<Store> {
  const dataDir = resolve(options.dataDir);
  // lowdb creates no folders.
  for (const dir of [REPORTS_DIR, "users"]) await mkdir(join(dataDir, dir), { recursive: true });
  const pid = options.pid ?? process.pid;
  const lock = await lockStore(dataDir, pid);
  try {
    await checkLegacyJournal(dataDir);
  } catch (error) {
    // Nothing half-open keeps the folder: the next attempt (or another process) may take it.
    await lock.release();
    throw error;
  }
  const documents = new Documents({ dataDir, capacity: options.cacheSize ?? DEFAULT_CACHE_SIZE, writeText: options.writeText });
  const reports = createReportRepository(dataDir, documents, options.logger);
  // Crash leftovers are never read: after an unclean stop, clean them without delaying the start.
  const swept = (lock.uncleanStop ? sweepTempFiles(dataDir, pid) : Promise.resolve(0)).then(
    (removed) => {
      if (removed > 0) options.logger.warn({ removed }, "store: stray temp files from a killed process removed");
    },
    (error: unknown) => options.logger.warn({ err: error }, "store: temp file sweep failed"),
  );
  const doc = <T>(relativePath: string, schema: { parse: (data: unknown) => T }, defaults: T): DocHandle<T> =>
    documents.handle(checkRelativePath(relativePath), { parse: (data) => schema.parse(data), check: (next) => schema.parse(next), defaults });
  return {
    dataDir,
    doc,
    reports,
    user: (userId) => doc(userPath(userId), UserSessionSchema, {}),
    flush: () => documents.idle(),
    snapshot: (into) => documents.hold(() => linkTree(dataDir, into)),
    async close() {
      await documents.close();
      await swept;
      await lock.release();
    },
    get loadedDocuments() {
      return documents.loaded;
    },
  };
}
