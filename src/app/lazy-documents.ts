// The bot's way to the heavy document code, loaded on first use instead of at start: the .docx
// renderer (the docx package), the importer (jszip, htmlparser2) and the .xlsx summary together
// slow the process start noticeably and no first update needs them. Same signatures as the modules
// behind them; a module is loaded once, then import() returns the cached one.
import type * as Importer from "../core/import/import-report.ts";
import type * as Renderer from "../core/render/render-report.ts";
import type * as Xlsx from "../xlsx/summary-xlsx.ts";

export async function renderReport(...args: Parameters<typeof Renderer.renderReport>): Promise<Uint8Array> {
  return (await import("../core/render/render-report.ts")).renderReport(...args);
}

export async function importReport(...args: Parameters<typeof Importer.importReport>): Promise<Importer.ImportResult> {
  return (await import("../core/import/import-report.ts")).importReport(...args);
}

export async function summaryWorkbook(...args: Parameters<typeof Xlsx.summaryWorkbook>): Promise<Uint8Array> {
  return (await import("../xlsx/summary-xlsx.ts")).summaryWorkbook(...args);
}
