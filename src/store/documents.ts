// One lowdb `Low` per JSON file, loaded on first use and kept in a bounded LRU, with every
// operation on a file serialised in that file's queue (so an evicted instance and its reload never
// overlap). What goes in and out is deeply frozen: a caller can keep or share it safely, and the
// next version is always a new object (structural sharing keeps that cheap for 40 KiB reports).
import { Low } from "lowdb";
import { KeyedQueue } from "../app/keyed-queue.ts";
import type { BackupState, DocHandle } from "../app/store-port.ts";
import { DurableFile, type WriteText } from "./durable-file.ts";

export interface DocType<T> {
  /** Validates a document read from disk. */
  readonly parse: (data: unknown) => T;
  /** Validates the next version against the stored one (e.g. only what changed); returns what to store. */
  readonly check: (next: T, current: T) => T;
  readonly defaults: T;
  readonly describeBackup?: (data: T) => BackupState;
}

/** Freezes `value` and everything it reaches; stops at objects already frozen (shared parts). */
function deepFreeze<T>(value: T): T {
  if (typeof value !== "object" || value === null || Object.isFrozen(value)) return value;
  Object.freeze(value);
  for (const child of Object.values(value)) deepFreeze(child);
  return value;
}

export class Documents {
  readonly #cache = new Map<string, Low<unknown>>();
  readonly #queue = new KeyedQueue();
  #closed = false;
  /** Set while a snapshot holds new operations back (see hold()). */
  #gate: Promise<void> | undefined;

  constructor(private readonly options: { dataDir: string; capacity: number; writeText?: WriteText | undefined }) {}

  /** `relativePath` must already be checked (paths.ts). */
  handle<T>(relativePath: string, type: DocType<T>): DocHandle<T> {
    return {
      read: () => this.#run(relativePath, type, async (low) => low.data),
      update: (fn) =>
        this.#run(relativePath, type, async (low) => {
          const current = low.data;
          const next = fn(current);
          if (next === current) return current;
          low.data = type.check(next, current);
          try {
            // Serialised when write() returns: frozen while the disk works, before anyone can read it.
            const writing = low.write();
            deepFreeze(low.data);
            await writing;
          } catch (error) {
            // The disk may hold either version now: forget the instance, the next use rereads.
            low.data = current;
            this.#cache.delete(relativePath);
            throw error;
          }
          return low.data;
        }),
    };
  }

  /** Reads a file without keeping it loaded (listings over many files); null when missing. */
  peek<T>(relativePath: string, type: DocType<T>): Promise<T | null> {
    return this.#enqueue(relativePath, async () => {
      const cached = this.#cache.get(relativePath);
      if (cached !== undefined) return cached.data as T;
      const data = await this.#adapter(relativePath, type).read();
      return data === null ? null : deepFreeze(data);
    });
  }

  /** Runs `fn` with every file at rest: queued operations settle first, later ones wait (in order) until it returns. */
  async hold<R>(fn: () => Promise<R>): Promise<R> {
    while (this.#gate !== undefined) await this.#gate;
    let open = (): void => undefined;
    this.#gate = new Promise<void>((resolve) => (open = resolve));
    try {
      await this.#queue.idle();
      return await fn();
    } finally {
      this.#gate = undefined;
      open();
    }
  }

  #enqueue<R>(key: string, task: () => Promise<R>): Promise<R> {
    const gate = this.#gate;
    return gate === undefined ? this.#queue.run(key, task) : gate.then(() => this.#enqueue(key, task));
  }

  get loaded(): number {
    return this.#cache.size;
  }

  /** Resolves once every operation queued so far has settled. */
  idle(): Promise<void> {
    return this.#queue.idle();
  }

  async close(): Promise<void> {
    this.#closed = true;
    await this.#queue.idle();
    this.#cache.clear();
  }

  #adapter<T>(relativePath: string, type: DocType<T>): DurableFile<T> {
    const { parse, describeBackup } = type;
    const { dataDir, writeText } = this.options;
    return new DurableFile<T>(`${dataDir}/${relativePath}`, { name: relativePath, parse, describeBackup, writeText });
  }

  #run<T, R>(relativePath: string, type: DocType<T>, op: (low: Low<T>) => Promise<R>): Promise<R> {
    if (this.#closed) return Promise.reject(new Error("store: used after close()"));
    return this.#enqueue(relativePath, async () => {
      let low = this.#cache.get(relativePath) as Low<T> | undefined;
      if (low === undefined) {
        low = new Low<T>(this.#adapter(relativePath, type), type.defaults);
        await low.read();
        deepFreeze(low.data);
        this.#cache.set(relativePath, low as Low<unknown>);
        // Map order is insertion order: the first keys are the least recently used.
        for (const path of this.#cache.keys()) {
          if (this.#cache.size <= Math.max(1, this.options.capacity)) break;
          this.#cache.delete(path);
        }
      } else {
        this.#cache.delete(relativePath);
        this.#cache.set(relativePath, low as Low<unknown>);
      }
      return op(low);
    });
  }
}
