// Text → report: the seed's flattened-.docx layout and text copied from web pages.
import { assemble } from "./assemble.ts";
import type { ImportResult } from "./import-result.ts";
import { textBlocks } from "./text-blocks.ts";

export function importText(text: string): ImportResult {
  return assemble(textBlocks(text));
}
