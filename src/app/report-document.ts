// A stored report as the .docx a user downloads: a draft while a rule fails or a part is missing.
import { checkReport, missingParts } from "../core/report/check.ts";
import { errorsOf } from "../core/report/findings.ts";
import { reportTitle } from "../core/report/narrative.ts";
import type { Report } from "../core/report/schema.ts";
import { renderReport } from "./lazy-documents.ts";

export async function reportDocument(report: Report): Promise<{ bytes: Uint8Array; title: string; draft: boolean }> {
  const missing = missingParts(report);
  const draft = errorsOf(checkReport(report)).length > 0 || missing.cells.length + missing.texts.length > 0;
  return { bytes: await renderReport(report, { draft }), title: reportTitle(report.meta), draft };
}
