// Rows of an imported last-year report whose figures ran together and read several ways (a
// table-二 row of three numbers, a table-四 group) are left empty by the importer; the officer
// picks the right reading, in any channel. A pick is honoured only for the officer's own
// department, and every value passes the schema.
import type { ImportNote } from "../core/import/import-result.ts";
import { T2_BLOCKS, T4_COLUMNS, T4_GROUPS, t2CellId, t4CellId } from "../core/report/format.ts";
import { valueProblem } from "../core/report/schema.ts";
import type { App } from "./app.ts";
import { isValidYear } from "./data-folder.ts";

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
