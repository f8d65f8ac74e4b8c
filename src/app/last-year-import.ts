// Last year's published report sent as a file, whatever the channel: while a department has no
// earlier year in nianbao, it is stored as that year, approved, where the interview looks for last
// year's report (prefill, continuity checks). The shells fetch the bytes and say the outcome.
import { MAX_INPUT_BYTES } from "../core/import/limits.ts";
import type { ImportFailure, ImportNote } from "../core/import/import-result.ts";
import type { App } from "./app.ts";
import { rememberUpdate, wasHandled } from "./report-record.ts";
import { importReport } from "./lazy-documents.ts";

/** As many bytes as the importer takes (also Telegram's 20 MB bot download limit). */
export const MAX_IMPORT_BYTES = MAX_INPUT_BYTES;
const IMPORTABLE = /\.(docx|txt|html?|pdf)$/i;

/** Where an importable file from this person would go. */
export interface ImportTarget {
  readonly departmentId: string;
  /** The year being filled: the import is for an earlier one. */
  readonly year: number;
  readonly agency: string;
}

export type LastYearOutcome =
  | { readonly kind: "failed"; readonly reason: ImportFailure }
  /** The file is this year's (or later) report: the interview's business. */
  | { readonly kind: "not-last-year" }
  | { readonly kind: "imported"; readonly year: number; readonly cells: number; readonly current: number; readonly notes: readonly ImportNote[] };

export interface LastYearImport {
  /** Undefined when a file named so from this person is not last year's report to import. */
  target(person: string, fileName: string): Promise<ImportTarget | undefined>;
  /** Imports and stores; `updateId` keeps the same message delivered again from importing twice. */
  store(target: ImportTarget, file: { name: string; bytes: Uint8Array }, change: { updateId: number; by: string }): Promise<LastYearOutcome>;
}

export function createLastYearImport(app: App): LastYearImport {
  return {
    async target(person, fileName) {
      const resolved = await app.workspaces(person, app.now());
      if (resolved.kind !== "ready" || !IMPORTABLE.test(fileName)) return undefined;
      const { departmentId, year, agency } = resolved.workspace;
      const history = (await app.store.reports.listReports({ departmentId })).filter((entry) => entry.year < year);
      return history.length > 0 ? undefined : { departmentId, year, agency };
    },

    async store(target, file, change) {
      const imported = await importReport(file);
      if (!imported.ok) return { kind: "failed", reason: imported.reason };
      const importedYear = imported.report.meta.year ?? target.year - 1;
      if (importedYear >= target.year) return { kind: "not-last-year" };
      const report = { ...imported.report, meta: { ...imported.report.meta, year: importedYear, agency: imported.report.meta.agency ?? target.agency } };
      await app.store.reports.updateReport(
        { departmentId: target.departmentId, year: importedYear },
        (current) => (current !== null && wasHandled(current.handled, change.updateId) ? current : { report, status: "approved", handled: rememberUpdate(current?.handled, change.updateId) }),
        { by: change.by, at: app.now() },
      );
      app.logger.info({ userId: change.by, departmentId: target.departmentId, year: importedYear }, "years: last year's report imported");
      return { kind: "imported", year: importedYear, cells: Object.keys(report.values).length, current: target.year, notes: imported.notes };
    },
  };
}
