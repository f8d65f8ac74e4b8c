// The one entry point for an uploaded file: sniffs the kind by its bytes, never by its name, and
// never throws (a fault is "unreadable", not a crash).
import { importDocx } from "./import-docx.ts";
import { importHtml } from "./import-html.ts";
import { type ImportResult, importFailed } from "./import-result.ts";
import { importPdf } from "./import-pdf.ts";
import { importText } from "./import-text.ts";
import { MAX_INPUT_BYTES } from "./limits.ts";

export type { ImportResult } from "./import-result.ts";

function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
  return prefix.every((byte, index) => bytes[index] === byte);
}

// Byte-order marks and the encoding each announces; without one, UTF-8 then GB18030 is tried.
const BOMS: readonly [readonly number[], string][] = [
  [[0xef, 0xbb, 0xbf], "utf-8"],
  [[0xff, 0xfe], "utf-16le"],
  [[0xfe, 0xff], "utf-16be"],
  [[0x84, 0x31, 0x95, 0x33], "gb18030"],
];

function decode(bytes: Uint8Array): string | null {
  const bom = BOMS.find(([mark]) => startsWith(bytes, mark));
  const tries: [string, number][] = bom === undefined ? [["utf-8", 0], ["gb18030", 0]] : [[bom[1], bom[0].length]];
  for (const [encoding, skip] of tries) {
    try {
      return new TextDecoder(encoding, { fatal: true }).decode(bytes.subarray(skip));
    } catch {
      // try the next encoding
    }
  }
  return null;
}

/** Share of C0 controls other than tab and line breaks: no text contains them. */
function controlShare(text: string): number {
  const controls = text.match(/[\u0000-\u0008\u000B\u000E-\u001F]/gu)?.length ?? 0;
  return text.length === 0 ? 0 : controls / text.length;
}

export async function importReport(input: { name: string; bytes: Uint8Array }): Promise<ImportResult> {
  const { bytes } = input;
  if (bytes.length > MAX_INPUT_BYTES) return importFailed("too-large");
  if (bytes.length === 0) return importFailed("empty");
  try {
    const zip = startsWith(bytes, [0x50, 0x4b, 0x03, 0x04]) || startsWith(bytes, [0x50, 0x4b, 0x05, 0x06]);
    if (zip) return await importDocx(bytes);
    // %PDF- may follow a few bytes of junk (readers accept it within the first 1024 bytes).
    if (new TextDecoder("latin1").decode(bytes.subarray(0, 1024)).includes("%PDF-")) return await importPdf(bytes);
    if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) return importFailed("legacy-doc");
    const text = decode(bytes);
    if (text === null) return importFailed(bytes.subarray(0, 4096).includes(0) ? "binary" : "unreadable");
    if (controlShare(text.slice(0, 65536)) > 0.01) return importFailed("binary");
    const head = text.slice(0, 65536).toLowerCase();
    if (head.includes("<html") || head.includes("<table") || head.includes("<!doctype html")) return importHtml(text);
    return importText(text);
  } catch {
    // Deeply nested or otherwise hostile input that a parser could not take.
    return importFailed("unreadable");
  }
}
