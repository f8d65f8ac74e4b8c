// Last year's published report sent as a file, whatever the channel: while a department has no
// earlier year in nianbao, it is stored as that year, approved, where the interview looks for last
// year's report (prefill, continuity checks). The shells fetch the bytes and say the outcome.
import { MAX_INPUT_BYTES } from "../core/import/limits.ts";
import type { ImportFailure, ImportNote } from "../core/import/import-result.ts";
import { T2_BLOCKS, T4_COLUMNS, T4_GROUPS, t2CellId, t4CellId } from "../core/report/format.ts";
import { valueProblem } from "../core/report/schema.ts";
import type { App } from "./app.ts";
import { isValidYear, rememberUpdate, wasHandled } from "./report-record.ts";
import { importReport } from "./report-document.ts";

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
      const history = (await app.store.reports.listReports([departmentId])).filter((entry) => entry.year < year);
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
export function importChoices(notes: readonly ImportNote[]): ImportChoice[] {
  return notes.flatMap((note) => {
    const choices = note.choices;
    const row = [...CHOICE_ROWS].find(([, candidate]) => candidate.cells.join() === choices?.cells.join())?.[0];
    if (choices === undefined || row === undefined) return [];
    return [{ row, label: CHOICE_ROWS.get(row)?.label ?? row, printed: String(note.params?.["text"] ?? ""), options: choices.options }];
  });
}

export type ChoiceOutcome = { ok: true; label: string; values: readonly number[] } | { ok: false };

/** Stores a reading for `row` of {departmentId, year} when that is the person's own department's stored report. */
export async function applyImportChoice(app: App, person: string, key: { departmentId: string; year: number }, row: string, values: readonly number[], by: string): Promise<ChoiceOutcome> {
  const target = CHOICE_ROWS.get(row);
  const resolved = await app.workspaces(person, app.now());
  // Forged data may carry any four digits; the store keeps 2000–2100 only.
  const own = resolved.kind === "ready" && resolved.workspace.departmentId === key.departmentId && isValidYear(key.year);
  const stored = own ? await app.store.reports.getReport(key) : null;
  if (target === undefined || stored === null || values.length !== target.cells.length || target.cells.some((id, index) => valueProblem(id, values[index]) !== null)) return { ok: false };
  const chosen = Object.fromEntries(target.cells.map((id, index) => [id, values[index] ?? 0]));
  await app.store.reports.updateReport(key, (current) => ({ report: { ...current.report, values: { ...current.report.values, ...chosen } }, status: current.status }), { by, at: app.now() });
  return { ok: true, label: target.label, values };
}
