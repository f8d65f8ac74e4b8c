// Where each document lives under DATA_DIR (documented in data/README.md). Ids become file names,
// so they are restricted to a safe alphabet instead of being escaped.
import { readdir } from "node:fs/promises";
import { isAbsolute, join, normalize, relative, sep } from "node:path";
import { isValidYear, type ReportKey } from "../app/report-record.ts";
import { errorCode } from "./durable-file.ts";

export const REPORTS_DIR = "reports";
/** The write-ahead journal of releases before the store was simplified (see format.ts). */
export const JOURNAL_DIR = "journal";

const ID = /^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/;

const keyError = (message: string): Error => new Error(`store: ${message}`);

export function isValidId(id: string): boolean {
  return ID.test(id);
}

export function checkId(kind: string, id: string): string {
  if (!ID.test(id)) throw keyError(`${kind} ${JSON.stringify(id)} must be 1–64 of A–Z a–z 0–9 _ - (not starting with _ or -)`);
  return id;
}

export function reportPath(key: ReportKey): string {
  if (!isValidYear(key.year)) throw keyError(`year ${key.year} must be an integer 2000–2100`);
  return `${REPORTS_DIR}/${checkId("departmentId", key.departmentId)}/${key.year}.json`;
}

export function userPath(userId: string | number): string {
  return `users/${checkId("userId", String(userId))}.json`;
}

/** A relative `.json` path that stays inside the data folder. */
export function checkRelativePath(relativePath: string): string {
  const normal = normalize(relativePath);
  if (isAbsolute(normal) || normal.startsWith(`..${sep}`) || normal === ".." || !normal.endsWith(".json")) {
    throw keyError(`document path ${JSON.stringify(relativePath)} must be a relative .json path inside the data folder`);
  }
  return normal;
}

/** The names in `dir` that `keep` accepts, sorted; none when it does not exist. */
export async function namesIn(dir: string, keep: (name: string) => boolean): Promise<string[]> {
  const names = await readdir(dir).catch((error: unknown) => {
    if (errorCode(error) === "ENOENT") return [];
    throw error;
  });
  return names.filter(keep).sort();
}

/** Every regular file under `dir` (relative, forward slashes), sorted. */
export async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)).split(sep).join("/"))
    .sort();
}

/** The files a snapshot or backup holds: dot-names (the lock, the socket, temp files, snapshots) left out. */
export async function dataFiles(dir: string): Promise<string[]> {
  return (await filesUnder(dir)).filter((file) => !file.split("/").some((part) => part.startsWith(".")));
}
