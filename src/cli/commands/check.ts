// `nianbao check <report.json> [--last-year report.json] [--json]`: exit 0 clean, 1 violations, 2 unreadable.
import { checkReport } from "../../core/report/check.ts";
import { errorsOf, warningsOf, type Finding } from "../../core/report/findings.ts";
import { findingSentence } from "../../findings-text.ts";
import type { CliArgs } from "../run-cli.ts";
import { CliError } from "../cli-error.ts";
import { readReport } from "../io.ts";
import type { CliContext } from "../cli-context.ts";

export async function checkCommand(args: CliArgs, cli: CliContext): Promise<number> {
  const file = args.positionals[0];
  if (file === undefined) throw new CliError("cli-usage-check");
  const report = await readReport(file, cli.t);
  const lastYearFile = args.values["last-year"];
  const lastYear = lastYearFile === undefined ? undefined : await readReport(lastYearFile, cli.t);
  const findings = checkReport(report, lastYear === undefined ? {} : { lastYear });
  const errors = errorsOf(findings);
  const warnings = warningsOf(findings);
  if (args.values.json === true) {
    const entry = (finding: Finding) => ({
      rule: finding.rule,
      cells: finding.cells,
      expected: finding.expected ?? null,
      actual: finding.actual ?? null,
      message: findingSentence(cli.t, finding),
    });
    cli.out(JSON.stringify({ ok: errors.length === 0, errors: errors.map(entry), warnings: warnings.map(entry) }, null, 2));
  } else {
    for (const finding of errors) cli.out(`✖ ${findingSentence(cli.t, finding)}`);
    for (const finding of warnings) cli.out(`⚠ ${findingSentence(cli.t, finding)}`);
    cli.out(cli.t(errors.length === 0 ? "cli-check-clean" : "cli-check-failed", { errors: errors.length, warnings: warnings.length }));
  }
  return errors.length === 0 ? 0 : 1;
}
