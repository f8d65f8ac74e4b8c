// `npx nianbao doctor`: every stored file read as the store would read it, and the damaged ones
// listed with what their backup still holds. Read-only (it takes no lock), so it runs beside the bot.
import { join } from "node:path";
import { StoreDamagedError } from "../app/store-port.ts";
import { UserSessionSchema } from "../app/user-session.ts";
import { DurableFile } from "./durable-file.ts";
import { dataFiles, JOURNAL_DIR } from "./paths.ts";
import { REPORT_TYPE } from "./report-repository.ts";

/** Folders that hold no store documents (documents issued, the old journal); dataFiles leaves out dot-names. */
const SKIPPED = new Set(["exports", "demo", JOURNAL_DIR]);

/** A stored file opened as the store opens it. */
function documentAt(dataDir: string, file: string): { read: () => Promise<unknown> } {
  const path = join(dataDir, file);
  if (/^reports\/[^/]+\/\d{4}\.json$/.test(file)) return new DurableFile(path, { name: file, ...REPORT_TYPE });
  if (/^users\/[^/]+\.json$/.test(file)) return new DurableFile(path, { name: file, parse: (data) => UserSessionSchema.parse(data) });
  // Other documents are validated by the features that own them; here they must be JSON.
  return new DurableFile(path, { name: file, parse: (data) => data });
}

/** `file` is relative with forward slashes; `backup` is undefined when no readable backup exists. */
type DamagedFile = Pick<StoreDamagedError, "file" | "reason" | "backup">;

export async function diagnose(dataDir: string): Promise<{ checked: number; damaged: DamagedFile[] }> {
  const names = (await dataFiles(dataDir)).filter((name) => !SKIPPED.has(name.split("/")[0] ?? "") && /\.json(\.bak)?$/.test(name));
  // A document is its file, or a backup left without its file (a crash between first writes).
  const documents = [...new Set(names.map((name) => name.replace(/\.bak$/, "")))].sort();
  const damaged: DamagedFile[] = [];
  for (const file of documents) {
    try {
      await documentAt(dataDir, file).read();
    } catch (error) {
      if (!(error instanceof StoreDamagedError)) throw error;
      damaged.push({ file, reason: error.reason, backup: error.backup });
    }
  }
  return { checked: documents.length, damaged };
}
