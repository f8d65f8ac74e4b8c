// The .docx an interview hands out: rendered bytes and a file name that says draft or final and
// which revision of the report it shows, so an officer can tell two downloads apart.
import { renderReport } from "./lazy-documents.ts";
import { safeFileName } from "../core/report/names.ts";
import { reportTitle } from "../core/report/narrative.ts";
import type { Report } from "../core/report/schema.ts";

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
