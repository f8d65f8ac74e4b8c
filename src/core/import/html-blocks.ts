// A saved web page (.html as published on a government portal) → blocks. Tables pasted from Word
// keep rowspan/colspan, &nbsp; and <p>/<span> inside cells; the narrative sits in <p>/<div>.
// Parsed with htmlparser2 + domutils (never regular expressions over markup).
import { isTag, isText, type ChildNode, type Element } from "domhandler";
import { getAttributeValue, getChildren, textContent } from "domutils";
import { type Block, paragraph, table } from "./rows.ts";
import { expandSpans, type SpannedCell } from "./grid.ts";
import { MAX_DEPTH } from "./limits.ts";
import { parseMarkup } from "./parse-markup.ts";

const SKIP = new Set(["script", "style", "noscript", "head", "title", "template", "svg", "iframe", "button", "select", "nav"]);
const BLOCK = new Set(["p", "div", "section", "article", "main", "header", "footer", "aside", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "dl", "dt", "dd", "blockquote", "pre", "center", "form", "body", "html"]);

/** A cell's text: its paragraphs joined without a break (a label printed over two lines is one label). */
function cellText(cell: Element): string {
  return textContent(cell).replace(/\s+/gu, " ").trim();
}

function rowsOfTable(element: Element): SpannedCell[][] {
  const rows: SpannedCell[][] = [];
  const visit = (node: ChildNode, depth: number): void => {
    if (!isTag(node) || depth > MAX_DEPTH) return;
    if (node.name === "table" && node !== element) return; // nested tables belong to their cell
    if (node.name === "tr") {
      rows.push(
        getChildren(node)
          .filter((child): child is Element => isTag(child) && (child.name === "td" || child.name === "th"))
          .map((cell) => ({
            text: cellText(cell),
            colSpan: Number(getAttributeValue(cell, "colspan") ?? 1),
            rowSpan: Number(getAttributeValue(cell, "rowspan") ?? 1),
          })),
      );
      return;
    }
    for (const child of getChildren(node)) visit(child, depth + 1);
  };
  for (const child of getChildren(element)) visit(child, 1);
  return rows;
}

/** The page's blocks, or null when its markup nests too deeply to be a report. */
export function htmlBlocks(html: string): Block[] | null {
  const parsed = parseMarkup(html, false);
  if (!parsed.ok) return null;
  const blocks: Block[] = [];
  let line = "";
  const flush = (): void => {
    const text = line.replace(/\s+/gu, " ").trim();
    if (text !== "") blocks.push(paragraph(text));
    line = "";
  };
  const walk = (node: ChildNode, depth: number): void => {
    if (depth > MAX_DEPTH) return;
    if (isText(node)) {
      line += node.data;
      return;
    }
    if (!isTag(node) || SKIP.has(node.name)) return;
    if (node.name === "table") {
      flush();
      blocks.push(table(expandSpans(rowsOfTable(node))));
      return;
    }
    if (node.name === "br") {
      flush();
      return;
    }
    const isBlock = BLOCK.has(node.name);
    if (isBlock) flush();
    for (const child of getChildren(node)) walk(child, depth + 1);
    if (isBlock) flush();
  };
  for (const node of parsed.nodes) walk(node, 0);
  flush();
  return blocks;
}
