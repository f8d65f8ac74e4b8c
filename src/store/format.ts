// The data format version, DATA_DIR/format.json: { format, writtenBy }. No file means format 1 (the
// releases with a write-ahead journal and index files), or a new folder. Upgrades are ordered
// migrations run at start under the lock, after a backup (main.ts); a newer format is refused.
import { readFile, rm, rmdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { z } from "zod";
import { errorCode } from "./durable-file.ts";
import { dataFiles, JOURNAL_DIR, namesIn } from "./paths.ts";

const FORMAT_FILE = "format.json";
/** 2: one lowdb document per file, no journal, the report listing held in memory. */
export const CURRENT_FORMAT = 2;

const FormatSchema = z.object({ format: z.number().int().positive(), writtenBy: z.string() });

export class NewerFormatError extends Error {
  constructor(
    readonly format: number,
    readonly writtenBy: string,
  ) {
    super(`store: data format ${format} (written by nianbao ${writtenBy}); this release reads up to format ${CURRENT_FORMAT}`);
    this.name = "NewerFormatError";
  }
}

/** The folder's format; a folder without data files is new (current format). */
export async function readFormat(dataDir: string): Promise<{ format: number; writtenBy: string; empty: boolean }> {
  try {
    return { ...FormatSchema.parse(JSON.parse(await readFile(join(dataDir, FORMAT_FILE), "utf8"))), empty: false };
  } catch (error) {
    if (errorCode(error) !== "ENOENT") throw error;
  }
  const empty = (await dataFiles(dataDir).catch(() => [])).length === 0;
  return { format: empty ? CURRENT_FORMAT : 1, writtenBy: empty ? "" : "0.1.0 or earlier", empty };
}

export async function writeFormat(dataDir: string, release: string): Promise<void> {
  await writeFile(join(dataDir, FORMAT_FILE), `${JSON.stringify({ format: CURRENT_FORMAT, writtenBy: release })}\n`);
}

/** In place, after a backup, on an open store (which refused a non-empty journal). 1 → 2: drop the derived index/. */
export async function migrate(dataDir: string, from: number, release: string): Promise<void> {
  if (from < 2) await rm(join(dataDir, "index"), { recursive: true, force: true });
  await writeFormat(dataDir, release);
}

/** Format 1 kept acknowledged answers in journal/<n>.jsonl; no replayer is kept, so segments are refused. */
export class LegacyJournalError extends Error {
  constructor(
    readonly dataDir: string,
    readonly segments: number,
  ) {
    super(`store: ${join(dataDir, JOURNAL_DIR)} holds ${segments} journal segment(s) of an earlier release; start that release once and stop it cleanly, then start this one`);
    this.name = "LegacyJournalError";
  }
}

/** Throws LegacyJournalError while unreplayed segments exist; removes an empty journal folder. */
export async function checkLegacyJournal(dataDir: string): Promise<void> {
  const segments = (await namesIn(join(dataDir, JOURNAL_DIR), (name) => /^\d{12}\.jsonl$/.test(name))).length;
  if (segments > 0) throw new LegacyJournalError(dataDir, segments);
  // journal/kept/ (segments the old release could not replay, kept for a person) stays.
  await rmdir(join(dataDir, JOURNAL_DIR)).catch(() => undefined);
}
