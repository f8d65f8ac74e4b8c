// A .docx → report: nianbao's own output, the official template filled in, any Word report.
import { assemble } from "./assemble.ts";
import { docxBlocks } from "./docx-blocks.ts";
import { documentXml } from "./docx-zip.ts";
import { type ImportResult, importFailed } from "./import-result.ts";
import { MAX_INPUT_BYTES } from "./limits.ts";

export async function importDocx(bytes: Uint8Array): Promise<ImportResult> {
  if (bytes.length > MAX_INPUT_BYTES) return importFailed("too-large");
  const xml = await documentXml(bytes);
  if (!xml.ok) return importFailed(xml.reason);
  const blocks = docxBlocks(xml.xml);
  if (!blocks.ok) return importFailed("broken-docx");
  const result = assemble(blocks.blocks);
  // A Word document with nothing of a report in it (a letter) is "not-a-report", as text would be.
  return result;
}
