// One file for `nianbao check`: a report.json, or a published report (.txt/.html/.docx/.pdf)
// imported on the fly. Never throws for a bad file: the folder table needs a row for each.
import { basename } from "node:path";
import { importReport } from "../core/import/import-report.ts";
import type { ImportFailure, ImportNote } from "../core/import/import-result.ts";
import { checkTrial, type TrialReport } from "../core/import/trial-2019.ts";
import { checkReport } from "../core/report/check.ts";
import type { Finding } from "../core/report/findings.ts";
import { parseReport, type Report } from "../core/report/schema.ts";
import { looksLikeJson, readInput } from "./io.ts";

export type Checked =
  | { readonly ok: true; readonly report: Report; readonly imported: boolean; readonly notes: readonly ImportNote[]; readonly findings: readonly Finding[]; readonly open: readonly string[] }
  | { readonly ok: false; readonly reason: ImportFailure | "json-invalid" | "report-invalid"; readonly notes: readonly ImportNote[] };

/** Cells left empty because their row reads several ways (the officer chooses). */
export function openCells(notes: readonly ImportNote[]): string[] {
  return notes.flatMap((note) => (note.code === "row-ambiguous" ? [...(note.choices?.cells ?? [])] : []));
}

export async function checkOne(path: string, lastYear: Report | undefined): Promise<Checked> {
  const bytes = await readInput(path);
  const check = (report: Report, imported: boolean, notes: readonly ImportNote[], trial?: TrialReport): Checked => ({
    ok: true,
    report,
    imported,
    notes,
    // A 2019 trial report is checked by its own arithmetic, not against the 2021 form.
    findings: trial === undefined ? checkReport(report, lastYear === undefined ? {} : { lastYear }) : checkTrial(trial),
    open: openCells(notes),
  });
  if (!looksLikeJson(bytes)) {
    const result = await importReport({ name: basename(path), bytes });
    if (!result.ok) return { ok: false, reason: result.reason, notes: result.notes };
    return check(result.report, true, result.notes, result.format === "2019" ? result.trial : undefined);
  }
  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder("utf-8").decode(bytes).replace(/^\uFEFF/u, ""));
  } catch {
    return { ok: false, reason: "json-invalid", notes: [] };
  }
  const parsed = parseReport(json);
  return parsed.ok ? check(parsed.report, false, []) : { ok: false, reason: "report-invalid", notes: [] };
}

/** Exit status: 0 clean, 1 hard-rule violations, 2 unreadable, 3 incomplete (cells to choose). */
export function exitOf(checked: Checked): number {
  if (!checked.ok) return 2;
  if (checked.findings.some((finding) => finding.severity === "error")) return 1;
  return checked.open.length > 0 ? 3 : 0;
}
