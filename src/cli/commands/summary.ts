// `nianbao summary <data dir> --office <name> -o out.docx [--year 2024] [--all]`: a supervising
// office's combined summary from the bot's store, the same .docx (and .xlsx beside it) the bot's
// /summary sends. The operator of the machine is trusted like the bot's admins.
import { resolve } from "node:path";
import { createOrgService, officeByRef } from "../../app/org-service.ts";
import { createSummaryService } from "../../app/summary-service.ts";
import { localDate } from "../../core/deadline/shanghai.ts";
import { isValidYear, openStore } from "../../app/data-folder.ts";
import { CliError, cliLogger, refuseStore, type CliArgs, type CliContext } from "../cli-context.ts";
import { writeOutput } from "../report-files.ts";

const OPERATOR = "cli-operator";

export async function summaryCommand(args: CliArgs, cli: CliContext): Promise<number> {
  const dir = args.positionals[0];
  const officeRef = args.values.office;
  const output = args.values.output;
  if (dir === undefined || officeRef === undefined || output === undefined) throw new CliError("cli-usage-summary");
  const now = new Date().toISOString();
  const year = Number(args.values.year ?? Number(localDate(now).slice(0, 4)) - 1);
  if (!isValidYear(year)) throw new CliError("cli-usage-summary");
  const store = await openStore({ dataDir: resolve(cli.cwd, dir), logger: cliLogger(cli) }).catch(refuseStore);
  try {
    const org = createOrgService({ store, now: () => now });
    const office = officeByRef(await org.org(), officeRef);
    if (office === undefined) throw new CliError("sup-org-error-unknown-office");
    const service = createSummaryService({ store, adminIds: [OPERATOR], now: () => now }, () => org.org(), () => org.calendar());
    const made = await service.summary(OPERATOR, office.id, year, args.values.all === true ? "all" : "submitted", cli.t);
    if (!made.ok) throw new CliError("sup-org-error-unknown-office");
    const path = resolve(cli.cwd, output);
    const xlsx = path.replace(/\.docx$/i, "") + ".xlsx";
    await writeOutput(path, made.docx);
    await writeOutput(xlsx, made.xlsx);
    cli.out(cli.t(made.draft ? "cli-summary-draft" : "cli-summary-final", { file: path, xlsx }));
    return 0;
  } finally {
    await store.close();
  }
}
