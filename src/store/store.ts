// The durable JSON store: the only lowdb user. Layout and guarantees: data/README.md.
import { mkdir } from "node:fs/promises";
import { join, resolve } from "node:path";
import type { z } from "zod";
import { DocRegistry, type DocHandle } from "./doc-registry.ts";
import { Checkpointer, DEFAULT_CHECKPOINT_MS, DEFAULT_SEGMENT_BYTES } from "./checkpointer.ts";
import { Journal } from "./journal.ts";
import { checkRelativePath, JOURNAL_DIR, reportKeyOf, STORE_DIRS, userPath } from "./paths.ts";
import { replayReports, reportJournalLink } from "./report-journal.ts";
import { createReportRepository, type ReportRepository } from "./report-repository.ts";
import type { StoreLogger } from "./store-logger.ts";
import { lockStore } from "./store-lock.ts";
import { sweepTempFiles } from "./temp-sweep.ts";
import { EMPTY_SESSION, UserSessionSchema, type UserSession } from "./user-session.ts";

export interface StoreOptions {
  readonly dataDir: string;
  readonly logger: StoreLogger;
  /** Documents kept loaded (LRU); default 4096. Memory stays bounded whatever is on disk. */
  readonly cacheSize?: number;
  /** Longest time an answer lives only in the journal before its report file is rewritten; default 30 s. */
  readonly checkpointMs?: number;
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
  /** Writes every journaled change to its report file now (they are durable in the journal already). */
  flush(): Promise<void>;
  /** Waits for pending writes; the store is unusable afterwards. */
  close(): Promise<void>;
  /** Documents loaded in memory now (for tests and health checks). */
  readonly loadedDocuments: number;
}

/**
 * An active officer touches three documents (session, report, index shard): 4096 keeps ~1 300
 * officers answering at once without rereading and revalidating their reports on every answer.
 */
export const DEFAULT_CACHE_SIZE = 4096;

export async function openStore(options: StoreOptions): Promise<Store> {
  const dataDir = resolve(options.dataDir);
  // lowdb creates no folders.
  for (const dir of STORE_DIRS) await mkdir(join(dataDir, dir), { recursive: true });
  const pid = options.pid ?? process.pid;
  const lock = await lockStore(dataDir, pid);
  const unlock = lock.release;
  try {
    const registry = new DocRegistry({ logger: options.logger, capacity: options.cacheSize ?? DEFAULT_CACHE_SIZE });
    const journalDir = join(dataDir, JOURNAL_DIR);
    // Changes acknowledged before the last stop but not yet in their files: replayed before any read.
    const replayed = await replayReports(dataDir, journalDir, registry);
    for (const problem of replayed.problems) options.logger.error({ file: problem.path, reason: problem.reason }, "store: journal replay problem (segments kept in journal/kept/)");
    if (replayed.documents.length > 0) options.logger.warn({ reports: replayed.documents.length, entries: replayed.entries }, "store: journal replayed after an unclean stop");
    const journal = await Journal.open(journalDir);
    // Each needs the other: the checkpoint flushes the repository's index, answers wake the checkpoint.
    const checkpoints: Checkpointer = new Checkpointer({
      journal,
      registry,
      flushIndex: () => reports.flushIndex(),
      logger: options.logger,
      intervalMs: options.checkpointMs ?? DEFAULT_CHECKPOINT_MS,
      maxSegmentBytes: DEFAULT_SEGMENT_BYTES,
    });
    const reports = createReportRepository(dataDir, registry, options.logger, {
      link: reportJournalLink(dataDir, journal, () => checkpoints.changed()),
      checkpoint: () => checkpoints.run(),
    });
    await reports.reindex(replayed.touched.flatMap((path) => reportKeyOf(path)?.departmentId ?? []));
    await reports.recoverDirty();
    // Crash leftovers are never read: after an unclean stop, clean them without delaying the start
    // (a walk of every folder, so not after a clean one: 10 000 reports mean 10 000 folders).
    const sweep = lock.uncleanStop ? sweepTempFiles(dataDir, pid) : Promise.resolve(0);
    const swept = sweep.then(
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
      flush: () => checkpoints.run(),
      async close() {
        await registry.idle();
        await checkpoints.close();
        await reports.flushIndex();
        await registry.close();
        await swept;
        await unlock();
      },
      get loadedDocuments() {
        return registry.loaded;
      },
    };
  } catch (error) {
    // Nothing half-open keeps the folder: the next attempt (or another process) may take it.
    await unlock();
    throw error;
  }
}
