// The store as the app sees it: the app owns this interface, src/store/ implements it (openStore).
// Whatever the store hands out is frozen (deeply): a caller builds the next version, never edits.
// Faults the officer must be told about are typed (StoreDamagedError, StoreDiskFullError), so the
// shells can say what happened instead of "please retry".
import type { z } from "zod";
import type { ReportDraft, ReportKey, ReportRecord, ReportStatus } from "./report-record.ts";
import type { UserSession } from "./user-session.ts";

export interface DocHandle<T> {
  /** The stored document (the defaults while the file does not exist), frozen. */
  read(): Promise<T>;
  /**
   * Atomic read-modify-write, serialised per document: `fn` gets the stored document (frozen) and
   * returns the next one, which is validated and durable (fsynced, renamed, folder fsynced) before
   * the promise resolves. Returning `current` itself writes nothing. If `fn` throws, or the result
   * is invalid, or the write fails, nothing changes.
   */
  update(fn: (current: T) => T): Promise<T>;
}

export interface ReportChange {
  /** Who changed it (e.g. `tg:123456`). */
  readonly by: string;
  /** When, as an ISO instant; the store never reads the clock. */
  readonly at: string;
}

export interface ReportFilter {
  readonly departmentId?: string;
  readonly departmentIds?: readonly string[];
  readonly year?: number;
  readonly status?: ReportStatus;
}

export interface Progress {
  /** Input cells answered, out of `cellsTotal` (derived totals do not count). */
  readonly cells: number;
  readonly cellsTotal: number;
  /** Required narrative parts with text, out of `textsTotal`. */
  readonly texts: number;
  readonly textsTotal: number;
}

/** One line of a listing: what a board or a reminder needs without opening the report. */
export interface IndexEntry {
  readonly departmentId: string;
  readonly year: number;
  readonly status: ReportStatus;
  readonly progress: Progress;
  readonly updatedAt: string;
  readonly revision: number;
}

export interface ReportRepository {
  /** The stored record (frozen), or null when the report was never saved. */
  getReport(key: ReportKey): Promise<ReportRecord | null>;
  /**
   * Atomic update (a new report starts empty, status draft); resolves once the report is durable.
   * `fn` gets the stored record (frozen); returning it unchanged writes nothing (no revision, no
   * history). History gets one entry per changed field. The result is the stored record (frozen).
   */
  updateReport(key: ReportKey, fn: (current: ReportRecord) => ReportDraft, change: ReportChange): Promise<ReportRecord>;
  /** Entries matching the filter, ordered by department then year (damaged reports left out). */
  listReports(filter?: ReportFilter): Promise<IndexEntry[]>;
}

export interface Store {
  /** Absolute data folder. */
  readonly dataDir: string;
  /** A JSON document under the data folder (e.g. `org.json`), validated by `schema`. */
  doc<T>(relativePath: string, schema: z.ZodType<T>, defaults: T): DocHandle<T>;
  readonly reports: ReportRepository;
  /** users/<userId>.json */
  user(userId: string | number): DocHandle<UserSession>;
  /** Resolves once every write started so far has settled (every update is durable when it resolves). */
  flush(): Promise<void>;
  /**
   * Hard-links every data file into the folder `into` with new writes held back meanwhile: every
   * update resolved before the call is in it, none requested after it. Returns the files (relative).
   */
  snapshot(into: string): Promise<readonly string[]>;
  /** Waits for pending writes and releases the data folder; the store is unusable afterwards. */
  close(): Promise<void>;
  /** Documents held in memory now (for tests and health checks). */
  readonly loadedDocuments: number;
}

/** What a damaged file's backup still holds: the state the store could fall back to. */
export interface BackupState {
  /** The report record's revision and time in the backup (reports only). */
  readonly revision?: number;
  readonly updatedAt?: string;
}

/**
 * A stored file cannot be read (truncated, garbled, invalid). The store never falls back to the
 * older backup by itself: that would drop acknowledged changes without anyone knowing.
 */
export class StoreDamagedError extends Error {
  constructor(
    /** Path relative to the data folder, e.g. reports/d1/2025.json. */
    readonly file: string,
    readonly reason: string,
    /** Undefined when no readable backup exists. */
    readonly backup: BackupState | undefined,
    /** Set when the file is a report. */
    readonly report?: ReportKey,
  ) {
    super(`store: ${file} is damaged (${reason}); ${backup === undefined ? "no readable backup" : `its backup ${file}.bak is readable`}`);
    this.name = "StoreDamagedError";
  }
}

/** A write failed because the disk is full (ENOSPC, EDQUOT): the stored version is unchanged. */
export class StoreDiskFullError extends Error {
  constructor(
    readonly file: string,
    options?: { cause?: unknown },
  ) {
    super(`store: the disk is full; ${file} was not changed`, options);
    this.name = "StoreDiskFullError";
  }
}
