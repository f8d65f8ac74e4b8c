// `nianbao check <report.json|published file|folder> [--last-year report.json] [--json]`.
// A published report (.txt/.html/.docx/.pdf) is imported on the fly; a folder gives one row per
// report (agency, year, imported cells, violations) for a supervisor checking departments.
// Exit 0 clean, 1 violations, 2 unreadable, 3 incomplete (cells that read several ways).
import { readdir, stat } from "node:fs/promises";
import { extname, join } from "node:path";
import type { ImportNote } from "../../core/import/import-result.ts";
import { checkTrial } from "../../core/import/trial-2019.ts";
import { checkReport } from "../../core/report/check.ts";
import { errorsOf, warningsOf, type Finding } from "../../core/report/findings.ts";
import type { Report } from "../../core/report/schema.ts";
import { findingSentence, importNoteSentence } from "../../findings-text.ts";
import type { Translate } from "../../i18n.ts";
import type { CliArgs, CliContext } from "../cli-context.ts";
import { CliError } from "../cli-context.ts";
import { loadReport, readReport, type Loaded } from "../report-files.ts";

const EXTENSIONS = new Set([".txt", ".html", ".htm", ".docx", ".pdf", ".json"]);
/** Indexed by exit status. */
const STATUSES = ["clean", "violations", "unreadable", "incomplete"] as const;
/** Worst first: unreadable, violations, incomplete, clean. */
const SEVERITY = [2, 1, 3, 0];

type Checked =
  | Extract<Loaded, { ok: false }>
  | (Extract<Loaded, { ok: true }> & { readonly findings: readonly Finding[]; readonly open: readonly string[] });

async function checkFile(path: string, lastYear: Report | undefined, t: Translate): Promise<Checked> {
  const loaded = await loadReport(path, t);
  if (!loaded.ok) return loaded;
  return {
    ...loaded,
    // A 2019 trial report is checked by its own arithmetic, not against the 2021 form.
    findings: loaded.trial === undefined ? checkReport(loaded.report, lastYear === undefined ? {} : { lastYear }) : checkTrial(loaded.trial),
    // Cells left empty because their row reads several ways (the officer chooses).
    open: loaded.notes.flatMap((note) => (note.code === "row-ambiguous" ? [...(note.choices?.cells ?? [])] : [])),
  };
}

function exitOf(checked: Checked): number {
  if (!checked.ok) return 2;
  if (checked.findings.some((finding) => finding.severity === "error")) return 1;
  return checked.open.length > 0 ? 3 : 0;
}

/** Columns padded to their widest cell (CJK characters count two). */
function table(rows: readonly (readonly string[])[]): string[] {
  const width = (text: string): number => [...text].reduce((sum, char) => sum + (/[\u2e80-\u9fff\uac00-\ud7af\uf900-\ufaff\uff00-\uffef]/u.test(char) ? 2 : 1), 0);
  const widths = rows[0]?.map((_, column) => Math.max(...rows.map((row) => width(row[column] ?? "")))) ?? [];
  return rows.map((row) => row.map((cell, column) => cell + " ".repeat(Math.max(0, (widths[column] ?? 0) - width(cell)))).join("  ").trimEnd());
}

async function checkFolder(folder: string, lastYear: Report | undefined, json: boolean, cli: CliContext): Promise<number> {
  const files = (await readdir(folder)).filter((name) => EXTENSIONS.has(extname(name).toLowerCase())).sort();
  const rows = [];
  for (const file of files) {
    const checked = await checkFile(join(folder, file), lastYear, cli.t);
    const status = STATUSES[exitOf(checked)] ?? "unreadable";
    if (!checked.ok) rows.push({ file, agency: null, year: null, cells: 0, errors: 0, warnings: 0, open: 0, status, reason: checked.reason });
    else {
      rows.push({
        file,
        agency: checked.report.meta.agency ?? null,
        year: checked.report.meta.year ?? null,
        cells: Object.keys(checked.report.values).length,
        errors: errorsOf(checked.findings).length,
        warnings: warningsOf(checked.findings).length,
        open: checked.open.length,
        status,
        reason: null,
      });
    }
  }
  if (json) {
    cli.out(JSON.stringify(rows, null, 2));
  } else if (rows.length === 0) {
    cli.out(cli.t("cli-check-folder-empty", { folder }));
  } else {
    const header = ["file", "agency", "year", "cells", "errors", "open", "status"].map((key) => cli.t(`cli-check-column-${key}`));
    const body = rows.map((row) => [row.file, row.agency ?? "—", row.year === null ? "—" : String(row.year), String(row.cells), String(row.errors), String(row.open), row.reason ?? cli.t(`cli-check-status-${row.status}`)]);
    for (const line of table([header, ...body])) cli.out(line);
  }
  const codes = rows.map((row) => STATUSES.indexOf(row.status));
  return SEVERITY.find((code) => codes.includes(code)) ?? 0;
}

export async function checkCommand(args: CliArgs, cli: CliContext): Promise<number> {
  const file = args.positionals[0];
  if (file === undefined) throw new CliError("cli-usage-check");
  const lastYearFile = args.values["last-year"];
  const lastYear = lastYearFile === undefined ? undefined : await readReport(lastYearFile, cli.t);
  const json = args.values.json === true;
  if (await stat(file).then((found) => found.isDirectory(), () => false)) return checkFolder(file, lastYear, json, cli);
  const checked = await checkFile(file, lastYear, cli.t);
  if (!checked.ok) throw checked.error;
  const errors = errorsOf(checked.findings);
  const warnings = warningsOf(checked.findings);
  if (json) {
    const entry = (finding: Finding) => ({
      rule: finding.rule,
      cells: finding.cells,
      expected: finding.expected ?? null,
      actual: finding.actual ?? null,
      message: findingSentence(cli.t, finding),
    });
    const note = (item: ImportNote) => ({ code: item.code, cell: item.cell ?? null, message: importNoteSentence(cli.t, item), ...(item.choices === undefined ? {} : { choices: item.choices }) });
    const imported = checked.imported ? { import: { notes: checked.notes.map(note), open: checked.open } } : {};
    cli.out(JSON.stringify({ ok: errors.length === 0, complete: checked.open.length === 0, errors: errors.map(entry), warnings: warnings.map(entry), ...imported }, null, 2));
  } else {
    for (const item of checked.notes) cli.out(`• ${importNoteSentence(cli.t, item)}`);
    for (const finding of errors) cli.out(`✖ ${findingSentence(cli.t, finding)}`);
    for (const finding of warnings) cli.out(`⚠ ${findingSentence(cli.t, finding)}`);
    cli.out(cli.t(errors.length === 0 ? "cli-check-clean" : "cli-check-failed", { errors: errors.length, warnings: warnings.length }));
    if (checked.open.length > 0) cli.out(cli.t("cli-check-incomplete", { cells: checked.open.length }));
  }
  return exitOf(checked);
}
