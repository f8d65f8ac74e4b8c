// A saved web page → report, read like text. Parsed with htmlparser2 + domutils, never regular
// expressions over markup.
import { isTag, isText, type ChildNode, type Element } from "domhandler";
import { getAttributeValue, getChildren, textContent } from "domutils";
import { assemble } from "./assemble.ts";
import { type ImportResult, importFailed } from "./import-result.ts";
import { MAX_DEPTH, MAX_SPAN } from "./limits.ts";
import { parseMarkup } from "./parse-markup.ts";
import { type Block, paragraph, table } from "./rows.ts";

const SKIP = new Set(["script", "style", "noscript", "head", "title", "template", "svg", "iframe", "button", "select", "nav"]);
const BLOCK = new Set(["p", "div", "section", "article", "main", "header", "footer", "aside", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "dl", "dt", "dd", "blockquote", "pre", "center", "form", "body", "html"]);

/** Clamped: a colspan of 10^9 must not allocate. */
function span(cell: Element, name: string): number {
  const value = Number(getAttributeValue(cell, name) ?? 1);
  return Number.isInteger(value) && value > 0 ? Math.min(value, MAX_SPAN) : 1;
}

/** Merged cells → a plain grid: the text stands in the first grid cell, the cells a span covers are "". */
function expandSpans(rows: readonly (readonly Element[])[]): string[][] {
  const covered: Set<number>[] = rows.map(() => new Set<number>());
  return rows.map((cells, r) => {
    const out: string[] = [];
    let column = 0;
    const skipCovered = (): void => {
      while (covered[r]?.has(column) === true) {
        out[column] = "";
        column++;
      }
    };
    for (const cell of cells) {
      skipCovered();
      const cols = span(cell, "colspan");
      const rowsDown = span(cell, "rowspan");
      for (let c = 0; c < cols; c++) {
        out[column + c] = c === 0 ? cellText(cell) : "";
        for (let down = 1; down < rowsDown && r + down < rows.length; down++) covered[r + down]?.add(column + c);
      }
      column += cols;
    }
    skipCovered();
    return Array.from(out, (cell) => cell ?? "");
  });
}

// Paragraphs joined without a break: a label printed over two lines is one label.
function cellText(cell: Element): string {
  return textContent(cell).replace(/\s+/gu, " ").trim();
}

function rowsOfTable(element: Element): Element[][] {
  const rows: Element[][] = [];
  const visit = (node: ChildNode, depth: number): void => {
    if (!isTag(node) || depth > MAX_DEPTH) return;
    if (node.name === "table" && node !== element) return; // nested tables belong to their cell
    if (node.name === "tr") {
      rows.push(getChildren(node).filter((cell): cell is Element => isTag(cell) && (cell.name === "td" || cell.name === "th")));
      return;
    }
    for (const child of getChildren(node)) visit(child, depth + 1);
  };
  for (const child of getChildren(element)) visit(child, 1);
  return rows;
}

export function importHtml(html: string): ImportResult {
  const nodes = parseMarkup(html, false);
  if (nodes === null) return importFailed("unreadable");
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
  for (const node of nodes) walk(node, 0);
  flush();
  return assemble(blocks);
}
