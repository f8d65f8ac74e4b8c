// `nianbao render <report.json> -o out.docx [--draft] [--pdf | --html] [--agency 单位]`. --pdf goes through
// LibreOffice when it is installed (else the .docx, saying so); --html writes the portal fragment.
import { resolve } from "node:path";
import type { Report } from "../../core/report/schema.ts";
import { renderHtml } from "../../core/render/html.ts";
import { renderReport } from "../../core/render/render-report.ts";
import { docxToPdf, officeTools } from "../../app/libreoffice.ts";
import { isDraft } from "../../app/report-document.ts";
import { CliError, type CliArgs, type CliContext } from "../cli-context.ts";
import { readReport, writeOutput } from "../report-files.ts";

/** Final as the bot's documents are (app/report-document.ts), and only when the title can name the agency. */
export const isFinal = (report: Report): boolean => report.meta.agency !== undefined && !isDraft(report);

const kb = (bytes: Uint8Array | string): number => Math.ceil((typeof bytes === "string" ? Buffer.byteLength(bytes) : bytes.byteLength) / 1024);

export async function renderCommand(args: CliArgs, cli: CliContext): Promise<number> {
  const file = args.positionals[0];
  const output = args.values.output;
  if (file === undefined || output === undefined) throw new CliError("cli-usage-render");
  const read = await readReport(file, cli.t);
  const agency = args.values.agency?.trim();
  const report: Report = agency === undefined || agency === "" ? read : { ...read, meta: { ...read.meta, agency } };
  if (report.meta.agency === undefined) cli.err(cli.t("cli-render-agency-missing"));
  const draft = args.values.draft === true || !isFinal(report);
  const path = resolve(cli.cwd, output);
  const write = async (bytes: Uint8Array | string, finalKey: string, draftKey: string): Promise<number> => {
    await writeOutput(path, bytes);
    cli.out(cli.t(draft ? draftKey : finalKey, { file: path, kb: kb(bytes) }));
    return 0;
  };
  if (args.values.html === true) return write(renderHtml(report), "cli-render-html", "cli-render-html-draft");
  const docx = await renderReport(report, { draft });
  if (args.values.pdf !== true) return write(docx, "cli-render-final", "cli-render-draft");
  if (officeTools().soffice) return write(await docxToPdf(docx), "cli-render-pdf", "cli-render-pdf-draft");
  const instead = path.replace(/\.pdf$/i, "") + ".docx";
  await writeOutput(instead, docx);
  cli.err(cli.t("cli-render-no-office", { file: instead }));
  return 0;
}
