// `nianbao check <report.json|published file|folder> [--last-year report.json] [--json]`.
// A published report (.txt/.html/.docx/.pdf) is imported on the fly; a folder gives one row per
// report. Exit 0 clean, 1 violations, 2 unreadable, 3 incomplete (cells that read several ways).
import { stat } from "node:fs/promises";
import { errorsOf, warningsOf, type Finding } from "../../core/report/findings.ts";
import type { ImportNote } from "../../core/import/import-result.ts";
import { findingSentence } from "../../findings-text.ts";
import { importNoteSentence } from "../../import-text.ts";
import type { CliArgs } from "../run-cli.ts";
import { CliError } from "../cli-error.ts";
import { readReport } from "../io.ts";
import type { CliContext } from "../cli-context.ts";
import { checkOne, exitOf } from "../check-one.ts";
import { checkFolder } from "./check-folder.ts";

async function isFolder(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isDirectory();
  } catch {
    return false;
  }
}

export async function checkCommand(args: CliArgs, cli: CliContext): Promise<number> {
  const file = args.positionals[0];
  if (file === undefined) throw new CliError("cli-usage-check");
  const lastYearFile = args.values["last-year"];
  const lastYear = lastYearFile === undefined ? undefined : await readReport(lastYearFile, cli.t);
  const json = args.values.json === true;
  if (await isFolder(file)) return checkFolder(file, lastYear, json, cli);
  const checked = await checkOne(file, lastYear);
  if (!checked.ok) {
    // A report.json that does not parse: readReport names every problem.
    if (checked.reason === "json-invalid" || checked.reason === "report-invalid") await readReport(file, cli.t);
    throw new CliError("cli-import-failed", { file, reason: importNoteSentence(cli.t, { code: checked.reason === "json-invalid" || checked.reason === "report-invalid" ? "unreadable" : checked.reason }) }, 2,
      checked.notes.map((note) => importNoteSentence(cli.t, note)));
  }
  const errors = errorsOf(checked.findings);
  const warnings = warningsOf(checked.findings);
  if (json) {
    const entry = (finding: Finding) => ({
      rule: finding.rule,
      cells: finding.cells,
      expected: finding.expected ?? null,
      actual: finding.actual ?? null,
      message: findingSentence(cli.t, finding),
    });
    const note = (item: ImportNote) => ({ code: item.code, cell: item.cell ?? null, message: importNoteSentence(cli.t, item), ...(item.choices === undefined ? {} : { choices: item.choices }) });
    const imported = checked.imported ? { import: { notes: checked.notes.map(note), open: checked.open } } : {};
    cli.out(JSON.stringify({ ok: errors.length === 0, complete: checked.open.length === 0, errors: errors.map(entry), warnings: warnings.map(entry), ...imported }, null, 2));
  } else {
    for (const item of checked.notes) cli.out(`• ${importNoteSentence(cli.t, item)}`);
    for (const finding of errors) cli.out(`✖ ${findingSentence(cli.t, finding)}`);
    for (const finding of warnings) cli.out(`⚠ ${findingSentence(cli.t, finding)}`);
    cli.out(cli.t(errors.length === 0 ? "cli-check-clean" : "cli-check-failed", { errors: errors.length, warnings: warnings.length }));
    if (checked.open.length > 0) cli.out(cli.t("cli-check-incomplete", { cells: checked.open.length }));
  }
  return exitOf(checked);
}
