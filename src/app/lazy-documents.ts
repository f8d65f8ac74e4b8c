// The bot's way to the heavy document code, loaded on first use instead of at start: the .docx
// renderer (the docx package), the importer (jszip, htmlparser2) and the .xlsx summary together
// slow the process start noticeably and no first update needs them. Same signatures as the modules
// behind them; a module is loaded once, then import() returns the cached one.
import type { ImportResult } from "../core/import/import-report.ts";
import type { RenderOptions } from "../core/render/render-report.ts";
import type { Report } from "../core/report/schema.ts";
import type { OfficeSummary } from "../core/summary/aggregate.ts";
import type { DepartmentColumn, SheetText } from "../xlsx/summary-xlsx.ts";

export async function renderReport(report: Report, options: RenderOptions): Promise<Uint8Array> {
  const renderer = await import("../core/render/render-report.ts");
  return renderer.renderReport(report, options);
}

export async function importReport(input: { name: string; bytes: Uint8Array }): Promise<ImportResult> {
  const importer = await import("../core/import/import-report.ts");
  return importer.importReport(input);
}

export async function summaryWorkbook(summary: OfficeSummary, departments: readonly DepartmentColumn[], t: SheetText): Promise<Uint8Array> {
  const xlsx = await import("../xlsx/summary-xlsx.ts");
  return xlsx.summaryWorkbook(summary, departments, t);
}
