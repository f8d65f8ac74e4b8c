// Where each document lives under DATA_DIR (documented in data/README.md). Ids become file names,
// so they are restricted to a safe alphabet instead of being escaped.
import { isAbsolute, normalize, sep } from "node:path";

import { isValidYear, type ReportKey } from "../app/report-record.ts";

export { isValidYear, type ReportKey };

export const REPORTS_DIR = "reports";
export const USERS_DIR = "users";
/** The write-ahead journal of releases before the store was simplified (see legacy-journal.ts). */
export const JOURNAL_DIR = "journal";
export const ORG_FILE = "org.json";

/** Folders created by openStore. */
export const STORE_DIRS: readonly string[] = [REPORTS_DIR, USERS_DIR];

const ID = /^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/;

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

export function checkYear(year: number): number {
  if (!isValidYear(year)) throw new StoreKeyError(`year ${year} must be an integer 2000–2100`);
  return year;
}

export function reportPath(key: ReportKey): string {
  return `${REPORTS_DIR}/${checkId("departmentId", key.departmentId)}/${checkYear(key.year)}.json`;
}

/** The key of a relative report path as reportPath() makes it, or undefined for any other path. */
export function reportKeyOf(relativePath: string): ReportKey | undefined {
  const [dir, departmentId, file, ...rest] = relativePath.split("/");
  const year = /^(\d{4})\.json$/.exec(file ?? "")?.[1];
  if (dir !== REPORTS_DIR || departmentId === undefined || !isValidId(departmentId) || year === undefined || rest.length > 0) return undefined;
  return isValidYear(Number(year)) ? { departmentId, year: Number(year) } : undefined;
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
