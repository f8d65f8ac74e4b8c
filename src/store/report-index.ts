// The listing of reports (status and progress per department and year), held in memory: a
// department's entries are derived from its report files the first time it is listed, then kept
// current by every update. Nothing is written for it, so nothing can lag or need repair, and a
// start reads no report at all.
import { INPUT_CELL_IDS } from "../core/report/cells.ts";
import { NARRATIVE_PARTS } from "../core/report/narrative.ts";
import type { ReportRecord } from "../app/report-record.ts";
import type { IndexEntry, Progress } from "../app/store-port.ts";

const REQUIRED_TEXT_IDS = NARRATIVE_PARTS.filter((part) => !part.optional).map((part) => part.id);

export function progressOf(record: ReportRecord): Progress {
  const { values, text } = record.report;
  return {
    cells: INPUT_CELL_IDS.filter((id) => values[id] !== undefined).length,
    cellsTotal: INPUT_CELL_IDS.length,
    texts: REQUIRED_TEXT_IDS.filter((id) => (text[id] ?? "").trim() !== "").length,
    textsTotal: REQUIRED_TEXT_IDS.length,
  };
}

export function indexEntryOf(departmentId: string, year: number, record: ReportRecord): IndexEntry {
  return { departmentId, year, status: record.status, progress: progressOf(record), updatedAt: record.updatedAt, revision: record.revision };
}

export class ReportIndex {
  /** Departments listed at least once: year → entry. */
  readonly #departments = new Map<string, Map<number, IndexEntry>>();
  readonly #loading = new Map<string, Promise<Map<number, IndexEntry>>>();

  /** A department's entries, derived once by `load` (which reads its report files). */
  async department(departmentId: string, load: () => Promise<IndexEntry[]>): Promise<readonly IndexEntry[]> {
    let years = this.#departments.get(departmentId);
    if (years === undefined) {
      let loading = this.#loading.get(departmentId);
      if (loading === undefined) {
        loading = load().then((entries) => {
          const map = this.#departments.get(departmentId) ?? new Map<number, IndexEntry>();
          for (const entry of entries) this.#put(map, entry);
          this.#departments.set(departmentId, map);
          this.#loading.delete(departmentId);
          return map;
        });
        loading.catch(() => this.#loading.delete(departmentId));
        this.#loading.set(departmentId, loading);
      }
      years = await loading;
    }
    return [...years.values()].sort((a, b) => a.year - b.year);
  }

  /** After a durable update: the entry replaces an older one (an older entry never wins). */
  record(entry: IndexEntry): void {
    const years = this.#departments.get(entry.departmentId);
    if (years !== undefined) this.#put(years, entry);
    // A department being loaded gets it too: the load may have read the file before this update.
    void this.#loading.get(entry.departmentId)?.then((map) => this.#put(map, entry));
  }

  clear(): void {
    this.#departments.clear();
  }

  #put(years: Map<number, IndexEntry>, entry: IndexEntry): void {
    const existing = years.get(entry.year);
    if (existing === undefined || existing.revision <= entry.revision) years.set(entry.year, entry);
  }
}
