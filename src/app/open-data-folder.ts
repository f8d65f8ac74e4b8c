// The data folder opened as the composition roots (main.ts, the CLI) open it, and what they say when it cannot be.
import { join } from "node:path";
import { CURRENT_FORMAT, LegacyJournalError, LOCK_FILE, NewerFormatError, openStore, StoreLockedError, upgradeDataFolder } from "./data-folder.ts";
import type { Store, UpgradeOutcome } from "./data-folder.ts";
import type { Line } from "../core/summary/line.ts";

/** The store, its format checked and older data upgraded (data-folder.ts); closed again when that fails. */
export async function openDataFolder(
  options: Parameters<typeof openStore>[0],
  release: string,
  now: string,
): Promise<{ store: Store; upgrade: UpgradeOutcome }> {
  const store = await openStore(options);
  try {
    return { store, upgrade: await upgradeDataFolder(store, release, now) };
  } catch (error) {
    await store.close();
    throw error;
  }
}

/** Why the folder was refused, and the exit code: 3 while a process or an old release holds it; 2 (restarting cannot help) for newer data. */
export function storeRefusal(error: unknown): (Line & { readonly exitCode: number }) | undefined {
  if (error instanceof LegacyJournalError) {
    return { key: "store-legacy-journal", params: { dir: join(error.dataDir, "journal"), segments: String(error.segments) }, exitCode: 3 };
  }
  if (error instanceof StoreLockedError) {
    return { key: "store-locked", params: { pid: String(error.pid), lock: join(error.dataDir, LOCK_FILE) }, exitCode: 3 };
  }
  if (error instanceof NewerFormatError) {
    return { key: "store-format-newer", params: { format: error.format, release: error.writtenBy, current: CURRENT_FORMAT }, exitCode: 2 };
  }
  return undefined;
}
