// The CLI's files: every failure becomes a CliError naming the file. A report file is a
// report.json or a published report (.txt/.html/.docx/.pdf), imported on the fly.
import { mkdir, readFile, writeFile } from "node:fs/promises";
import { basename, dirname } from "node:path";
import { importReport, type ImportResult } from "../core/import/import-report.ts";
import type { ImportNote } from "../core/import/import-result.ts";
import type { TrialReport } from "../core/import/trial-2019.ts";
import { parseReport, type Report, type SchemaProblem } from "../core/report/schema.ts";
import { importNoteSentence, schemaProblemSentence } from "../findings-text.ts";
import type { Translate } from "../i18n.ts";
import { CliError } from "./cli-context.ts";

/** Reading more than this is refused before parsing (the importer has its own, lower limits). */
const MAX_INPUT_BYTES = 64 * 1024 * 1024;

export async function readInput(path: string): Promise<Uint8Array> {
  try {
    const bytes = await readFile(path);
    if (bytes.byteLength > MAX_INPUT_BYTES) throw new CliError("cli-file-too-large", { file: path });
    return new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  } catch (error) {
    if (error instanceof CliError) throw error;
    const code = (error as NodeJS.ErrnoException).code ?? "?";
    throw new CliError(code === "ENOENT" ? "cli-file-missing" : code === "EISDIR" ? "cli-file-is-dir" : "cli-file-unreadable", { file: path, reason: code });
  }
}

export async function writeOutput(path: string, bytes: Uint8Array | string): Promise<void> {
  try {
    await mkdir(dirname(path), { recursive: true });
    await writeFile(path, bytes);
  } catch (error) {
    throw new CliError("cli-file-unwritable", { file: path, reason: (error as NodeJS.ErrnoException).code ?? "?" });
  }
}

/** A "{" first, after blanks and a byte-order mark. */
const looksLikeJson = (bytes: Uint8Array): boolean => /^[\t\n\r \uFEFF]*\{/u.test(new TextDecoder().decode(bytes.subarray(0, 64)));

export const importError = (file: string, t: Translate, result: Extract<ImportResult, { ok: false }>): CliError =>
  new CliError("cli-import-failed", { file, reason: importNoteSentence(t, { code: result.reason }) }, 2,
    result.notes.map((note) => importNoteSentence(t, note)));

export const reportInvalid = (file: string, t: Translate, problems: readonly SchemaProblem[]): CliError =>
  new CliError("cli-report-invalid", { file, count: problems.length }, 2, problems.map((problem) => schemaProblemSentence(t, problem)));

export type Loaded =
  | { readonly ok: true; readonly report: Report; readonly imported: boolean; readonly notes: readonly ImportNote[]; readonly trial?: TrialReport }
  /** `reason`: one line for a folder's table. */
  | { readonly ok: false; readonly error: CliError; readonly reason: string };

/** Never throws for a bad file (a folder's table needs a row for each). */
export async function loadReport(path: string, t: Translate): Promise<Loaded> {
  let bytes: Uint8Array;
  try {
    bytes = await readInput(path);
  } catch (error) {
    if (!(error instanceof CliError)) throw error;
    return { ok: false, error, reason: t(error.key, error.params) };
  }
  if (!looksLikeJson(bytes)) {
    const result = await importReport({ name: basename(path), bytes });
    if (!result.ok) return { ok: false, error: importError(path, t, result), reason: importNoteSentence(t, { code: result.reason }) };
    return { ok: true, report: result.report, imported: true, notes: result.notes, ...(result.format === "2019" ? { trial: result.trial } : {}) };
  }
  const unreadable = importNoteSentence(t, { code: "unreadable" });
  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder("utf-8").decode(bytes).replace(/^\uFEFF/u, ""));
  } catch (error) {
    return { ok: false, error: new CliError("cli-json-invalid", { file: path, reason: (error as Error).message }), reason: unreadable };
  }
  const parsed = parseReport(json);
  if (!parsed.ok) return { ok: false, error: reportInvalid(path, t, parsed.problems), reason: unreadable };
  return { ok: true, report: parsed.report, imported: false, notes: [] };
}

/** report.json, validated; any other document kind is imported first so `check` works on a published report. */
export async function readReport(path: string, t: Translate): Promise<Report> {
  const loaded = await loadReport(path, t);
  if (!loaded.ok) throw loaded.error;
  return loaded.report;
}
