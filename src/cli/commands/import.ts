// `nianbao import <file.txt|file.html|file.docx|file.pdf> [-o report.json] [--agency 名称] [--year 2021]`.
// Exit 0 imported, 2 refused, 3 imported with cells left empty (figures that read several ways).
import { basename, resolve } from "node:path";
import { importReport } from "../../core/import/import-report.ts";
import { parseReport } from "../../core/report/schema.ts";
import { importNoteSentence } from "../../findings-text.ts";
import { CliError, type CliArgs, type CliContext } from "../cli-context.ts";
import { importError, readInput, reportInvalid, writeOutput } from "../report-files.ts";

export async function importCommand(args: CliArgs, cli: CliContext): Promise<number> {
  const file = args.positionals[0];
  if (file === undefined) throw new CliError("cli-usage-import");
  const bytes = await readInput(file);
  const result = await importReport({ name: basename(file), bytes });
  if (!result.ok) throw importError(file, cli.t, result);
  const agency = args.values.agency;
  const year = args.values.year;
  const meta = { ...result.report.meta, ...(agency === undefined ? {} : { agency }), ...(year === undefined ? {} : { year: Number(year) }) };
  const checked = parseReport({ ...result.report, meta });
  if (!checked.ok) throw reportInvalid(file, cli.t, checked.problems);
  for (const note of result.notes) cli.err(`• ${importNoteSentence(cli.t, note)}`);
  const json = `${JSON.stringify(checked.report, null, 2)}\n`;
  const output = args.values.output;
  if (output === undefined) {
    cli.out(json.trimEnd());
  } else {
    const path = resolve(cli.cwd, output);
    await writeOutput(path, json);
    cli.err(cli.t("cli-import-written", { file: path, cells: Object.keys(checked.report.values).length }));
  }
  // Cells whose figures read several ways were left empty: the run is incomplete (exit 3).
  return result.notes.some((note) => note.code === "row-ambiguous") ? 3 : 0;
}
