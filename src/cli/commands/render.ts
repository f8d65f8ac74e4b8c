// `nianbao render <report.json> -o out.docx [--draft]`: a final document only when every rule holds.
import { resolve } from "node:path";
import { checkReport, missingParts } from "../../core/report/check.ts";
import { errorsOf } from "../../core/report/findings.ts";
import type { Report } from "../../core/report/schema.ts";
import { renderReport } from "../../core/render/render-report.ts";
import type { CliArgs } from "../run-cli.ts";
import { CliError } from "../cli-error.ts";
import { readReport, writeOutput } from "../io.ts";
import type { CliContext } from "../cli-context.ts";

/** A report is final when nothing is missing and no hard rule fails. */
export function isFinal(report: Report): boolean {
  const missing = missingParts(report);
  return missing.cells.length === 0 && missing.texts.length === 0 && errorsOf(checkReport(report)).length === 0;
}

export async function renderCommand(args: CliArgs, cli: CliContext): Promise<number> {
  const file = args.positionals[0];
  const output = args.values.output;
  if (file === undefined || output === undefined) throw new CliError("cli-usage-render");
  const report = await readReport(file, cli.t);
  const draft = args.values.draft === true || !isFinal(report);
  const bytes = await renderReport(report, { draft });
  const path = resolve(cli.cwd, output);
  await writeOutput(path, bytes);
  cli.out(cli.t(draft ? "cli-render-draft" : "cli-render-final", { file: path, kb: Math.ceil(bytes.byteLength / 1024) }));
  return 0;
}
