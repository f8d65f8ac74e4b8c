// Reports: one lowdb document per report, history appended on every change. The listing lives only
// in memory (derived from a department's files when first listed, then kept current by every update),
// so nothing can lag and a start reads no report. A damaged report is left out of listings (doctor).
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
import { checkId, isValidId, namesIn, REPORTS_DIR, reportPath } from "./paths.ts";

/** The little the store needs from a logger; a pino Logger fits. */
export interface StoreLogger {
  warn(obj: object, msg: string): void;
  error(obj: object, msg: string): void;
}

const SCAN_BATCH = 64;

async function inBatches<T, R>(items: readonly T[], fn: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = [];
  for (let i = 0; i < items.length; i += SCAN_BATCH) results.push(...(await Promise.all(items.slice(i, i + SCAN_BATCH).map(fn))));
  return results;
}

function indexEntryOf(departmentId: string, year: number, record: ReportRecord): IndexEntry {
  return { departmentId, year, status: record.status, revision: record.revision };
}

/** An entry replaces an older one, never a newer one (a load may have read the file before an update). */
function put(years: Map<number, IndexEntry>, entry: IndexEntry): void {
  const existing = years.get(entry.year);
  if (existing === undefined || existing.revision <= entry.revision) years.set(entry.year, entry);
}

export const REPORT_TYPE: DocType<ReportRecord | null> = {
  parse: (data) => ReportRecordSchema.parse(data),
  defaults: null,
  describeBackup: (record) => (record === null ? {} : { revision: record.revision, updatedAt: record.updatedAt }),
  // The repository builds and checks every record it stores (updateReport below).
  check: (next) => next,
};

export function createReportRepository(dataDir: string, documents: Documents, logger: StoreLogger): ReportRepository {
  /** Departments listed at least once (or being loaded): year → entry. */
  const index = new Map<string, Promise<Map<number, IndexEntry>>>();
  const doc = (key: ReportKey) => documents.handle(reportPath(key), REPORT_TYPE);
  /** Typed damage names the report, so the shells can tell its officer and the office. */
  const named = (key: ReportKey) => (error: unknown): never => {
    if (error instanceof StoreDamagedError && error.report === undefined) throw new StoreDamagedError(error.file, error.reason, error.backup, key);
    throw error;
  };

  async function loadDepartment(departmentId: string): Promise<Map<number, IndexEntry>> {
    const years = new Map<number, IndexEntry>();
    const files = await namesIn(join(dataDir, REPORTS_DIR, departmentId), (name) => /^\d{4}\.json$/.test(name));
    for (const year of files.map((name) => Number(name.slice(0, 4)))) {
      try {
        const record = await documents.peek(reportPath({ departmentId, year }), REPORT_TYPE);
        if (record !== null) put(years, indexEntryOf(departmentId, year, record));
      } catch (error) {
        if (!(error instanceof StoreDamagedError)) throw error;
        logger.error({ file: error.file, reason: error.reason }, "store: report damaged, left out of listings (see npx nianbao doctor)");
      }
    }
    return years;
  }

  /** A department's entries, derived from its files on first use. */
  function department(departmentId: string): Promise<Map<number, IndexEntry>> {
    const known = index.get(departmentId);
    if (known !== undefined) return known;
    const loading = loadDepartment(departmentId);
    loading.catch(() => {
      if (index.get(departmentId) === loading) index.delete(departmentId);
    });
    index.set(departmentId, loading);
    return loading;
  }

  const departmentIds = (): Promise<string[]> => namesIn(join(dataDir, REPORTS_DIR), isValidId);
  const read = async (key: ReportKey): Promise<ReportRecord | null> => doc(key).read().catch(named(key));

  return {
    getReport: read,

    async updateReport(key, fn, change) {
      const at = InstantSchema.parse(change.at);
      const by = HistoryEntrySchema.shape.by.parse(change.by);
      const saved = await doc(key)
        .update((stored) => {
          const current = stored ?? newReportRecord(key.year);
          const draft = fn(current);
          if (stored !== null && draft === current) return stored;
          // Only what is new is validated: the stored part was validated when it was read from disk.
          const report = stored === null ? ReportSchema.parse(draft.report) : checkReportChange(current.report, draft.report);
          const status = draft.status === current.status ? current.status : ReportStatusSchema.parse(draft.status);
          // Checked once: cells and values come from the two validated versions.
          const entries = diffReports(current, { ...draft, report, status }).map((c) => ({ by, at, ...c }));
          const next: ReportRecord = { report, status, history: [...current.history, ...entries], updatedAt: at, revision: current.revision + 1 };
          if (draft.interview !== undefined) next.interview = draft.interview;
          // Kept when the draft does not mention it (lifecycle changes), so dedupe survives them.
          const handled = draft.handled === undefined || draft.handled === current.handled ? current.handled : HandledSchema.parse(draft.handled);
          if (handled !== undefined) next.handled = handled;
          return next;
        })
        .catch(named(key));
      if (saved === null) throw new Error("store: report update produced no record");
      // Only a department listed before keeps entries (an officer answering alone has none to update).
      const listed = index.get(key.departmentId);
      void listed?.then((years) => put(years, indexEntryOf(key.departmentId, key.year, saved)), () => undefined);
      return saved;
    },

    async listReports(ids) {
      const departments = await inBatches(
        (ids ?? (await departmentIds())).map((id) => checkId("departmentId", id)),
        async (id) => [...(await department(id)).values()],
      );
      return departments
        .flat()
        .sort((a, b) => (a.departmentId < b.departmentId ? -1 : a.departmentId > b.departmentId ? 1 : a.year - b.year));
    },
  };
}
