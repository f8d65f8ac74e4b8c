// Last year's published report sent as a file, whatever the channel: while a department has no
// earlier year in nianbao, it is stored as that year, approved, where the interview looks for last
// year's report (prefill, continuity checks). The shells fetch the bytes and send the answer.
import { MAX_INPUT_BYTES } from "../core/import/limits.ts";
import type { ImportFailure, ImportNote } from "../core/import/import-result.ts";
import { T2_BLOCKS, T4_COLUMNS, T4_GROUPS, t2CellId, t4CellId } from "../core/report/format.ts";
import { valueProblem } from "../core/report/schema.ts";
import { importFailureSentence } from "../findings-text.ts";
import type { Translate } from "../i18n.ts";
import type { App } from "./app.ts";
import type { Download } from "./download-limited.ts";
import { isValidYear, rememberUpdate, wasHandled, type ReportKey } from "./report-record.ts";
import { importReport } from "./report-document.ts";

/** Files that may be a published report (also the supervisor's check, channel-commands.ts). */
export const IMPORTABLE = /\.(docx|txt|html?|pdf)$/i;

/** Last year's report sent as a file: what to say, the rows to choose a reading for, and whether the interview then speaks. */
interface ImportAnswer {
  readonly text: string;
  readonly choices: readonly ImportChoice[];
  readonly key?: ReportKey;
  readonly thenInterview: boolean;
}

export function lastYearImport(app: App) {
  return {
    /** A file the person sent, imported when it is last year's report; undefined leaves it to the interview. */
    async importFile(
      person: string,
      name: string,
      download: (maxBytes: number) => Promise<Download>,
      change: { updateId: number; by: string },
      t: Translate,
    ): Promise<ImportAnswer | undefined> {
      const resolved = await app.workspaces(person, app.now());
      if (resolved.kind !== "ready" || !IMPORTABLE.test(name)) return undefined;
      // The year being filled: the import is for an earlier one, while nianbao holds none.
      const { departmentId, year, agency } = resolved.workspace;
      if ((await app.store.reports.listReports([departmentId])).some((entry) => entry.year < year)) return undefined;
      const failed = (reason: ImportFailure): ImportAnswer => ({ text: t("org-import-failed", { reason: importFailureSentence(t, reason) }), choices: [], thenInterview: true });
      // As many bytes as the importer takes (also Telegram's 20 MB bot download limit).
      const got = await download(MAX_INPUT_BYTES);
      if (!got.ok) {
        app.logger.warn({ userId: person }, "years: upload over the limit, cut off");
        return failed("too-large");
      }
      const imported = await importReport({ name, bytes: got.bytes });
      if (!imported.ok) return failed(imported.reason);
      const importedYear = imported.report.meta.year ?? year - 1;
      // This year's (or a later) report: the interview's business.
      if (importedYear >= year) return undefined;
      const report = { ...imported.report, meta: { ...imported.report.meta, year: importedYear, agency: imported.report.meta.agency ?? agency } };
      const key = { departmentId, year: importedYear };
      await app.store.reports.updateReport(
        key,
        (current) => (current !== null && wasHandled(current.handled, change.updateId) ? current : { report, status: "approved", handled: rememberUpdate(current?.handled, change.updateId) }),
        { by: change.by, at: app.now() },
      );
      app.logger.info({ userId: change.by, departmentId, year: importedYear }, "years: last year's report imported");
      const text = t("org-imported", { year: String(importedYear), cells: Object.keys(report.values).length, current: String(year) });
      return { text, choices: importChoices(imported.notes), key, thenInterview: false };
    },

    /** One tap on a reading of an imported row: stored only for the person's own department. */
    async chooseReading(person: string, key: ReportKey, row: string, values: readonly number[], by: string, t: Translate): Promise<{ ok: boolean; text: string }> {
      const target = CHOICE_ROWS.get(row);
      const resolved = await app.workspaces(person, app.now());
      // Forged data may carry any four digits; the store keeps 2000–2100 only.
      const own = resolved.kind === "ready" && resolved.workspace.departmentId === key.departmentId && isValidYear(key.year);
      const stored = own ? await app.store.reports.getReport(key) : null;
      if (target === undefined || stored === null || values.length !== target.cells.length || target.cells.some((id, index) => valueProblem(id, values[index]) !== null)) {
        return { ok: false, text: t("chk-choice-refused") };
      }
      const chosen = Object.fromEntries(target.cells.map((id, index) => [id, values[index] ?? 0]));
      await app.store.reports.updateReport(key, (current) => ({ report: { ...current.report, values: { ...current.report.values, ...chosen } }, status: current.status }), { by, at: app.now() });
      return { ok: true, text: t("chk-chosen", { row: target.label, values: values.join(" | ") }) };
    },
  };
}

// Rows whose figures ran together and read several ways are left empty by the importer; the officer
// picks the reading (own department only, every value through the schema).

/** Rows that may be left for a choice, by a short name that fits in Telegram's callback data (64 bytes). */
const CHOICE_ROWS: ReadonlyMap<string, { label: string; cells: readonly string[] }> = new Map([
  ...T2_BLOCKS.filter((block) => block.columns.length > 1).flatMap((block) =>
    block.rows.map((row) => [`t2.${row.key}`, { label: row.label, cells: block.columns.map((column) => t2CellId(row, column)) }] as const),
  ),
  ...T4_GROUPS.map((group) => [`t4.${group.key}`, { label: [group.kind, group.sub].filter((part) => part !== undefined).join("·"), cells: T4_COLUMNS.map((column) => t4CellId(group.key, column.key)) }] as const),
]);

/** A row left open: its short name, its label, the text as printed and the readings offered. */
export interface ImportChoice {
  readonly row: string;
  readonly label: string;
  readonly printed: string;
  readonly options: readonly (readonly number[])[];
}

/** One choice per row left open; rows that cannot be offered are skipped. */
function importChoices(notes: readonly ImportNote[]): ImportChoice[] {
  return notes.flatMap((note) => {
    const choices = note.choices;
    const row = [...CHOICE_ROWS].find(([, candidate]) => candidate.cells.join() === choices?.cells.join())?.[0];
    if (choices === undefined || row === undefined) return [];
    return [{ row, label: CHOICE_ROWS.get(row)?.label ?? row, printed: String(note.params?.["text"] ?? ""), options: choices.options }];
  });
}
