// File access for the CLI: every failure becomes a CliError naming the file.
import { mkdir, readFile, writeFile } from "node:fs/promises";
import { basename, dirname } from "node:path";
import { importReport } from "../core/import/import-report.ts";
import { parseReport, type Report } from "../core/report/schema.ts";
import { importNoteSentence } from "../import-text.ts";
import { schemaProblemSentence } from "../findings-text.ts";
import type { Translate } from "../i18n.ts";
import { CliError } from "./cli-error.ts";

/** Reading more than this is refused before parsing (the importer has its own, lower limits). */
const MAX_INPUT_BYTES = 64 * 1024 * 1024;

export async function readInput(path: string): Promise<Uint8Array> {
  try {
    const bytes = await readFile(path);
    if (bytes.byteLength > MAX_INPUT_BYTES) throw new CliError("cli-file-too-large", { file: path });
    return new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  } catch (error) {
    if (error instanceof CliError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ENOENT") throw new CliError("cli-file-missing", { file: path });
    if (code === "EISDIR") throw new CliError("cli-file-is-dir", { file: path });
    throw new CliError("cli-file-unreadable", { file: path, reason: code ?? "?" });
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

export function looksLikeJson(bytes: Uint8Array): boolean {
  for (const byte of bytes.subarray(0, 64)) {
    if (byte === 0x20 || byte === 0x0a || byte === 0x0d || byte === 0x09 || byte === 0xef || byte === 0xbb || byte === 0xbf) continue;
    return byte === 0x7b; // "{"
  }
  return false;
}

/** report.json, validated; any other document kind is imported first so `check` works on a published report. */
export async function readReport(path: string, t: Translate): Promise<Report> {
  const bytes = await readInput(path);
  if (!looksLikeJson(bytes)) {
    const result = await importReport({ name: basename(path), bytes });
    if (!result.ok) {
      throw new CliError("cli-import-failed", { file: path, reason: importNoteSentence(t, { code: result.reason }) }, 2,
        result.notes.map((note) => importNoteSentence(t, note)));
    }
    return result.report;
  }
  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder("utf-8", { fatal: false }).decode(bytes).replace(/^\uFEFF/, ""));
  } catch (error) {
    throw new CliError("cli-json-invalid", { file: path, reason: (error as Error).message });
  }
  const parsed = parseReport(json);
  if (!parsed.ok) {
    throw new CliError("cli-report-invalid", { file: path, count: parsed.problems.length }, 2,
      parsed.problems.map((problem) => schemaProblemSentence(t, problem)));
  }
  return parsed.report;
}
