// A PDF as published on a portal → report. A PDF without a text layer (a scan) is said to be one:
// reading it needs OCR, which nianbao does not do.
import { assemble } from "./assemble.ts";
import { type ImportResult, importFailed } from "./import-result.ts";
import { pdfBlocks } from "./pdf-blocks.ts";
import { pdfItems } from "./pdf-items.ts";
import { pdfLines } from "./pdf-lines.ts";

/** Fewer characters than this per page: page numbers and a stamp at most, no text layer. */
const SCAN_CHARS_PER_PAGE = 20;

export async function importPdf(bytes: Uint8Array): Promise<ImportResult> {
  const read = await pdfItems(bytes);
  if (!read.ok) return importFailed(read.reason);
  const characters = read.items.reduce((sum, item) => sum + item.str.trim().length, 0);
  if (characters < SCAN_CHARS_PER_PAGE * Math.max(1, read.pages)) {
    return importFailed("scanned-pdf");
  }
  return assemble(pdfBlocks(pdfLines(read.items)));
}
