// At start, under the lock: the data folder's format is checked, and older data is migrated after a
// backup beside the data folder (its path logged and told). Newer data is refused by the caller.
import { mkdir, rm } from "node:fs/promises";
import { basename, dirname, join } from "node:path";
import { CURRENT_FORMAT, migrate, NewerFormatError, packBackup, readFormat, writeFormat } from "./data-folder.ts";
import { SNAPSHOTS_DIR } from "./control-server.ts";
import type { Store } from "./store-port.ts";

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
  const backup = join(dirname(store.dataDir), `${basename(store.dataDir)}-before-upgrade-format${found.format}-${stamp}.tar.gz`);
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
