// At start, under the lock: the data folder's format is checked, and older data is migrated after a
// backup (DATA_DIR/.upgrade-backups/) (its path logged and told). Newer data is refused by the caller.
import { mkdir, rm } from "node:fs/promises";
import { join } from "node:path";
import { CURRENT_FORMAT, migrate, NewerFormatError, packBackup, readFormat, writeFormat } from "./data-folder.ts";
import { SNAPSHOTS_DIR } from "./control-server.ts";
import type { Store } from "./store-port.ts";

const UPGRADE_BACKUPS_DIR = ".upgrade-backups";

export type UpgradeOutcome = { kind: "current" } | { kind: "migrated"; from: number; backup: string };

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
