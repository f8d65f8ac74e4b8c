// The durable JSON store: the only lowdb user. Layout and guarantees: data/README.md.
import { mkdir } from "node:fs/promises";
import { join, resolve } from "node:path";
import type { z } from "zod";
import { DocRegistry, type DocHandle } from "./doc-registry.ts";
import { checkRelativePath, STORE_DIRS, userPath } from "./paths.ts";
import { createReportRepository, type ReportRepository } from "./report-repository.ts";
import type { StoreLogger } from "./store-logger.ts";
import { sweepTempFiles } from "./temp-sweep.ts";
import { EMPTY_SESSION, UserSessionSchema, type UserSession } from "./user-session.ts";

export interface StoreOptions {
  readonly dataDir: string;
  readonly logger: StoreLogger;
  /** Documents kept loaded (LRU); default 256. Memory stays bounded whatever is on disk. */
  readonly cacheSize?: number;
  /** Longest time an index entry that only moves progress waits before its shard is written; default 2 s. */
  readonly indexFlushMs?: number;
  /** This process's id, to tell its own temp files from a dead process's; default process.pid. */
  readonly pid?: number;
}

export interface Store {
  /** Absolute data folder. */
  readonly dataDir: string;
  /**
   * A JSON document under the data folder (e.g. `org.json`), validated by `schema`, `defaults`
   * while the file does not exist. Same path → same handle while cached; use one schema per path.
   */
  doc<T>(relativePath: string, schema: z.ZodType<T>, defaults: T): DocHandle<T>;
  readonly reports: ReportRepository;
  /** users/<userId>.json */
  user(userId: string | number): DocHandle<UserSession>;
  /** Waits for pending writes; the store is unusable afterwards. */
  close(): Promise<void>;
  /** Documents loaded in memory now (for tests and health checks). */
  readonly loadedDocuments: number;
}

export const DEFAULT_CACHE_SIZE = 256;

export async function openStore(options: StoreOptions): Promise<Store> {
  const dataDir = resolve(options.dataDir);
  // lowdb creates no folders.
  for (const dir of STORE_DIRS) await mkdir(join(dataDir, dir), { recursive: true });
  const registry = new DocRegistry({ logger: options.logger, capacity: options.cacheSize ?? DEFAULT_CACHE_SIZE });
  const reports = createReportRepository(dataDir, registry, options.logger, options.indexFlushMs);
  await reports.recoverDirty();
  // Crash leftovers are never read: clean them without delaying the start.
  const swept = sweepTempFiles(dataDir, options.pid ?? process.pid).then(
    (removed) => {
      if (removed > 0) options.logger.warn({ removed }, "store: stray temp files from a killed process removed");
    },
    (error: unknown) => options.logger.warn({ err: error }, "store: temp file sweep failed"),
  );
  const doc = <T>(relativePath: string, schema: z.ZodType<T>, defaults: T): DocHandle<T> => {
    const path = join(dataDir, checkRelativePath(relativePath));
    return registry.handle(path, schema, defaults);
  };
  return {
    dataDir,
    doc,
    reports,
    user: (userId) => doc(userPath(userId), UserSessionSchema, EMPTY_SESSION),
    async close() {
      await registry.idle();
      await reports.flushIndex();
      await registry.close();
      await swept;
    },
    get loadedDocuments() {
      return registry.loaded;
    },
  };
}
