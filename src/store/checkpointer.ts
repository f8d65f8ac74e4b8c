// Brings journaled documents' files up to date in the background, then drops the journal segments
// they make redundant: rotate (new entries go to a new segment) → write every dirty document →
// flush the derived index → delete the segments up to the rotation. A crash anywhere in between
// leaves the segments in place, and replay at the next start skips what the files already hold.
import type { DocRegistry } from "./doc-registry.ts";
import type { Journal } from "./journal.ts";
import type { StoreLogger } from "./store-logger.ts";

export interface CheckpointerOptions {
  readonly journal: Journal;
  readonly registry: DocRegistry;
  /** Writes the index entries of the documents just written (derived data, see index-writer.ts). */
  readonly flushIndex: () => Promise<void>;
  readonly logger: StoreLogger;
  /** Longest time a change waits in the journal only. */
  readonly intervalMs: number;
  /** A segment this large is checkpointed without waiting for the interval. */
  readonly maxSegmentBytes: number;
}

/**
 * Each checkpoint rewrites every changed report and index shard (a durable write each): with
 * officers answering continuously, a longer interval writes each file once for many answers.
 */
export const DEFAULT_CHECKPOINT_MS = 30_000;
export const DEFAULT_SEGMENT_BYTES = 16 * 1024 * 1024;

export class Checkpointer {
  readonly #options: CheckpointerOptions;
  #running: Promise<void> | undefined;
  #next: Promise<void> | undefined;
  #timer: NodeJS.Timeout | undefined;
  #closed = false;

  constructor(options: CheckpointerOptions) {
    this.#options = options;
  }

  /** After each journaled change: schedules the next checkpoint (at once when the segment is full). */
  changed(): void {
    if (this.#closed) return;
    if (this.#options.journal.size >= this.#options.maxSegmentBytes) {
      void this.#background();
      return;
    }
    if (this.#timer !== undefined) return;
    this.#timer = setTimeout(() => {
      this.#timer = undefined;
      void this.#background();
    }, this.#options.intervalMs);
    this.#timer.unref();
  }

  /** One checkpoint covering every change journaled before this call. */
  run(): Promise<void> {
    if (this.#running !== undefined) {
      // The running one may have rotated before the latest changes: one more after it covers
      // every caller that arrives meanwhile (a full segment calls on every answer).
      this.#next ??= this.#running.then(
        () => this.#startNext(),
        () => this.#startNext(),
      );
      return this.#next;
    }
    const run = this.#checkpoint().finally(() => {
      this.#running = undefined;
    });
    this.#running = run;
    return run;
  }

  #startNext(): Promise<void> {
    this.#next = undefined;
    return this.run();
  }

  /** Final checkpoint; the journal is closed and empty afterwards. */
  async close(): Promise<void> {
    this.#closed = true;
    if (this.#timer !== undefined) clearTimeout(this.#timer);
    this.#timer = undefined;
    await this.run();
    await this.#options.journal.close();
  }

  async #background(): Promise<void> {
    try {
      await this.run();
    } catch (error) {
      // The journal still holds every change; the next checkpoint (or start) retries.
      this.#options.logger.error({ err: error }, "store: checkpoint failed, the journal keeps the changes");
      if (!this.#closed) this.changed();
    }
  }

  async #checkpoint(): Promise<void> {
    const { journal, registry } = this.#options;
    if (registry.dirty === 0 && journal.size === 0) return;
    const last = await journal.rotate();
    await registry.checkpoint();
    await this.#options.flushIndex();
    await journal.removeThrough(last);
  }
}
