// What an import returns; notes are codes, worded in locales/<lang>/import.ftl as `import-<code>`.
import type { Report } from "../report/schema.ts";
import type { TrialReport } from "./trial-2019.ts";

export const IMPORT_FAILURES = [
  "empty",
  "binary",
  "unreadable",
  "legacy-doc",
  "not-a-docx",
  "broken-docx",
  "not-a-report",
  "format-2019",
  "too-large",
  "broken-pdf",
  "encrypted-pdf",
  "scanned-pdf",
] as const;
export type ImportFailure = (typeof IMPORT_FAILURES)[number];

export const IMPORT_NOTE_CODES = [
  "cell-blank",
  "cell-unreadable",
  "row-missing",
  "row-blank",
  "row-unreadable",
  "row-split-resolved",
  "row-ambiguous",
  "rows-chosen-despite-violations",
  "row-duplicate",
  "table-missing",
  "printed-total-kept",
  "printed-total-unverified",
  "section-missing",
  "part-missing",
  "year-inferred",
  "year-missing",
  "agency-missing",
  "trial-format-2019",
  "trial-2019-no-counterpart",
] as const;
export type ImportNoteCode = (typeof IMPORT_NOTE_CODES)[number];

export interface ImportNote {
  /** A note code, or a failure code when a shell words a failure the same way. */
  readonly code: ImportNoteCode | ImportFailure;
  readonly cell?: string;
  readonly part?: string;
  readonly params?: Readonly<Record<string, string | number>>;
  /** A row read several ways (cells run together): its cells and every reading, for the officer to choose. */
  readonly choices?: { readonly cells: readonly string[]; readonly options: readonly (readonly number[])[] };
}

export type ImportResult =
  | { ok: true; report: Report; format: "2021"; notes: ImportNote[] }
  /** 国办公开办函〔2019〕60号: the trial report in its own shape; `report` holds the cells that correspond to 2021. */
  | { ok: true; report: Report; format: "2019"; trial: TrialReport; notes: ImportNote[] }
  | { ok: false; reason: ImportFailure; notes: ImportNote[] };

export function importFailed(reason: ImportFailure, notes: ImportNote[] = []): ImportResult {
  return { ok: false, reason, notes };
}
