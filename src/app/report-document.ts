// A report as the .docx a user gets: a draft while a rule fails or a part is missing. The
// interview's file name also says which revision it shows, so an officer can tell two downloads apart.
import type * as Importer from "../core/import/import-report.ts";
import type * as Renderer from "../core/render/render-report.ts";
import { checkReport, missingParts } from "../core/report/check.ts";
import { errorsOf } from "../core/report/findings.ts";
import { safeFileName } from "../core/report/names.ts";
import { reportTitle } from "../core/report/narrative.ts";
import type { Report } from "../core/report/schema.ts";
import type * as Xlsx from "../xlsx/summary-xlsx.ts";

// The heavy document code (docx; jszip and htmlparser2 for imports; the .xlsx) is loaded on first use:
// it slows the start and no first update needs it. Same signatures as the modules behind.
export async function renderReport(...args: Parameters<typeof Renderer.renderReport>): Promise<Uint8Array> {
  return (await import("../core/render/render-report.ts")).renderReport(...args);
}

export async function importReport(...args: Parameters<typeof Importer.importReport>): Promise<Importer.ImportResult> {
  return (await import("../core/import/import-report.ts")).importReport(...args);
}

export async function summaryWorkbook(...args: Parameters<typeof Xlsx.summaryWorkbook>): Promise<Uint8Array> {
  return (await import("../xlsx/summary-xlsx.ts")).summaryWorkbook(...args);
}

export function hardErrors(report: Report): number {
  return errorsOf(checkReport(report)).length;
}

export function isDraft(report: Report): boolean {
  const missing = missingParts(report);
  return hardErrors(report) > 0 || missing.cells.length + missing.texts.length > 0;
}

export async function reportDocument(report: Report): Promise<{ bytes: Uint8Array; title: string; draft: boolean }> {
  const draft = isDraft(report);
  return { bytes: await renderReport(report, { draft }), title: reportTitle(report.meta), draft };
}

export interface DocumentFile {
  readonly final: boolean;
  readonly bytes: Uint8Array;
  readonly fileName: string;
  /** Same for two documents of the same report content and kind: a channel that keeps files need not write it twice. */
  readonly content: string;
}

/** 「奉化区应急管理局2021年政府信息公开工作年度报告-草稿-v3.docx」, in a safe alphabet (names.ts). */
export function documentFileName(report: Report, final: boolean, revision: number): string {
  return `${safeFileName(`${reportTitle(report.meta)}-${final ? "定稿" : "草稿"}-v${revision}`)}.docx`;
}

export async function documentFile(report: Report, final: boolean, revision: number): Promise<DocumentFile> {
  const bytes = await renderReport(report, { draft: !final });
  return { final, bytes, fileName: documentFileName(report, final, revision), content: JSON.stringify([final, report]) };
}
