// `npx nianbao doctor`: every stored file read as the store would read it, and the damaged ones
// listed with what their backup still holds. Read-only (it takes no lock), so it runs beside the bot.
import { readdir } from "node:fs/promises";
import { join, relative, sep } from "node:path";
import { ReportRecordSchema } from "../app/report-record.ts";
import type { BackupState } from "../app/store-port.ts";
import { UserSessionSchema } from "../app/user-session.ts";
import { readCandidate } from "./durable-file.ts";
import { JOURNAL_DIR } from "./paths.ts";
import { LOCK_FILE } from "./store-lock.ts";

export interface DamagedFile {
  /** Relative to the data folder, with forward slashes. */
  readonly file: string;
  readonly reason: string;
  /** Undefined when no readable backup exists. */
  readonly backup: BackupState | undefined;
}

export interface DoctorReport {
  readonly checked: number;
  readonly damaged: readonly DamagedFile[];
}

/** Folders that hold no store documents (documents issued, the old journal, the lock). */
const SKIPPED = new Set([LOCK_FILE, "exports", "demo", JOURNAL_DIR]);

function parserFor(file: string): (data: unknown) => unknown {
  if (/^reports\/[^/]+\/\d{4}\.json$/.test(file)) return (data) => ReportRecordSchema.parse(data);
  if (/^users\/[^/]+\.json$/.test(file)) return (data) => UserSessionSchema.parse(data);
  // Other documents are validated by the features that own them; here they must be JSON.
  return (data) => data;
}

async function walk(dir: string, root: string, found: string[]): Promise<void> {
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    const name = relative(root, path).split(sep).join("/");
    if (SKIPPED.has(name)) continue;
    if (entry.isDirectory()) await walk(path, root, found);
    else if (/\.json(\.bak)?$/.test(entry.name) && !entry.name.startsWith(".")) found.push(name);
  }
}

export async function diagnose(dataDir: string): Promise<DoctorReport> {
  const names: string[] = [];
  await walk(dataDir, dataDir, names);
  const present = new Set(names);
  // A document is its file, or a backup left without its file (a crash between first writes).
  const documents = [...new Set(names.map((name) => name.replace(/\.bak$/, "")))].sort();
  const damaged: DamagedFile[] = [];
  for (const file of documents) {
    const parse = parserFor(file);
    const main = present.has(file) ? await readCandidate(join(dataDir, file), parse) : ({ kind: "missing" } as const);
    if (main.kind === "ok") continue;
    const backup = await readCandidate(join(dataDir, `${file}.bak`), parse);
    const state = backup.kind === "ok" ? backupState(backup.data) : undefined;
    damaged.push({ file, reason: main.kind === "bad" ? main.reason : "missing, its backup exists", backup: state });
  }
  return { checked: documents.length, damaged };
}

function backupState(data: unknown): BackupState {
  const parsed = ReportRecordSchema.safeParse(data);
  return parsed.success ? { revision: parsed.data.revision, updatedAt: parsed.data.updatedAt } : {};
}
