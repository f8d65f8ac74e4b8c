// Releases before this one acknowledged answers in a write-ahead journal (journal/<n>.jsonl) and
// wrote report files later. This store has no journal: rather than keep a replayer for a format
// no longer written, it refuses to start while such segments exist (they may hold acknowledged
// answers). Starting the earlier release once and stopping it cleanly empties the journal.
import { readdir, rmdir } from "node:fs/promises";
import { join } from "node:path";
import { errorCode } from "./durable-file.ts";
import { JOURNAL_DIR } from "./paths.ts";

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
  const dir = join(dataDir, JOURNAL_DIR);
  let names: string[];
  try {
    names = await readdir(dir);
  } catch (error) {
    if (errorCode(error) === "ENOENT") return;
    throw error;
  }
  const segments = names.filter((name) => /^\d{12}\.jsonl$/.test(name)).length;
  if (segments > 0) throw new LegacyJournalError(dataDir, segments);
  // journal/kept/ (segments the old release could not replay, kept for a person) stays.
  await rmdir(dir).catch(() => undefined);
}
