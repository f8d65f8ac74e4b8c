// A .docx → report. Zip bombs: declared sizes are checked before inflating, and the inflate stops
// once the limit is passed (a lying declared size). w:vMerge continuation cells are empty already.
import { isTag, isText, type ChildNode, type Element } from "domhandler";
import { getAttributeValue, getChildren } from "domutils";
import JSZip from "jszip";
import { assemble } from "./assemble.ts";
import { type ImportResult, importFailed } from "./import-result.ts";
import { MAX_DEPTH, MAX_DOCUMENT_XML_BYTES, MAX_INPUT_BYTES, MAX_SPAN, MAX_ZIP_ENTRIES } from "./limits.ts";
import { parseMarkup } from "./parse-markup.ts";
import { type Block, paragraph, table } from "./rows.ts";

const DOCUMENT = "word/document.xml";
const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;

/** Declared uncompressed sizes by entry name, from the central directory; null if there is none. */
function declaredSizes(bytes: Uint8Array): Map<string, number> | null {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let eocd = -1;
  for (let at = bytes.length - 22; at >= Math.max(0, bytes.length - 22 - 0xffff); at--) {
    if (view.getUint32(at, true) === EOCD) {
      eocd = at;
      break;
    }
  }
  if (eocd === -1) return null;
  const count = view.getUint16(eocd + 10, true);
  let at = view.getUint32(eocd + 16, true);
  if (count > MAX_ZIP_ENTRIES) return null;
  const sizes = new Map<string, number>();
  const names = new TextDecoder();
  for (let entry = 0; entry < count; entry++) {
    if (at + 46 > bytes.length || view.getUint32(at, true) !== CENTRAL) return null;
    const size = view.getUint32(at + 24, true);
    const nameLength = view.getUint16(at + 28, true);
    const extraLength = view.getUint16(at + 30, true);
    const commentLength = view.getUint16(at + 32, true);
    if (at + 46 + nameLength > bytes.length) return null;
    const name = names.decode(bytes.subarray(at + 46, at + 46 + nameLength));
    // 0xffffffff: the real size is in a ZIP64 field; no Word document needs one.
    sizes.set(name, size === 0xffffffff ? Number.POSITIVE_INFINITY : size);
    at += 46 + nameLength + extraLength + commentLength;
  }
  return sizes;
}

type DocumentXml = { ok: true; xml: string } | { ok: false; reason: "broken-docx" | "not-a-docx" | "too-large" };

/** The entry as UTF-8 text, inflated until it passes `limit` bytes (a lying declared size). */
function inflateBounded(file: JSZip.JSZipObject, limit: number): Promise<DocumentXml> {
  const stream = file.nodeStream("nodebuffer");
  const decoder = new TextDecoder("utf-8", { fatal: true });
  let xml = "";
  let total = 0;
  return new Promise((resolve) => {
    const fail = (reason: "broken-docx" | "too-large"): void => {
      stream.pause();
      resolve({ ok: false, reason });
    };
    const decode = (chunk?: Uint8Array): boolean => {
      try {
        xml += decoder.decode(chunk, { stream: chunk !== undefined });
        return true;
      } catch {
        fail("broken-docx");
        return false;
      }
    };
    stream
      .on("data", (chunk: Uint8Array) => {
        total += chunk.length;
        if (total > limit) fail("too-large");
        else decode(chunk);
      })
      .on("error", () => fail("broken-docx"))
      .on("end", () => {
        if (decode()) resolve({ ok: true, xml });
      });
  });
}

async function documentXml(bytes: Uint8Array): Promise<DocumentXml> {
  const sizes = declaredSizes(bytes);
  if (sizes === null) return { ok: false, reason: "broken-docx" };
  const declared = sizes.get(DOCUMENT);
  if (declared === undefined) return { ok: false, reason: "not-a-docx" };
  if (declared > MAX_DOCUMENT_XML_BYTES) return { ok: false, reason: "too-large" };
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(bytes, { checkCRC32: false });
  } catch {
    return { ok: false, reason: "broken-docx" };
  }
  const file = zip.file(DOCUMENT);
  if (file === null) return { ok: false, reason: "not-a-docx" };
  return inflateBounded(file, Math.min(MAX_DOCUMENT_XML_BYTES, declared));
}

function elements(node: ChildNode): Element[] {
  return getChildren(node).filter(isTag);
}

function child(node: ChildNode, name: string): Element | undefined {
  return elements(node).find((element) => element.name === name);
}

// Deleted text, paragraph properties and the fallback copy of alternate content are not read.
const UNREAD = new Set(["w:del", "w:pPr", "mc:Fallback"]);

function paragraphText(node: Element, depth = 0): string {
  if (node.name === "w:t") return getChildren(node).filter(isText).map((text) => text.data).join("");
  if (node.name === "w:tab") return "\t";
  if (node.name === "w:br" || node.name === "w:cr") return "\n";
  if (UNREAD.has(node.name) || depth >= MAX_DEPTH) return "";
  return elements(node).map((element) => paragraphText(element, depth + 1)).join("");
}

function cellText(tc: Element): string {
  return elements(tc)
    .filter((element) => element.name === "w:p")
    .map(paragraphText)
    .join("")
    .trim();
}

/** w:gridSpan / w:gridBefore, clamped; 0 when absent. */
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

function docxBlocks(xml: string): Block[] | null {
  const document = parseMarkup(xml, true)?.filter(isTag).find((element) => element.name === "w:document");
  const body = document === undefined ? undefined : child(document, "w:body");
  if (body === undefined) return null;
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
  return blocks;
}

export async function importDocx(bytes: Uint8Array): Promise<ImportResult> {
  if (bytes.length > MAX_INPUT_BYTES) return importFailed("too-large");
  const xml = await documentXml(bytes);
  if (!xml.ok) return importFailed(xml.reason);
  const blocks = docxBlocks(xml.xml);
  return blocks === null ? importFailed("broken-docx") : assemble(blocks);
}
