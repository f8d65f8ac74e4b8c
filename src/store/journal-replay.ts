// Start-up recovery: the changes still in the journal (the process stopped before a checkpoint
// wrote them to the documents' files) are applied to those files, in order, then the segments are
// deleted. Each entry names the revision it was made from, so replay is exact: an entry the file
// already holds is skipped, the next one applies, and a gap is reported instead of guessed over.
import { mkdir, readFile, rename, rm } from "node:fs/promises";
import { join } from "node:path";
import { applyDelta, type DeltaOp } from "./json-delta.ts";
import { listSegments, segmentName, type JournalEntry } from "./journal.ts";

/** Segments that could not be fully replayed, kept for inspection (inside the journal folder). */
export const KEPT_DIR = "kept";

export interface ReplayTarget {
  /** The document's stored content, null when it has no file. */
  read(path: string): Promise<unknown>;
  /** The revision a document (or null: no file) is at. */
  revisionOf(doc: unknown): number;
  /** Validates the document and makes it durable in its file; throws when it is not acceptable. */
  write(path: string, doc: unknown): Promise<void>;
}

export interface ReplayProblem {
  readonly path: string;
  readonly reason: string;
}

export interface ReplayResult {
  readonly segments: number;
  readonly entries: number;
  /** Relative paths of the documents rewritten. */
  readonly documents: readonly string[];
  /** Relative paths of every document the journal names (their derived data may lag too). */
  readonly touched: readonly string[];
  readonly problems: readonly ReplayProblem[];
}

function parseEntry(line: string): JournalEntry | undefined {
  let json: unknown;
  try {
    json = JSON.parse(line);
  } catch {
    return undefined;
  }
  if (typeof json !== "object" || json === null) return undefined;
  const { p, f, t, o } = json as Record<string, unknown>;
  if (typeof p !== "string" || typeof f !== "number" || typeof t !== "number" || !Array.isArray(o)) return undefined;
  return { path: p, from: f, to: t, ops: o as DeltaOp[] };
}

/** The entries of every segment, oldest first; a torn last line (never acknowledged) is dropped. */
export async function readJournal(dir: string): Promise<{ segments: number[]; entries: JournalEntry[]; unreadable: number }> {
  const segments = await listSegments(dir);
  const entries: JournalEntry[] = [];
  let unreadable = 0;
  for (const n of segments) {
    const text = await readFile(join(dir, segmentName(n)), "utf8");
    const lines = text.split("\n");
    // Everything after the last newline was being written when the process stopped.
    lines.pop();
    for (const line of lines) {
      if (line === "") continue;
      const entry = parseEntry(line);
      if (entry === undefined) unreadable += 1;
      else entries.push(entry);
    }
  }
  return { segments, entries, unreadable };
}

/** Applies the journal in `dir` to the documents' files, then deletes the replayed segments. */
export async function replayJournal(dir: string, target: ReplayTarget): Promise<ReplayResult> {
  const { segments, entries, unreadable } = await readJournal(dir);
  const problems: ReplayProblem[] = [];
  if (unreadable > 0) problems.push({ path: dir, reason: `${unreadable} unreadable journal line(s) skipped` });
  const byPath = new Map<string, JournalEntry[]>();
  for (const entry of entries) {
    const list = byPath.get(entry.path);
    if (list === undefined) byPath.set(entry.path, [entry]);
    else list.push(entry);
  }
  const documents: string[] = [];
  for (const [path, list] of byPath) {
    let doc: unknown;
    try {
      doc = await target.read(path);
    } catch (error) {
      problems.push({ path, reason: error instanceof Error ? error.message.slice(0, 300) : String(error) });
      continue;
    }
    let revision = target.revisionOf(doc);
    let applied = 0;
    for (const entry of list) {
      if (entry.to <= revision) continue;
      if (entry.from !== revision) {
        problems.push({ path, reason: `journal entry ${entry.from}→${entry.to} does not follow revision ${revision}; later entries not applied` });
        break;
      }
      try {
        doc = applyDelta(doc, entry.ops);
      } catch (error) {
        problems.push({ path, reason: error instanceof Error ? error.message : String(error) });
        break;
      }
      revision = entry.to;
      applied += 1;
    }
    if (applied === 0) continue;
    try {
      await target.write(path, doc);
      documents.push(path);
    } catch (error) {
      problems.push({ path, reason: `replayed document not written: ${error instanceof Error ? error.message.slice(0, 300) : String(error)}` });
    }
  }
  // With a problem the segments are moved to journal/kept/ (never replayed again) for a person to look at.
  if (problems.length > 0) await mkdir(join(dir, KEPT_DIR), { recursive: true });
  for (const n of segments) {
    const file = join(dir, segmentName(n));
    if (problems.length === 0) await rm(file, { force: true });
    else await rename(file, join(dir, KEPT_DIR, segmentName(n)));
  }
  return { segments: segments.length, entries: entries.length, documents, touched: [...byPath.keys()], problems };
}
