// Deferred index shard writes. A shard is derived data (rebuildable from the report files), so an
// answer that only moves progress does not pay a second durable write: the entry waits in memory
// (listReports sees it at once) and is written by the next checkpoint, together with the report
// files (checkpointer.ts). A crash before that loses nothing: the journal still names the report,
// and replay at start-up re-derives its department's shard (store.ts).
// A new report or a status change (what a supervisor's dashboard acts on) is written at once.
import type { DocHandle } from "./doc-registry.ts";
import { KeyedQueue } from "./keyed-queue.ts";
import { withEntry, type IndexEntry, type IndexShard } from "./report-index.ts";

export interface IndexWriterOptions {
  readonly shardDoc: (departmentId: string) => DocHandle<IndexShard>;
}

export class IndexWriter {
  readonly #options: IndexWriterOptions;
  /** Entries not yet in their shard file, by department then year. */
  readonly #pending = new Map<string, Map<number, IndexEntry>>();
  /** Per department: pending entries and shard writes never interleave. */
  readonly #queue = new KeyedQueue();

  constructor(options: IndexWriterOptions) {
    this.#options = options;
  }

  /** Called once the report change is durable; an urgent entry is written before this resolves. */
  record(entry: IndexEntry, urgent: boolean): Promise<void> {
    const departmentId = entry.departmentId;
    return this.#queue.run(departmentId, async () => {
      this.#remember(entry);
      if (urgent) await this.#flushNow(departmentId);
    });
  }

  /** The shard as it will be once the pending entries are written. */
  overlay(departmentId: string, shard: IndexShard): IndexShard {
    const pending = this.#pending.get(departmentId);
    return pending === undefined ? shard : [...pending.values()].reduce(withEntry, shard);
  }

  /** Writes every pending entry to its shard (durably). */
  async flush(): Promise<void> {
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
  }
}
