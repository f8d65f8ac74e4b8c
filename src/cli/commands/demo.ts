// `nianbao demo [-o out.docx]`: imports the real 2021 report shipped with nianbao and renders it.
import { readFile } from "node:fs/promises";
import { join, resolve } from "node:path";
import { importReport } from "../../core/import/import-report.ts";
import { checkReport } from "../../core/report/check.ts";
import { errorsOf, warningsOf } from "../../core/report/findings.ts";
import { renderReport } from "../../core/render/render-report.ts";
import { repoPath } from "../../repo-root.ts";
import { CliError, dataDirOf, type CliArgs, type CliContext } from "../cli-context.ts";
import { writeOutput } from "../report-files.ts";
import { isFinal } from "./render.ts";

const DEMO_SEED = repoPath("src", "demo", "seed-2021.txt");

export async function demoCommand(args: CliArgs, cli: CliContext): Promise<number> {
  const bytes = new Uint8Array(await readFile(DEMO_SEED));
  const result = await importReport({ name: "seed-2021.txt", bytes });
  if (!result.ok) throw new CliError("cli-import-failed", { file: DEMO_SEED, reason: result.reason });
  // The seed is a district 应急管理局's published report; its title names neither agency nor year.
  const report = { ...result.report, meta: { agency: "奉化区应急管理局", ...result.report.meta } };
  const findings = checkReport(report);
  const docx = await renderReport(report, { draft: !isFinal(report) });
  const output = resolve(cli.cwd, args.values.output ?? join(dataDirOf(cli), "demo", "demo-2021.docx"));
  await writeOutput(output, docx);
  cli.out(cli.t("cli-demo-done", { file: output, errors: errorsOf(findings).length, warnings: warningsOf(findings).length }));
  return 0;
}
