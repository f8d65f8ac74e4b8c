// `npx nianbao backup <file.tar.gz>`: a consistent snapshot, taken by the running bot (control
// socket) or, with no bot, under the lock; packed here. `npx nianbao restore <file.tar.gz>`: refused
// over a running bot (exit 3); the archive is checked in full before the data folder is swapped.
import { access, mkdir, mkdtemp, rename, rm } from "node:fs/promises";
import { basename, dirname, join, resolve } from "node:path";
import { BackupDamagedError, CURRENT_FORMAT, LOCK_FILE, lockStore, packBackup, unpackBackup } from "../../app/data-folder.ts";
import { RELEASE } from "../../repo-root.ts";
import { CliError, dataDirOf, refuseStore, type CliArgs, type CliContext } from "../cli-context.ts";
import { askStoreOrBot } from "./admin.ts";

const stamp = (): string => new Date().toISOString().replace(/[-:]/g, "").replace(/\..*$/, "");

export async function backupCommand(args: CliArgs, cli: CliContext): Promise<number> {
  const [file] = args.positionals;
  if (file === undefined) throw new CliError("backup-usage");
  const archive = resolve(cli.cwd, file);
  const { snapshot } = await askStoreOrBot(cli, { v: 1, command: "snapshot" });
  if (snapshot === undefined) throw new CliError("control-failed", { reason: "no snapshot" }, 3);
  try {
    const manifest = await packBackup(snapshot, archive, { format: CURRENT_FORMAT, release: RELEASE, createdAt: new Date().toISOString() });
    cli.out(cli.t("backup-written", { file: archive, files: Object.keys(manifest.files).length }));
    return 0;
  } finally {
    await rm(snapshot, { recursive: true, force: true });
  }
}

export async function restoreCommand(args: CliArgs, cli: CliContext): Promise<number> {
  const [file] = args.positionals;
  if (file === undefined) throw new CliError("restore-usage");
  const archive = resolve(cli.cwd, file);
  const dataDir = dataDirOf(cli);
  const exists = await access(dataDir).then(() => true, () => false);
  // Taking the lock refuses a running bot; it moves away with the old folder.
  const lock = exists ? await lockStore(dataDir).catch(refuseStore) : undefined;
  await mkdir(dirname(dataDir), { recursive: true });
  const work = await mkdtemp(join(dirname(dataDir), `.${basename(dataDir)}.restoring-`));
  try {
    const { manifest, dataDir: restored } = await unpackBackup(archive, work).catch((error: unknown) => {
      if (error instanceof BackupDamagedError) {
        throw error.file === undefined
          ? new CliError("restore-damaged-archive", { file: archive, reason: error.reason }, 1)
          : new CliError("restore-damaged", { file: archive, reason: error.reason, part: error.file }, 1);
      }
      throw error;
    });
    if (manifest.format > CURRENT_FORMAT) throw new CliError("store-format-newer", { format: manifest.format, release: manifest.release, current: CURRENT_FORMAT }, 2);
    // mkdtemp: a second restore within the same second gets a folder of its own (rename onto an empty one).
    const before = exists ? await mkdtemp(`${dataDir}.before-restore-${stamp()}-`) : "";
    if (exists) {
      await rename(dataDir, before);
      await rm(join(before, LOCK_FILE), { recursive: true, force: true });
    }
    await rename(restored, dataDir);
    cli.out(cli.t("restore-done", { file: archive, dir: dataDir, files: Object.keys(manifest.files).length, created: manifest.createdAt }));
    if (exists) cli.out(cli.t("restore-kept", { dir: before }));
    return 0;
  } catch (error) {
    await lock?.release();
    throw error;
  } finally {
    // tar may still be finishing files of a damaged archive: rm retries ENOTEMPTY.
    await rm(work, { recursive: true, force: true, maxRetries: 10 });
  }
}
