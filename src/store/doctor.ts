// `npx nianbao doctor`: every stored file read as the store would read it, and the damaged ones
// listed with what their backup still holds. Read-only (it takes no lock), so it runs beside the bot.
import { basename, join } from "node:path";
import { ReportRecordSchema } from "../app/report-record.ts";
import { StoreDamagedError, type BackupState } from "../app/store-port.ts";
import { UserSessionSchema } from "../app/user-session.ts";
import { DurableFile } from "./durable-file.ts";
import { filesUnder, JOURNAL_DIR } from "./paths.ts";
import { LOCK_FILE } from "./store-lock.ts";

/** Folders that hold no store documents (documents issued, the old journal, the lock). */
const SKIPPED = new Set([LOCK_FILE, "exports", "demo", JOURNAL_DIR]);

function parserFor(file: string): (data: unknown) => unknown {
  if (/^reports\/[^/]+\/\d{4}\.json$/.test(file)) return (data) => ReportRecordSchema.parse(data);
  if (/^users\/[^/]+\.json$/.test(file)) return (data) => UserSessionSchema.parse(data);
  // Other documents are validated by the features that own them; here they must be JSON.
  return (data) => data;
}

function backupState(data: unknown): BackupState {
  const parsed = ReportRecordSchema.safeParse(data);
  return parsed.success ? { revision: parsed.data.revision, updatedAt: parsed.data.updatedAt } : {};
}

/** `file` is relative with forward slashes; `backup` is undefined when no readable backup exists. */
type DamagedFile = Pick<StoreDamagedError, "file" | "reason" | "backup">;

export async function diagnose(dataDir: string): Promise<{ checked: number; damaged: DamagedFile[] }> {
  const names = (await filesUnder(dataDir)).filter(
    (name) => !SKIPPED.has(name.split("/")[0] ?? "") && /\.json(\.bak)?$/.test(name) && !basename(name).startsWith("."),
  );
  // A document is its file, or a backup left without its file (a crash between first writes).
  const documents = [...new Set(names.map((name) => name.replace(/\.bak$/, "")))].sort();
  const damaged: DamagedFile[] = [];
  for (const file of documents) {
    try {
      await new DurableFile(join(dataDir, file), { name: file, parse: parserFor(file), describeBackup: backupState }).read();
    } catch (error) {
      if (!(error instanceof StoreDamagedError)) throw error;
      damaged.push({ file, reason: error.reason, backup: error.backup });
    }
  }
  return { checked: documents.length, damaged };
}
