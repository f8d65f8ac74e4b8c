// Reports: one lowdb document per report (reports/<departmentId>/<year>.json), history appended on
// every change, the listing kept in memory (report-index.ts). A report that cannot be read is a
// StoreDamagedError for whoever asks, and is left out of listings (`npx nianbao doctor` names it).
import { readdir } from "node:fs/promises";
import { join } from "node:path";
import { checkReportChange, ReportSchema } from "../core/report/schema.ts";
import {
  diffReports,
  HandledSchema,
  HistoryEntrySchema,
  InstantSchema,
  newReportRecord,
  ReportRecordSchema,
  ReportStatusSchema,
  type ReportKey,
  type ReportRecord,
} from "../app/report-record.ts";
import { StoreDamagedError, type IndexEntry, type ReportRepository } from "../app/store-port.ts";
import type { Documents, DocType } from "./documents.ts";
import { checkId, isValidId, REPORTS_DIR, reportPath } from "./paths.ts";
import { indexEntryOf, ReportIndex } from "./report-index.ts";
import type { StoreLogger } from "./store-logger.ts";

const SCAN_BATCH = 64;

async function inBatches<T, R>(items: readonly T[], fn: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = [];
  for (let i = 0; i < items.length; i += SCAN_BATCH) results.push(...(await Promise.all(items.slice(i, i + SCAN_BATCH).map(fn))));
  return results;
}

export async function listNames(dir: string): Promise<string[]> {
  try {
    return (await readdir(dir)).filter((name) => !name.startsWith(".")).sort();
  } catch (error) {
    if (error instanceof Error && "code" in error && error.code === "ENOENT") return [];
    throw error;
  }
}

/** The years with a report file in a department's folder. */
export async function reportYears(dataDir: string, departmentId: string): Promise<number[]> {
  const names = await listNames(join(dataDir, REPORTS_DIR, departmentId));
  return names.filter((name) => /^\d{4}\.json$/.test(name)).map((name) => Number(name.slice(0, 4)));
}

const REPORT_TYPE: DocType<ReportRecord | null> = {
  parse: (data) => ReportRecordSchema.parse(data),
  defaults: null,
  describeBackup: (record) => (record === null ? {} : { revision: record.revision, updatedAt: record.updatedAt }),
  // The repository builds and checks every record it stores (updateReport below).
  check: (next) => next,
};

export function createReportRepository(dataDir: string, documents: Documents, logger: StoreLogger): ReportRepository {
  const index = new ReportIndex();
  const doc = (key: ReportKey) => documents.handle(reportPath(key), REPORT_TYPE);
  /** Typed damage names the report, so the shells can tell its officer and the office. */
  const named = (key: ReportKey) => (error: unknown): never => {
    if (error instanceof StoreDamagedError && error.report === undefined) throw new StoreDamagedError(error.file, error.reason, error.backup, key);
    throw error;
  };

  async function loadDepartment(departmentId: string, unreadable: string[] = []): Promise<IndexEntry[]> {
    const entries: IndexEntry[] = [];
    for (const year of await reportYears(dataDir, departmentId)) {
      const key = { departmentId, year };
      try {
        const record = await documents.peek(reportPath(key), REPORT_TYPE);
        if (record !== null) entries.push(indexEntryOf(departmentId, year, record));
      } catch (error) {
        if (!(error instanceof StoreDamagedError)) throw error;
        unreadable.push(error.file);
        logger.error({ file: error.file, reason: error.reason }, "store: report damaged, left out of listings (see npx nianbao doctor)");
      }
    }
    return entries;
  }

  const read = async (key: ReportKey): Promise<ReportRecord | null> => doc(key).read().catch(named(key));

  return {
    getReport: read,

    async updateReport(key, fn, change) {
      const at = InstantSchema.parse(change.at);
      const saved = await doc(key)
        .update((stored) => {
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
        })
        .catch(named(key));
      if (saved === null) throw new Error("store: report update produced no record");
      index.record(indexEntryOf(key.departmentId, key.year, saved));
      return saved;
    },

    async listReports(filter = {}) {
      const ids =
        filter.departmentId !== undefined
          ? [filter.departmentId]
          : filter.departmentIds !== undefined
            ? [...filter.departmentIds]
            : (await listNames(join(dataDir, REPORTS_DIR))).filter((id) => isValidId(id));
      const departments = await inBatches(
        ids.map((id) => checkId("departmentId", id)),
        (id) => index.department(id, () => loadDepartment(id)),
      );
      return departments
        .flat()
        .filter((e) => (filter.year === undefined || e.year === filter.year) && (filter.status === undefined || e.status === filter.status))
        .sort((a, b) => (a.departmentId < b.departmentId ? -1 : a.departmentId > b.departmentId ? 1 : a.year - b.year));
    },

    async rebuildIndex() {
      index.clear();
      const departments = (await listNames(join(dataDir, REPORTS_DIR))).filter((id) => isValidId(id));
      const unreadable: string[] = [];
      const counts = await inBatches(departments, async (id) => (await index.department(id, () => loadDepartment(id, unreadable))).length);
      return { departments: departments.length, reports: counts.reduce((a, b) => a + b, 0), unreadable };
    },
  };
}
