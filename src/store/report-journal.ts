// Reports are the journaled documents: an answer is durable once its change (a few operations, see
// json-delta.ts) is in the journal. Each entry carries the record's revision before and after, so
// replay at start-up (journal-replay.ts) applies exactly what a report file is missing.
import { join, relative, sep } from "node:path";
import type { DocRegistry, JournalLink } from "./doc-registry.ts";
import { diffJson } from "./json-delta.ts";
import type { Journal } from "./journal.ts";
import { replayJournal, type ReplayResult } from "./journal-replay.ts";
import { reportKeyOf } from "./paths.ts";
import { ReportRecordSchema, type ReportRecord } from "./report-record.ts";

const NullableRecordSchema = ReportRecordSchema.nullable();

/** The revision of a stored record; a report without a file is at 0 (its first write makes 1). */
function revisionOf(doc: unknown): number {
  if (typeof doc !== "object" || doc === null) return 0;
  const revision = (doc as { revision?: unknown }).revision;
  return typeof revision === "number" ? revision : 0;
}

export function reportJournalLink(dataDir: string, journal: Journal, changed: () => void): JournalLink {
  return {
    async record(path, before, after) {
      const relativePath = relative(dataDir, path).split(sep).join("/");
      await journal.append({ path: relativePath, from: revisionOf(before), to: revisionOf(after), ops: diffJson(before, after) });
      changed();
    },
  };
}

/** Applies what the journal holds to the report files (start-up, before anything else reads them). */
export function replayReports(dataDir: string, journalDir: string, registry: DocRegistry): Promise<ReplayResult> {
  const absolute = (relativePath: string): string => {
    if (reportKeyOf(relativePath) === undefined) throw new Error(`journal: ${JSON.stringify(relativePath)} is not a report path`);
    return join(dataDir, relativePath);
  };
  return replayJournal(journalDir, {
    read: async (path) => registry.peek(absolute(path), NullableRecordSchema),
    revisionOf,
    // overwrite() validates: an invalid replayed record is refused there and reported.
    write: (path, doc) => registry.overwrite(absolute(path), ReportRecordSchema, doc as ReportRecord),
  });
}
