// The store as the app owns it (src/store/ implements it): what it hands out is deeply frozen, and
// faults are typed so the shells can say what happened instead of "please retry".
import type { z } from "zod";
import type { ReportDraft, ReportKey, ReportRecord, ReportStatus } from "./report-record.ts";
import type { UserSession } from "./user-session.ts";

export interface DocHandle<T> {
  /** The stored document, or the defaults while the file does not exist. */
  read(): Promise<T>;
  /** Atomic, serialised per document, validated and durable when it resolves; returning `current` writes nothing. */
  update(fn: (current: T) => T): Promise<T>;
}

/** Who changed a report (e.g. `tg:123456`) and when (ISO): the store never reads the clock. */
type ReportChange = { readonly by: string; readonly at: string };

/** One line of a listing: what reminders and the import check need without opening the report. */
export interface IndexEntry {
  readonly departmentId: string;
  readonly year: number;
  readonly status: ReportStatus;
  readonly revision: number;
}

export interface ReportRepository {
  /** Null when the report was never saved. */
  getReport(key: ReportKey): Promise<ReportRecord | null>;
  /** As DocHandle.update (a new report starts empty, draft); history gets one entry per changed field. */
  updateReport(key: ReportKey, fn: (current: ReportRecord) => ReportDraft, change: ReportChange): Promise<ReportRecord>;
  /** The departments' reports (all departments without a list), by department then year; damaged ones left out. */
  listReports(departmentIds?: readonly string[]): Promise<IndexEntry[]>;
}

export interface Store {
  readonly dataDir: string;
  /** A JSON document under the data folder (e.g. `org.json`), validated by `schema`. */
  doc<T>(relativePath: string, schema: z.ZodType<T>, defaults: T): DocHandle<T>;
  readonly reports: ReportRepository;
  /** users/<userId>.json */
  user(userId: string | number): DocHandle<UserSession>;
  /** Resolves once every write started so far has settled. */
  flush(): Promise<void>;
  /** Hard-links every data file into `into`, writes held back: every update resolved before is in it. */
  snapshot(into: string): Promise<readonly string[]>;
  /** Waits for pending writes and releases the data folder; the store is unusable afterwards. */
  close(): Promise<void>;
  /** Documents held in memory now (for tests and health checks). */
  readonly loadedDocuments: number;
}

/** What a damaged file's backup still holds (a report's revision and time). */
export interface BackupState {
  readonly revision?: number;
  readonly updatedAt?: string;
}

/** A stored file cannot be read. Never a silent fall-back to the backup: it would drop acknowledged changes. */
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
