// The durable JSON store: the only lowdb user, implementing the app's Store (src/app/store-port.ts).
// Layout and guarantees: data/README.md.
import { mkdir } from "node:fs/promises";
import { join, resolve } from "node:path";
import type { DocHandle, Store } from "../app/store-port.ts";
import { EMPTY_SESSION, UserSessionSchema, type UserSession } from "../app/user-session.ts";
import { Documents, type DocType } from "./documents.ts";
import type { OpenFile } from "./durable-file.ts";
import { checkLegacyJournal } from "./legacy-journal.ts";
import { checkRelativePath, STORE_DIRS, userPath } from "./paths.ts";
import { createReportRepository } from "./report-repository.ts";
import type { StoreLogger } from "./store-logger.ts";
import { lockStore } from "./store-lock.ts";
import { linkTree } from "./snapshot.ts";
import { sweepTempFiles } from "./temp-sweep.ts";

export type { Store };

export interface StoreOptions {
  readonly dataDir: string;
  readonly logger: StoreLogger;
  /** Documents kept loaded (LRU); default 4096. Memory stays bounded whatever is on disk. */
  readonly cacheSize?: number;
  /** This process's id, to tell its own temp files from a dead process's; default process.pid. */
  readonly pid?: number;
  /** How files are opened for writing (tests inject a full disk). */
  readonly openFile?: OpenFile;
}

/**
 * An active officer touches a few documents (session, report): 4096 keeps ~1 300 officers
 * answering at once without rereading and revalidating their reports on every answer.
 */
export const DEFAULT_CACHE_SIZE = 4096;

export async function openStore(options: StoreOptions): Promise<Store> {
  const dataDir = resolve(options.dataDir);
  // lowdb creates no folders.
  for (const dir of STORE_DIRS) await mkdir(join(dataDir, dir), { recursive: true });
  const pid = options.pid ?? process.pid;
  const lock = await lockStore(dataDir, pid);
  try {
    await checkLegacyJournal(dataDir);
  } catch (error) {
    // Nothing half-open keeps the folder: the next attempt (or another process) may take it.
    await lock.release();
    throw error;
  }
  const documents = new Documents({ dataDir, capacity: options.cacheSize ?? DEFAULT_CACHE_SIZE, ...(options.openFile === undefined ? {} : { openFile: options.openFile }) });
  const reports = createReportRepository(dataDir, documents, options.logger);
  // Crash leftovers are never read: after an unclean stop, clean them without delaying the start.
  const swept = (lock.uncleanStop ? sweepTempFiles(dataDir, pid) : Promise.resolve(0)).then(
    (removed) => {
      if (removed > 0) options.logger.warn({ removed }, "store: stray temp files from a killed process removed");
    },
    (error: unknown) => options.logger.warn({ err: error }, "store: temp file sweep failed"),
  );
  const doc = <T>(relativePath: string, type: DocType<T>): DocHandle<T> => documents.handle(checkRelativePath(relativePath), type);
  const plain = <T>(schema: { parse: (data: unknown) => T }, defaults: T): DocType<T> => ({ parse: (data) => schema.parse(data), check: (next) => schema.parse(next), defaults });
  return {
    dataDir,
    doc: (relativePath, schema, defaults) => doc(relativePath, plain(schema, defaults)),
    reports,
    user: (userId): DocHandle<UserSession> => doc(userPath(userId), plain(UserSessionSchema, EMPTY_SESSION)),
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
