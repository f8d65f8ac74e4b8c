// The one entry point for an uploaded file: sniffs the kind by content, regardless of its name,
// refuses what is too large, and never throws (a fault is an "unreadable" failure, not a crash).
import { importDocx } from "./import-docx.ts";
import { importHtml } from "./import-html.ts";
import { type ImportResult, importFailed } from "./import-result.ts";
import { importPdf } from "./import-pdf.ts";
import { importText } from "./import-text.ts";
import { MAX_INPUT_BYTES } from "./limits.ts";
import { sniff } from "./sniff.ts";

export type { ImportFailure, ImportNote, ImportResult } from "./import-result.ts";

export async function importReport(input: { name: string; bytes: Uint8Array }): Promise<ImportResult> {
  const { bytes } = input;
  if (bytes.length > MAX_INPUT_BYTES) return importFailed("too-large");
  if (bytes.length === 0) return importFailed("empty");
  try {
    const kind = sniff(bytes);
    switch (kind.kind) {
      case "zip":
        return await importDocx(bytes);
      case "pdf":
        return await importPdf(bytes);
      case "html":
        return importHtml(kind.text);
      case "text":
        return importText(kind.text);
      case "legacy-doc":
      case "binary":
      case "unreadable":
        return importFailed(kind.kind);
    }
  } catch {
    // Deeply nested or otherwise hostile input that a parser could not take.
    return importFailed("unreadable");
  }
}
