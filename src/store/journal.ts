// The write-ahead journal: every change to a journaled document is one JSON line appended to the
// current segment (journal/<n>.jsonl), and a change is acknowledged once the synchronous write
// (O_DSYNC, or write + fdatasync) that carried it has completed. Changes that arrive while one sync runs are written and
// synced together (group commit), so a thousand officers answering at once share a few fsyncs
// instead of paying one file fsync and one folder fsync each. The documents' own files are
// brought up to date later, in the background (a checkpoint), after which old segments are deleted.
import { constants } from "node:fs";
import { mkdir, open, readdir, rm, type FileHandle } from "node:fs/promises";
import { join } from "node:path";
import { syncDir } from "./dir-sync.ts";
import type { DeltaOp } from "./json-delta.ts";

/** One change: document `path` (relative to the data folder) went from revision `from` to `to`. */
export interface JournalEntry {
  readonly path: string;
  readonly from: number;
  readonly to: number;
  readonly ops: readonly DeltaOp[];
}

interface Waiter {
  readonly line: string;
  readonly resolve: () => void;
  readonly reject: (error: unknown) => void;
}

const SEGMENT = /^(\d{12})\.jsonl$/;

/**
 * O_DSYNC: each write returns once its data (and the size needed to read it) is on disk, as
 * write + fdatasync would, in one trip to libuv's thread pool instead of two. Where the platform
 * has no O_DSYNC, the journal calls fdatasync itself.
 */
const SYNC_ON_WRITE: number | undefined = constants.O_DSYNC;

export const segmentName = (n: number): string => `${String(n).padStart(12, "0")}.jsonl`;

/** Segment numbers present in `dir`, oldest first. */
export async function listSegments(dir: string): Promise<number[]> {
  let names: string[];
  try {
    names = await readdir(dir);
  } catch (error) {
    if (error instanceof Error && "code" in error && error.code === "ENOENT") return [];
    throw error;
  }
  return names.flatMap((name) => {
    const match = SEGMENT.exec(name);
    return match === null ? [] : [Number(match[1])];
  }).sort((a, b) => a - b);
}

export function entryLine(entry: JournalEntry): string {
  return `${JSON.stringify({ p: entry.path, f: entry.from, t: entry.to, o: entry.ops })}\n`;
}

export class Journal {
  readonly dir: string;
  #segment: number;
  #file: FileHandle | undefined;
  /** Bytes in the current segment that are known to be durable (a failed batch is cut back to it). */
  #size = 0;
  #queued: Waiter[] = [];
  #writing: Promise<void> | undefined;
  #failed: Error | undefined;
  #syncs = 0;

  private constructor(dir: string, segment: number) {
    this.dir = dir;
    this.#segment = segment;
  }

  /** Opens the journal in `dir`; new entries go to a segment after every existing one. */
  static async open(dir: string): Promise<Journal> {
    await mkdir(dir, { recursive: true });
    const existing = await listSegments(dir);
    return new Journal(dir, (existing.at(-1) ?? 0) + 1);
  }

  /** The segment new entries go to. */
  get segment(): number {
    return this.#segment;
  }

  /** Bytes written to the current segment. */
  get size(): number {
    return this.#size;
  }

  /** Synced writes so far (one per batch of concurrent changes). */
  get syncs(): number {
    return this.#syncs;
  }

  /** Resolves once the entry is durable in the journal. */
  append(entry: JournalEntry): Promise<void> {
    if (this.#failed !== undefined) return Promise.reject(this.#failed);
    return new Promise<void>((resolve, reject) => {
      this.#queued.push({ line: entryLine(entry), resolve, reject });
      this.#writing ??= this.#drain();
    });
  }

  /** Later entries go to a new segment; returns the number of the last segment before it. */
  async rotate(): Promise<number> {
    // No await between the check and the swap: a batch never straddles two segments.
    while (this.#writing !== undefined) await this.#writing;
    const closed = this.#segment;
    const file = this.#file;
    this.#file = undefined;
    this.#segment += 1;
    this.#size = 0;
    await file?.close();
    return closed;
  }

  /** Deletes every segment up to and including `last` (their changes are in the documents' files). */
  async removeThrough(last: number): Promise<void> {
    for (const n of await listSegments(this.dir)) if (n <= last && n !== this.#segment) await rm(join(this.dir, segmentName(n)), { force: true });
  }

  /** Waits for queued entries; the journal is unusable afterwards. */
  async close(): Promise<void> {
    await this.#writing;
    this.#failed ??= new Error("journal: used after close()");
    await this.#file?.close();
    this.#file = undefined;
  }

  async #drain(): Promise<void> {
    while (this.#queued.length > 0) {
      const batch = this.#queued;
      this.#queued = [];
      try {
        await this.#write(batch.map((w) => w.line).join(""));
        for (const waiter of batch) waiter.resolve();
      } catch (error) {
        for (const waiter of batch) waiter.reject(error);
      }
    }
    this.#writing = undefined;
  }

  async #write(text: string): Promise<void> {
    const data = Buffer.from(text, "utf8");
    const file = this.#file ?? (await this.#openSegment());
    try {
      // A regular file rarely takes less than asked (a full disk may): write the rest, or fail below.
      for (let done = 0; done < data.length; ) {
        const { bytesWritten } = await file.write(data, done, data.length - done, this.#size + done);
        if (bytesWritten === 0) throw new Error(`journal: nothing written to ${segmentName(this.#segment)}`);
        done += bytesWritten;
      }
      if (SYNC_ON_WRITE === undefined) await file.datasync();
      this.#syncs += 1;
      this.#size += data.length;
    } catch (error) {
      // Cut the half-written batch off, so replay never sees a change that was not acknowledged.
      try {
        await file.truncate(this.#size);
        await file.datasync();
      } catch {
        this.#failed = new Error(`journal: segment ${segmentName(this.#segment)} could not be repaired after a failed write; restart the bot`, { cause: error });
      }
      throw error;
    }
  }

  async #openSegment(): Promise<FileHandle> {
    const flags = constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | (SYNC_ON_WRITE ?? 0);
    const file = await open(join(this.dir, segmentName(this.#segment)), flags);
    // The new segment's name must survive a crash before anything in it is acknowledged.
    await syncDir(this.dir);
    this.#file = file;
    this.#size = 0;
    return file;
  }
}
