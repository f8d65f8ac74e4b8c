// Deferred index shard writes. A shard is derived data (rebuildable from the report files), so an
// answer that only moves progress does not pay a second durable write: the entry waits in memory
// (listReports sees it at once) and the shard is written at most every `flushMs` per department,
// and on close. What makes that crash-safe is a durable marker index/dirty/<departmentId>, created
// before the first deferred entry is acknowledged and removed only after the shard is durable: at
// start-up every marked department's shard is re-derived from its reports (see recoverDirty).
// A new report or a status change (what a supervisor's dashboard acts on) is written at once.
import { open, rm } from "node:fs/promises";
import { join } from "node:path";
import { syncDir } from "./dir-sync.ts";
import type { DocHandle } from "./doc-registry.ts";
import { KeyedQueue } from "./keyed-queue.ts";
import { withEntry, type IndexEntry, type IndexShard } from "./report-index.ts";
import type { StoreLogger } from "./store-logger.ts";

export interface IndexWriterOptions {
  /** Absolute index/dirty folder. */
  readonly dirtyDir: string;
  readonly shardDoc: (departmentId: string) => DocHandle<IndexShard>;
  readonly logger: StoreLogger;
  /** Longest time a deferred entry waits before its shard is written. */
  readonly flushMs: number;
  /** Whether a lagging shard needs a marker (not when the journal re-derives it, see report-journal.ts). */
  readonly markers: boolean;
}

export const DEFAULT_INDEX_FLUSH_MS = 2_000;

export class IndexWriter {
  readonly #options: IndexWriterOptions;
  /** Entries not yet in their shard file, by department then year. */
  readonly #pending = new Map<string, Map<number, IndexEntry>>();
  /** Departments whose dirty marker is known to be durable. */
  readonly #marked = new Set<string>();
  /** Per department: marker, pending entries and shard writes never interleave. */
  readonly #queue = new KeyedQueue();
  #timer: NodeJS.Timeout | undefined;

  constructor(options: IndexWriterOptions) {
    this.#options = options;
  }

  /** Called once the report is durable; resolves once the entry survives a crash (shard or marker). */
  record(entry: IndexEntry, urgent: boolean): Promise<void> {
    const departmentId = entry.departmentId;
    return this.#queue.run(departmentId, async () => {
      this.#remember(entry);
      if (urgent) return this.#flushNow(departmentId);
      if (this.#options.markers && !this.#marked.has(departmentId)) {
        await this.#mark(departmentId);
        this.#marked.add(departmentId);
      }
      this.#schedule();
    });
  }

  /** The shard as it will be once the pending entries are written. */
  overlay(departmentId: string, shard: IndexShard): IndexShard {
    const pending = this.#pending.get(departmentId);
    return pending === undefined ? shard : [...pending.values()].reduce(withEntry, shard);
  }

  /** Writes every pending entry to its shard (durably) and drops the markers. */
  async flush(): Promise<void> {
    if (this.#timer !== undefined) clearTimeout(this.#timer);
    this.#timer = undefined;
    const departments = [...this.#pending.keys()];
    await Promise.all(departments.map((id) => this.#queue.run(id, () => this.#flushNow(id))));
  }

  #remember(entry: IndexEntry): void {
    let years = this.#pending.get(entry.departmentId);
    if (years === undefined) {
      years = new Map();
      this.#pending.set(entry.departmentId, years);
    }
    const existing = years.get(entry.year);
    if (existing === undefined || existing.revision <= entry.revision) years.set(entry.year, entry);
  }

  async #flushNow(departmentId: string): Promise<void> {
    const pending = this.#pending.get(departmentId);
    if (pending === undefined) return;
    const entries = [...pending.values()];
    await this.#options.shardDoc(departmentId).update((shard) => entries.reduce(withEntry, shard));
    this.#pending.delete(departmentId);
    if (this.#marked.delete(departmentId)) {
      // No fsync: a marker that survives a crash only costs one needless re-derivation.
      await rm(join(this.#options.dirtyDir, departmentId), { force: true });
    }
  }

  async #mark(departmentId: string): Promise<void> {
    const handle = await open(join(this.#options.dirtyDir, departmentId), "w");
    await handle.close();
    // An empty file: its folder entry is all there is to make durable.
    await syncDir(this.#options.dirtyDir);
  }

  #schedule(): void {
    if (this.#timer !== undefined) return;
    this.#timer = setTimeout(() => {
      this.#timer = undefined;
      this.flush().catch((error: unknown) => this.#options.logger.error({ err: error }, "store: index flush failed (rebuilt from the reports at the next start)"));
    }, this.#options.flushMs);
    this.#timer.unref();
  }
}
