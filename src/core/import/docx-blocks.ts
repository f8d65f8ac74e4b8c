// word/document.xml → blocks, parsed with htmlparser2 in xmlMode: w:p paragraphs (w:t runs,
// w:tab, w:br), w:tbl tables (w:tr rows, w:tc cells with w:gridSpan; w:vMerge continuation cells
// are empty cells already). Content controls (w:sdt) are entered, deleted text (w:delText) and
// the fallback copy of alternate content (mc:Fallback) are not read.
import { isTag, isText, type ChildNode, type Element } from "domhandler";
import { getAttributeValue, getChildren } from "domutils";
import { type Block, paragraph, table } from "./rows.ts";
import { MAX_DEPTH, MAX_SPAN } from "./limits.ts";
import { parseMarkup } from "./parse-markup.ts";

function elements(node: ChildNode): Element[] {
  return getChildren(node).filter(isTag);
}

function child(node: ChildNode, name: string): Element | undefined {
  return elements(node).find((element) => element.name === name);
}

/** The text of a paragraph (iterative: a hostile document may nest deeply). */
function paragraphText(p: Element): string {
  let text = "";
  const stack: { node: ChildNode; depth: number }[] = [{ node: p, depth: 0 }];
  while (stack.length > 0) {
    const { node, depth } = stack.pop() ?? { node: p, depth: MAX_DEPTH + 1 };
    if (depth > MAX_DEPTH || !isTag(node)) continue;
    if (node.name === "w:t") text += getChildren(node).filter(isText).map((t) => t.data).join("");
    else if (node.name === "w:tab") text += "\t";
    else if (node.name === "w:br" || node.name === "w:cr") text += "\n";
    else if (node.name !== "mc:Fallback" && node.name !== "w:del" && node.name !== "w:pPr") {
      const children = getChildren(node);
      for (let i = children.length - 1; i >= 0; i--) {
        const next = children[i];
        if (next !== undefined) stack.push({ node: next, depth: depth + 1 });
      }
    }
  }
  return text;
}

function cellText(tc: Element): string {
  return elements(tc)
    .filter((element) => element.name === "w:p")
    .map(paragraphText)
    .join("")
    .trim();
}

/** The w:val of `parent`'s `name` child (w:gridSpan, w:gridBefore), clamped; 0 when absent. */
function span(parent: Element | undefined, name: string): number {
  const element = parent === undefined ? undefined : child(parent, name);
  if (element === undefined) return 0;
  const value = Number(getAttributeValue(element, "w:val") ?? 1);
  return Number.isInteger(value) && value >= 1 ? Math.min(value, MAX_SPAN) : 0;
}

function tableRows(tbl: Element): string[][] {
  return elements(tbl)
    .filter((tr) => tr.name === "w:tr")
    .map((tr) => {
      const trPr = child(tr, "w:trPr");
      const row: string[] = Array.from({ length: span(trPr, "w:gridBefore") }, () => "");
      for (const tc of elements(tr).filter((element) => element.name === "w:tc")) {
        row.push(cellText(tc));
        const merged = Math.max(1, span(child(tc, "w:tcPr"), "w:gridSpan"));
        for (let i = 1; i < merged; i++) row.push("");
      }
      return row;
    });
}

export type DocxBlocks = { ok: true; blocks: Block[] } | { ok: false };

export function docxBlocks(xml: string): DocxBlocks {
  const parsed = parseMarkup(xml, true);
  const document = !parsed.ok ? undefined : parsed.nodes.filter(isTag).find((element) => element.name === "w:document");
  const body = document === undefined ? undefined : child(document, "w:body");
  if (body === undefined) return { ok: false };
  const blocks: Block[] = [];
  const walk = (node: Element, depth: number): void => {
    if (depth > MAX_DEPTH) return;
    for (const element of elements(node)) {
      if (element.name === "w:p") {
        for (const line of paragraphText(element).split("\n")) blocks.push(paragraph(line));
      } else if (element.name === "w:tbl") {
        blocks.push(table(tableRows(element)));
      } else if (element.name === "w:sdt" || element.name === "w:sdtContent" || element.name === "w:customXml") {
        walk(element, depth + 1);
      }
    }
  };
  walk(body, 0);
  return { ok: true, blocks };
}
