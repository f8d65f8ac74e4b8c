// `npx nianbao doctor` on DATA_DIR: lists stored files that cannot be read (exit 1), with what each
// one's backup still holds. Read-only, so it may run while the bot runs.
import { localDateTime } from "../../core/deadline/shanghai.ts";
import { diagnose } from "../../app/data-folder.ts";
import { dataDirOf, type CliArgs, type CliContext } from "../cli-context.ts";

export async function doctorCommand(_args: CliArgs, cli: CliContext): Promise<number> {
  const dataDir = dataDirOf(cli);
  const { checked, damaged } = await diagnose(dataDir);
  if (damaged.length === 0) {
    cli.out(cli.t("doctor-clean", { dir: dataDir, files: checked }));
    return 0;
  }
  for (const entry of damaged) {
    cli.out(cli.t("doctor-damaged", { file: entry.file, reason: entry.reason }));
    const since = entry.backup?.updatedAt;
    // Fluent trims leading blanks: the indent under the file is added here.
    if (entry.backup === undefined) cli.out(`    ${cli.t("doctor-backup-none")}`);
    else if (since === undefined) cli.out(`    ${cli.t("doctor-backup-readable", { file: entry.file })}`);
    else cli.out(`    ${cli.t("doctor-backup-report", { since: localDateTime(since), revision: entry.backup.revision ?? 0 })}`);
  }
  cli.out(cli.t("doctor-summary", { dir: dataDir, count: damaged.length, files: checked }));
  return 1;
}
