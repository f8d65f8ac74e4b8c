// `nianbao demo [-o out.docx]`: imports the real 2021 report shipped with nianbao and renders it.
import { readFile } from "node:fs/promises";
import { join, resolve } from "node:path";
import { importReport } from "../../core/import/import-report.ts";
import { checkReport } from "../../core/report/check.ts";
import { errorsOf, warningsOf } from "../../core/report/findings.ts";
import { renderReport } from "../../core/render/render-report.ts";
import type { CliArgs } from "../run-cli.ts";
import { CliError } from "../cli-error.ts";
import { writeOutput } from "../io.ts";
import type { CliContext } from "../cli-context.ts";
import { isFinal } from "./render.ts";
import { repoPath } from "../../repo-root.ts";

export const DEMO_SEED = repoPath("src", "demo", "seed-2021.txt");

export async function demoCommand(args: CliArgs, cli: CliContext): Promise<number> {
  const bytes = new Uint8Array(await readFile(DEMO_SEED));
  const result = await importReport({ name: "seed-2021.txt", bytes });
  if (!result.ok) throw new CliError("cli-import-failed", { file: DEMO_SEED, reason: result.reason });
  // The seed is a district 应急管理局's published report; its title names neither agency nor year.
  const report = { ...result.report, meta: { agency: "奉化区应急管理局", ...result.report.meta } };
  const findings = checkReport(report);
  const docx = await renderReport(report, { draft: !isFinal(report) });
  const dataDir = resolve(cli.cwd, cli.env["DATA_DIR"] ?? "data");
  const output = resolve(cli.cwd, args.values.output ?? join(dataDir, "demo", "demo-2021.docx"));
  await writeOutput(output, docx);
  cli.out(cli.t("cli-demo-done", { file: output, errors: errorsOf(findings).length, warnings: warningsOf(findings).length }));
  return 0;
}
