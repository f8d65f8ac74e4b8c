// Where each document lives under DATA_DIR (documented in data/README.md). Ids become file names,
// so they are restricted to a safe alphabet instead of being escaped.
import { isAbsolute, normalize, sep } from "node:path";

export const REPORTS_DIR = "reports";
export const INDEX_DIR = "index/reports";
/** Departments whose index shard may lag their reports (see index-writer.ts). */
export const DIRTY_DIR = "index/dirty";
export const USERS_DIR = "users";
/** The write-ahead journal of report changes (see journal.ts). */
export const JOURNAL_DIR = "journal";
export const ORG_FILE = "org.json";

/** Folders created by openStore. */
export const STORE_DIRS: readonly string[] = [REPORTS_DIR, INDEX_DIR, DIRTY_DIR, USERS_DIR, JOURNAL_DIR];

const ID = /^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/;

export interface ReportKey {
  readonly departmentId: string;
  readonly year: number;
}

export class StoreKeyError extends Error {
  constructor(message: string) {
    super(`store: ${message}`);
    this.name = "StoreKeyError";
  }
}

export function isValidId(id: string): boolean {
  return ID.test(id);
}

export function checkId(kind: string, id: string): string {
  if (!ID.test(id)) throw new StoreKeyError(`${kind} ${JSON.stringify(id)} must be 1–64 of A–Z a–z 0–9 _ - (not starting with _ or -)`);
  return id;
}

/** A report year the store keeps (2000–2100): shells check typed or tapped years with this. */
export function isValidYear(year: number): boolean {
  return Number.isInteger(year) && year >= 2000 && year <= 2100;
}

export function checkYear(year: number): number {
  if (!isValidYear(year)) throw new StoreKeyError(`year ${year} must be an integer 2000–2100`);
  return year;
}

export function reportPath(key: ReportKey): string {
  return `${REPORTS_DIR}/${checkId("departmentId", key.departmentId)}/${checkYear(key.year)}.json`;
}

export function indexShardPath(departmentId: string): string {
  return `${INDEX_DIR}/${checkId("departmentId", departmentId)}.json`;
}

export function userPath(userId: string | number): string {
  return `${USERS_DIR}/${checkId("userId", String(userId))}.json`;
}

/** A relative `.json` path that stays inside the data folder. */
export function checkRelativePath(relativePath: string): string {
  const normal = normalize(relativePath);
  if (isAbsolute(normal) || normal.startsWith(`..${sep}`) || normal === ".." || !normal.endsWith(".json")) {
    throw new StoreKeyError(`document path ${JSON.stringify(relativePath)} must be a relative .json path inside the data folder`);
  }
  return normal;
}
