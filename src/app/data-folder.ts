// The data folder as the composition roots (main.ts, the CLI) open it: no shell imports src/store/.
// At start, under the lock, older data is migrated after a backup (its path logged and told).
import { mkdir, rm } from "node:fs/promises";
import { join } from "node:path";
import { packBackup } from "../store/backup-archive.ts";
import { CURRENT_FORMAT, migrate, NewerFormatError, readFormat, writeFormat } from "../store/format.ts";
import { SNAPSHOTS_DIR } from "./control-server.ts";
import type { Store } from "./store-port.ts";

export { LOCK_FILE, lockStore, StoreLockedError } from "../store/store-lock.ts";
export { openStore } from "../store/store.ts";
export type { Store } from "./store-port.ts";
export { isValidYear, type ReportKey } from "./report-record.ts";
export { diagnose } from "../store/doctor.ts";
export { BackupDamagedError, packBackup, unpackBackup } from "../store/backup-archive.ts";
export { CURRENT_FORMAT, LegacyJournalError, NewerFormatError } from "../store/format.ts";

const UPGRADE_BACKUPS_DIR = ".upgrade-backups";

export type UpgradeOutcome = { kind: "current" } | { kind: "migrated"; from: number; backup: string };

/** Throws NewerFormatError for data written by a newer release. */
export async function upgradeDataFolder(store: Store, release: string, now: string): Promise<UpgradeOutcome> {
  const found = await readFormat(store.dataDir);
  if (found.format > CURRENT_FORMAT) throw new NewerFormatError(found.format, found.writtenBy);
  if (found.format === CURRENT_FORMAT) {
    if (found.empty) await writeFormat(store.dataDir, release);
    return { kind: "current" };
  }
  const stamp = now.replace(/[-:]/g, "").replace(/\..*$/, "");
  const snapshot = join(store.dataDir, SNAPSHOTS_DIR, `upgrade-${stamp}`);
  // Inside the data folder (the only place systemd's ProtectSystem=strict or a Docker volume lets the
  // service write); a dot-name, so later backups leave it out.
  const backup = join(store.dataDir, UPGRADE_BACKUPS_DIR, `before-upgrade-format${found.format}-${stamp}.tar.gz`);
  await mkdir(snapshot, { recursive: true });
  try {
    await store.snapshot(join(snapshot, "data"));
    await packBackup(snapshot, backup, { format: found.format, release: found.writtenBy, createdAt: now });
  } finally {
    await rm(snapshot, { recursive: true, force: true });
  }
  await migrate(store.dataDir, found.format, release);
  return { kind: "migrated", from: found.format, backup };
}
