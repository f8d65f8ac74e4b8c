// Reports on top of the document registry: one file per report (changes journaled first, see
// report-journal.ts), history appended on every change, the department's index shard updated after
// the change is durable — at once for a new report or a status change, otherwise at the next
// checkpoint (index-writer.ts); rebuildable from reports.
import { readdir, rm } from "node:fs/promises";
import { join } from "node:path";
import type { DocHandle, DocRegistry, JournalLink } from "./doc-registry.ts";
import { EMPTY_SHARD, IndexShardSchema, indexEntryOf, withEntry, type IndexEntry, type IndexShard } from "./report-index.ts";
import { StoreCorruptError } from "./durable-file.ts";
import { checkReportChange, ReportSchema } from "../core/report/schema.ts";
import { IndexWriter } from "./index-writer.ts";
import { checkId, DIRTY_DIR, INDEX_DIR, isValidId, indexShardPath, REPORTS_DIR, reportPath, type ReportKey } from "./paths.ts";
import {
  diffReports,
  HandledSchema,
  HistoryEntrySchema,
  InstantSchema,
  newReportRecord,
  ReportRecordSchema,
  ReportStatusSchema,
  type CellChange,
  type ReportDraft,
  type ReportRecord,
  type ReportStatus,
} from "./report-record.ts";
import type { StoreLogger } from "./store-logger.ts";

export interface ReportChange {
  /** Who changed it (e.g. `tg:123456`). */
  readonly by: string;
  /** When, as an ISO instant; the store never reads the clock. */
  readonly at: string;
  /** What to record in history; computed from the two versions when omitted. */
  readonly changes?: readonly CellChange[];
}

export interface ReportFilter {
  readonly departmentId?: string;
  readonly departmentIds?: readonly string[];
  readonly year?: number;
  readonly status?: ReportStatus;
}

export interface RebuildResult {
  readonly departments: number;
  readonly reports: number;
  readonly unreadable: readonly string[];
}

export interface ReportRepository {
  /** The stored record, or null when the report was never saved. */
  getReport(key: ReportKey): Promise<ReportRecord | null>;
  /** The stored record itself, no copy (the per-answer path): read-only for the caller. */
  readReport(key: ReportKey): Promise<ReportRecord | null>;
  /**
   * Atomic update (a new report starts empty, status draft); resolves once the report is durable
   * (and its index entry: written, or recoverable from a durable marker, see index-writer.ts).
   * `fn` gets the stored record itself and must not mutate it; returning it unchanged writes
   * nothing (no revision, no history). The result is the stored record: read-only.
   */
  updateReport(key: ReportKey, fn: (current: ReportRecord) => ReportDraft, change: ReportChange): Promise<ReportRecord>;
  /** Index entries matching the filter, ordered by department then year. */
  listReports(filter?: ReportFilter): Promise<IndexEntry[]>;
  /** Rewrites every index shard from the report files. */
  rebuildIndex(): Promise<RebuildResult>;
}

/** What the store itself calls besides the public API. */
export interface StoreReportRepository extends ReportRepository {
  /** Re-derives the shards of departments marked dirty when the last process died; returns how many. */
  recoverDirty(): Promise<number>;
  /** Writes the deferred index entries (on close). */
  flushIndex(): Promise<void>;
  /** Re-derives the shards of these departments from their report files (after journal replay). */
  reindex(departmentIds: readonly string[]): Promise<void>;
}

const NullableRecordSchema = ReportRecordSchema.nullable();
const SCAN_BATCH = 64;

async function inBatches<T, R>(items: readonly T[], fn: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = [];
  for (let i = 0; i < items.length; i += SCAN_BATCH) results.push(...(await Promise.all(items.slice(i, i + SCAN_BATCH).map(fn))));
  return results;
}

async function listNames(dir: string): Promise<string[]> {
  try {
    return (await readdir(dir)).filter((name) => !name.startsWith(".")).sort();
  } catch (error) {
    if (error instanceof Error && "code" in error && error.code === "ENOENT") return [];
    throw error;
  }
}

/** Reports journaled (see report-journal.ts): how changes are recorded and how files catch up. */
export interface ReportJournaling {
  readonly link: JournalLink;
  /** Writes every journaled change to the report files (and the index). */
  readonly checkpoint: () => Promise<void>;
}

export function createReportRepository(
  dataDir: string,
  registry: DocRegistry,
  logger: StoreLogger,
  journaling?: ReportJournaling,
): StoreReportRepository {
  const abs = (relative: string): string => join(dataDir, relative);
  const reportDoc = (key: ReportKey): DocHandle<ReportRecord | null> => registry.handle(abs(reportPath(key)), NullableRecordSchema, null, journaling?.link);
  const shardDoc = (departmentId: string): DocHandle<IndexShard> => registry.handle(abs(indexShardPath(departmentId)), IndexShardSchema, EMPTY_SHARD);
  const index = new IndexWriter({ shardDoc });
  /** Rebuilding reads report files: they must hold every journaled change first. */
  const filesCurrent = async (): Promise<void> => journaling?.checkpoint();

  /** Recomputes one department's shard from its report files (a corrupt shard is replaced). */
  async function rebuildDepartment(departmentId: string, unreadable: string[]): Promise<number> {
    const names = await listNames(abs(`${REPORTS_DIR}/${departmentId}`));
    const years = names.filter((name) => /^\d{4}\.json$/.test(name)).map((name) => Number(name.slice(0, 4)));
    const entries: IndexEntry[] = [];
    for (const year of years) {
      const path = abs(reportPath({ departmentId, year }));
      try {
        const record = await registry.peek(path, ReportRecordSchema);
        if (record !== null) entries.push(indexEntryOf(departmentId, year, record));
      } catch (error) {
        unreadable.push(path);
        logger.error({ file: path, err: error }, "store: report unreadable while rebuilding the index");
      }
    }
    const present = new Set(years);
    // Entries for years whose file is gone are dropped; a newer entry written meanwhile stays.
    const rebuild = (shard: IndexShard): IndexShard => entries.reduce(withEntry, { entries: shard.entries.filter((e) => present.has(e.year)) });
    try {
      await shardDoc(departmentId).update(rebuild);
    } catch (error) {
      if (!(error instanceof StoreCorruptError)) throw error;
      await registry.overwrite(abs(indexShardPath(departmentId)), IndexShardSchema, rebuild(EMPTY_SHARD));
    }
    return entries.length;
  }

  async function readStoredShard(departmentId: string): Promise<IndexShard> {
    const path = abs(indexShardPath(departmentId));
    try {
      return (await registry.peek(path, IndexShardSchema)) ?? EMPTY_SHARD;
    } catch (error) {
      if (!(error instanceof StoreCorruptError)) throw error;
      logger.warn({ file: path }, "store: index shard unreadable, rebuilding it from the reports");
      await filesCurrent();
      await rebuildDepartment(departmentId, []);
      return (await registry.peek(path, IndexShardSchema)) ?? EMPTY_SHARD;
    }
  }

  /** The shard with the entries still waiting to be written. */
  const readShard = async (departmentId: string): Promise<IndexShard> => index.overlay(departmentId, await readStoredShard(departmentId));

  return {
    getReport: async (key) => reportDoc(key).read(),

    async updateReport(key, fn, change) {
      const at = InstantSchema.parse(change.at);
      const seen: { before: ReportRecord | null } = { before: null };
      const saved = await reportDoc(key).apply((stored) => {
        seen.before = stored;
        const current = stored ?? newReportRecord(key.year);
        const draft = fn(current);
        if (stored !== null && draft === current) return stored;
        // Only what is new is validated: the stored part was validated when it was read from disk.
        const report = stored === null ? ReportSchema.parse(draft.report) : checkReportChange(current.report, draft.report);
        const status = draft.status === current.status ? current.status : ReportStatusSchema.parse(draft.status);
        const changes = change.changes ?? diffReports(current, { ...draft, report, status });
        const entries = changes.map((c) => HistoryEntrySchema.parse({ by: change.by, at, cell: c.cell, old: c.old, new: c.new }));
        const next: ReportRecord = { report, status, history: [...current.history, ...entries], updatedAt: at, revision: current.revision + 1 };
        if (draft.interview !== undefined) next.interview = draft.interview;
        // Kept when the draft does not mention it (lifecycle changes), so dedupe survives them.
        const handled = draft.handled === undefined || draft.handled === current.handled ? current.handled : HandledSchema.parse(draft.handled);
        if (handled !== undefined) next.handled = handled;
        return next;
      });
      if (saved === null) throw new Error("store: report update produced no record");
      const previous = seen.before;
      if (saved === previous) return saved;
      // The index follows the durable report; a new report or a status change is written at once.
      const urgent = previous === null || previous.status !== saved.status;
      await index.record(indexEntryOf(key.departmentId, key.year, saved), urgent);
      return saved;
    },

    readReport: async (key) => reportDoc(key).view(),

    async listReports(filter = {}) {
      const ids =
        filter.departmentId !== undefined
          ? [filter.departmentId]
          : filter.departmentIds !== undefined
            ? [...filter.departmentIds]
            : (await listNames(abs(INDEX_DIR))).filter((name) => name.endsWith(".json")).map((name) => name.slice(0, -".json".length));
      const shards = await inBatches(ids.map((id) => checkId("departmentId", id)), readShard);
      return shards
        .flatMap((shard) => shard.entries)
        .filter((e) => (filter.year === undefined || e.year === filter.year) && (filter.status === undefined || e.status === filter.status))
        .sort((a, b) => (a.departmentId < b.departmentId ? -1 : a.departmentId > b.departmentId ? 1 : a.year - b.year));
    },

    async recoverDirty() {
      const marked = (await listNames(abs(DIRTY_DIR))).filter((id) => isValidId(id));
      const unreadable: string[] = [];
      await inBatches(marked, async (departmentId) => {
        await rebuildDepartment(departmentId, unreadable);
        await rm(abs(`${DIRTY_DIR}/${departmentId}`), { force: true });
      });
      if (marked.length > 0) logger.warn({ departments: marked.length }, "store: index shards re-derived after an unclean stop");
      return marked.length;
    },

    flushIndex: () => index.flush(),

    async reindex(departmentIds) {
      await inBatches([...new Set(departmentIds)].filter(isValidId), (departmentId) => rebuildDepartment(departmentId, []));
    },

    async rebuildIndex() {
      await filesCurrent();
      const departments = new Set(await listNames(abs(REPORTS_DIR)));
      for (const name of await listNames(abs(INDEX_DIR))) if (name.endsWith(".json")) departments.add(name.slice(0, -".json".length));
      const valid = [...departments].filter((id) => isValidId(id));
      const unreadable: string[] = [];
      const counts = await inBatches(valid, (departmentId) => rebuildDepartment(departmentId, unreadable));
      return { departments: valid.length, reports: counts.reduce((a, b) => a + b, 0), unreadable };
    },
  };
}
