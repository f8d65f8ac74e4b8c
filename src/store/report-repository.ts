// Reports on top of the document registry: one file per report, history appended on every change,
// the department's index shard updated after the report is durable (and rebuildable from reports).
import { readdir } from "node:fs/promises";
import { join } from "node:path";
import type { DocHandle, DocRegistry } from "./doc-registry.ts";
import { EMPTY_SHARD, IndexShardSchema, indexEntryOf, withEntry, type IndexEntry, type IndexShard } from "./report-index.ts";
import { StoreCorruptError } from "./durable-file.ts";
import { checkId, INDEX_DIR, isValidId, indexShardPath, REPORTS_DIR, reportPath, type ReportKey } from "./paths.ts";
import {
  diffReports,
  HistoryEntrySchema,
  InstantSchema,
  newReportRecord,
  ReportRecordSchema,
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
  /** Atomic update (a new report starts empty, status draft); resolves once report and index are durable. */
  updateReport(key: ReportKey, fn: (current: ReportRecord) => ReportDraft, change: ReportChange): Promise<ReportRecord>;
  /** Index entries matching the filter, ordered by department then year. */
  listReports(filter?: ReportFilter): Promise<IndexEntry[]>;
  /** Rewrites every index shard from the report files. */
  rebuildIndex(): Promise<RebuildResult>;
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

export function createReportRepository(dataDir: string, registry: DocRegistry, logger: StoreLogger): ReportRepository {
  const abs = (relative: string): string => join(dataDir, relative);
  const reportDoc = (key: ReportKey): DocHandle<ReportRecord | null> => registry.handle(abs(reportPath(key)), NullableRecordSchema, null);
  const shardDoc = (departmentId: string): DocHandle<IndexShard> => registry.handle(abs(indexShardPath(departmentId)), IndexShardSchema, EMPTY_SHARD);

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

  async function readShard(departmentId: string): Promise<IndexShard> {
    const path = abs(indexShardPath(departmentId));
    try {
      return (await registry.peek(path, IndexShardSchema)) ?? EMPTY_SHARD;
    } catch (error) {
      if (!(error instanceof StoreCorruptError)) throw error;
      logger.warn({ file: path }, "store: index shard unreadable, rebuilding it from the reports");
      await rebuildDepartment(departmentId, []);
      return (await registry.peek(path, IndexShardSchema)) ?? EMPTY_SHARD;
    }
  }

  return {
    getReport: async (key) => reportDoc(key).read(),

    async updateReport(key, fn, change) {
      const at = InstantSchema.parse(change.at);
      const saved = await reportDoc(key).update((stored) => {
        const current = stored ?? newReportRecord(key.year);
        // fn gets its own copy: if it mutated `current` in place, the diff below would see no change.
        const draft = fn(structuredClone(current));
        const changes = change.changes ?? diffReports(current, draft);
        const entries = changes.map((c) => HistoryEntrySchema.parse({ by: change.by, at, cell: c.cell, old: c.old, new: c.new }));
        const next: ReportRecord = {
          report: draft.report,
          status: draft.status,
          history: [...current.history, ...entries],
          updatedAt: at,
          revision: current.revision + 1,
        };
        if (draft.interview !== undefined) next.interview = draft.interview;
        // Kept when the draft does not mention it (lifecycle changes), so dedupe survives them.
        const handled = draft.handled ?? current.handled;
        if (handled !== undefined) next.handled = handled;
        return next;
      });
      if (saved === null) throw new Error("store: report update produced no record");
      // The index follows the durable report; if this write fails, rebuildIndex() repairs it.
      await shardDoc(key.departmentId).update((shard) => withEntry(shard, indexEntryOf(key.departmentId, key.year, saved)));
      return saved;
    },

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

    async rebuildIndex() {
      const departments = new Set(await listNames(abs(REPORTS_DIR)));
      for (const name of await listNames(abs(INDEX_DIR))) if (name.endsWith(".json")) departments.add(name.slice(0, -".json".length));
      const valid = [...departments].filter((id) => isValidId(id));
      const unreadable: string[] = [];
      const counts = await inBatches(valid, (departmentId) => rebuildDepartment(departmentId, unreadable));
      return { departments: valid.length, reports: counts.reduce((a, b) => a + b, 0), unreadable };
    },
  };
}
