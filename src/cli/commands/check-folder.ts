// `nianbao check <folder>`: every report file in it (.txt .html .htm .docx .pdf .json), one row
// each — agency, year, imported cells, violations — for a supervisor checking departments.
import { readdir } from "node:fs/promises";
import { extname, join } from "node:path";
import { errorsOf, warningsOf } from "../../core/report/findings.ts";
import type { Report } from "../../core/report/schema.ts";
import { importNoteSentence } from "../../import-text.ts";
import { checkOne, exitOf, type Checked } from "../check-one.ts";
import { CliError } from "../cli-error.ts";
import type { CliContext } from "../cli-context.ts";

const EXTENSIONS = new Set([".txt", ".html", ".htm", ".docx", ".pdf", ".json"]);
/** Worst first: unreadable, violations, incomplete, clean. */
const SEVERITY = [2, 1, 3, 0];

interface FolderRow {
  readonly file: string;
  readonly agency: string | null;
  readonly year: number | null;
  readonly cells: number;
  readonly errors: number;
  readonly warnings: number;
  readonly open: number;
  readonly status: "clean" | "violations" | "incomplete" | "unreadable";
  readonly reason: string | null;
}

const STATUS = { 0: "clean", 1: "violations", 2: "unreadable", 3: "incomplete" } as const;

function rowOf(file: string, checked: Checked, reason: (checked: Checked) => string): FolderRow {
  const code = exitOf(checked) as keyof typeof STATUS;
  if (!checked.ok) return { file, agency: null, year: null, cells: 0, errors: 0, warnings: 0, open: 0, status: "unreadable", reason: reason(checked) };
  return {
    file,
    agency: checked.report.meta.agency ?? null,
    year: checked.report.meta.year ?? null,
    cells: Object.keys(checked.report.values).length,
    errors: errorsOf(checked.findings).length,
    warnings: warningsOf(checked.findings).length,
    open: checked.open.length,
    status: STATUS[code],
    reason: null,
  };
}

/** Columns padded to their widest cell (CJK characters count two). */
function table(rows: readonly (readonly string[])[]): string[] {
  const width = (text: string): number => [...text].reduce((sum, char) => sum + (/[\u2e80-\u9fff\uac00-\ud7af\uf900-\ufaff\uff00-\uffef]/u.test(char) ? 2 : 1), 0);
  const widths = rows[0]?.map((_, column) => Math.max(...rows.map((row) => width(row[column] ?? "")))) ?? [];
  return rows.map((row) => row.map((cell, column) => cell + " ".repeat(Math.max(0, (widths[column] ?? 0) - width(cell)))).join("  ").trimEnd());
}

export async function checkFolder(folder: string, lastYear: Report | undefined, json: boolean, cli: CliContext): Promise<number> {
  const files = (await readdir(folder)).filter((name) => EXTENSIONS.has(extname(name).toLowerCase())).sort();
  const rows: FolderRow[] = [];
  for (const file of files) {
    const reason = (checked: Checked): string => (checked.ok ? "" : importNoteSentence(cli.t, { code: checked.reason === "json-invalid" || checked.reason === "report-invalid" ? "unreadable" : checked.reason }));
    try {
      rows.push(rowOf(file, await checkOne(join(folder, file), lastYear), reason));
    } catch (error) {
      if (!(error instanceof CliError)) throw error;
      rows.push({ file, agency: null, year: null, cells: 0, errors: 0, warnings: 0, open: 0, status: "unreadable", reason: cli.t(error.key, error.params) });
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
  const codes = rows.map((row) => ({ clean: 0, violations: 1, unreadable: 2, incomplete: 3 })[row.status]);
  return SEVERITY.find((code) => codes.includes(code)) ?? 0;
}
