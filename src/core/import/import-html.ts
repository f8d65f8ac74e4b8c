// A saved web page → report: the page's tables and paragraphs read the same way as text.
import { assemble } from "./assemble.ts";
import { htmlBlocks } from "./html-blocks.ts";
import { type ImportResult, importFailed } from "./import-result.ts";

export function importHtml(html: string): ImportResult {
  const blocks = htmlBlocks(html);
  return blocks === null ? importFailed("unreadable") : assemble(blocks);
}
