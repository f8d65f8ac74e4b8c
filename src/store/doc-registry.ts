// One lowdb instance per file per process (two instances on one file lose writes, stack-notes.md),
// kept in an LRU so 10 000 report files never sit in memory at once. Every operation on a path runs
// in that path's queue, so an evicted instance and its replacement can never overlap: the next
// operation waits for the previous one, then reloads from disk what the previous one made durable.
import { Low } from "lowdb";
import type { z } from "zod";
import { DurableFile } from "./durable-file.ts";
import { KeyedQueue } from "./keyed-queue.ts";
import type { StoreLogger } from "./store-logger.ts";

export interface DocHandle<T> {
  /** Absolute path of the JSON file. */
  readonly path: string;
  /** A copy of the stored document (the defaults when the file does not exist yet). */
  read(): Promise<T>;
  /**
   * Atomic read-modify-write: `fn` gets a copy, its result is validated and made durable before
   * the promise resolves. If `fn` throws or the result is invalid, nothing changes.
   */
  update(fn: (current: T) => T): Promise<T>;
  /**
   * The loaded document itself, no copy (the per-answer path reads ~40 KiB records): the caller
   * treats it as read-only.
   */
  view(): Promise<T>;
  /**
   * Atomic read-modify-write without copies or validation, for a caller that validates what it
   * changes itself: `fn` gets the loaded document (it must not mutate it) and returns the next one;
   * returning `current` itself skips the write. Resolves with the stored document (read-only).
   */
  apply(fn: (current: T) => T): Promise<T>;
}

/**
 * How a journaled document's changes become durable: in the write-ahead journal (journal.ts) at
 * once, in the document's own file at the next checkpoint.
 */
export interface JournalLink {
  /** Records the change from `before` to `after`; resolves once it is durable. */
  record(path: string, before: unknown, after: unknown): Promise<void>;
}

interface Entry {
  readonly handle: DocHandle<unknown>;
  readonly journal: JournalLink | undefined;
  low?: Low<unknown>;
}

export interface DocRegistryOptions {
  readonly logger: StoreLogger;
  /** How many documents stay loaded; the least recently used beyond that are dropped. */
  readonly capacity: number;
}

export class DocRegistry {
  readonly #cache = new Map<string, Entry>();
  readonly #queue = new KeyedQueue();
  /** Journaled documents whose file lags the journal: kept loaded until a checkpoint writes them. */
  readonly #dirty = new Set<string>();
  readonly #options: DocRegistryOptions;
  #closed = false;

  constructor(options: DocRegistryOptions) {
    if (!(options.capacity >= 1)) throw new Error("store: registry capacity must be at least 1");
    this.#options = options;
  }

  /**
   * The handle for an absolute path; the same object while it stays cached (first schema and
   * journal win). With `journal`, a change is durable once journaled and the file follows later.
   */
  handle<T>(path: string, schema: z.ZodType<T>, defaults: T, journal?: JournalLink): DocHandle<T> {
    const cached = this.#touch(path);
    if (cached !== undefined) return cached.handle as DocHandle<T>;
    const run = <R>(op: (low: Low<T>) => Promise<R>): Promise<R> => this.#withLow(path, schema, defaults, journal, op);
    const handle: DocHandle<T> = {
      path,
      read: () => run(async (low) => structuredClone(low.data)),
      update: (fn) => run(async (low) => structuredClone(await this.#store(path, low, schema.parse(fn(structuredClone(low.data))), journal))),
      view: () => run(async (low) => low.data),
      apply: (fn) =>
        run(async (low) => {
          const next = fn(low.data);
          return next === low.data ? next : this.#store(path, low, next, journal);
        }),
    };
    this.#cache.set(path, { handle: handle as DocHandle<unknown>, journal });
    this.#evict();
    return handle;
  }

  /** Journaled documents whose file lags the journal. */
  get dirty(): number {
    return this.#dirty.size;
  }

  /**
   * Writes every journaled document changed since its file was last written (`parallel` at a
   * time, leaving libuv threads for the journal's own syncs). Resolves once all of them are
   * durable; rejects with the first failure after trying them all (those stay dirty).
   */
  async checkpoint(parallel = 2): Promise<void> {
    const paths = [...this.#dirty];
    let failure: { error: unknown } | undefined;
    const next = (): Promise<void> | undefined => {
      const path = paths.shift();
      if (path === undefined) return undefined;
      return this.#queue
        .run(path, async () => {
          const low = this.#cache.get(path)?.low;
          if (this.#dirty.has(path) && low !== undefined) await low.write();
          this.#dirty.delete(path);
        })
        .catch((error: unknown) => void (failure ??= { error }))
        .then(next);
    };
    await Promise.all(Array.from({ length: Math.max(1, parallel) }, next));
    if (failure !== undefined) throw failure.error;
  }

  /**
   * Reads a document without caching it (for scans over many files); uses the cached copy if any.
   * Returns null when the file does not exist.
   */
  async peek<T>(path: string, schema: z.ZodType<T>): Promise<T | null> {
    this.#assertOpen();
    return this.#queue.run(path, async () => {
      const low = this.#cache.get(path)?.low;
      if (low !== undefined) return structuredClone(low.data as T);
      return new DurableFile(path, { parse: (data) => schema.parse(data), logger: this.#options.logger }).read();
    });
  }

  /** Replaces a document without reading it first (repairs a file whose backup is bad too). */
  async overwrite<T>(path: string, schema: z.ZodType<T>, value: T): Promise<void> {
    this.#assertOpen();
    if (this.#cache.get(path)?.journal !== undefined) throw new Error(`store: ${path} is journaled; change it through its handle`);
    const data = schema.parse(value);
    return this.#queue.run(path, async () => {
      const entry = this.#cache.get(path);
      if (entry !== undefined) delete entry.low;
      await new DurableFile<T>(path, { parse: (json) => schema.parse(json), logger: this.#options.logger }).write(data);
    });
  }

  /** Documents currently loaded in memory. */
  get loaded(): number {
    let count = 0;
    for (const entry of this.#cache.values()) if (entry.low !== undefined) count += 1;
    return count;
  }

  /** Handles currently cached (loaded or not). */
  get cached(): number {
    return this.#cache.size;
  }

  /** Resolves once every operation queued so far has settled (the registry stays usable). */
  idle(): Promise<void> {
    return this.#queue.idle();
  }

  /** Waits for every pending write; later operations throw. */
  async close(): Promise<void> {
    this.#closed = true;
    await this.#queue.idle();
    this.#cache.clear();
  }

  #assertOpen(): void {
    if (this.#closed) throw new Error("store: used after close()");
  }

  #touch(path: string): Entry | undefined {
    const entry = this.#cache.get(path);
    if (entry === undefined) return undefined;
    this.#cache.delete(path);
    this.#cache.set(path, entry);
    return entry;
  }

  #evict(): void {
    // Map iteration order is insertion order: the first keys are the least recently used.
    // A document whose file lags the journal stays until the checkpoint has written it.
    for (const path of this.#cache.keys()) {
      if (this.#cache.size <= this.#options.capacity) break;
      if (!this.#dirty.has(path)) this.#cache.delete(path);
    }
  }

  async #store<T>(path: string, low: Low<T>, next: T, journal: JournalLink | undefined): Promise<T> {
    if (journal !== undefined) {
      // Dirty before the entry is written: a checkpoint that rotates meanwhile must write this file.
      this.#dirty.add(path);
      await journal.record(path, low.data, next);
      low.data = next;
      return next;
    }
    const previous = low.data;
    low.data = next;
    try {
      await low.write();
    } catch (error) {
      // The disk may hold either version now: forget the instance, the next use rereads.
      low.data = previous;
      this.#cache.delete(path);
      throw error;
    }
    return next;
  }

  #withLow<T, R>(path: string, schema: z.ZodType<T>, defaults: T, journal: JournalLink | undefined, op: (low: Low<T>) => Promise<R>): Promise<R> {
    try {
      this.#assertOpen();
    } catch (error) {
      return Promise.reject(error);
    }
    return this.#queue.run(path, async () => {
      let entry = this.#touch(path);
      if (entry?.low === undefined) {
        const adapter = new DurableFile<T>(path, { parse: (data) => schema.parse(data), logger: this.#options.logger });
        const low = new Low<T>(adapter, structuredClone(defaults));
        await low.read();
        if (entry === undefined) {
          // The handle was evicted meanwhile: cache a fresh one for the same path.
          this.handle(path, schema, defaults, journal);
          entry = this.#touch(path);
        }
        if (entry !== undefined) entry.low = low as Low<unknown>;
        this.#evict();
        return op(low);
      }
      return op(entry.low as Low<T>);
    });
  }
}
