// A PDF → report: text items from pdf.js through `unpdf` (its bundled pdf.js runs on Node 20;
// pdfjs-dist 6 needs Node ≥ 22.13), loaded only when a PDF arrives. Scans are refused: no OCR.
import type { StructuredTextItem } from "unpdf";
import { T4_COLUMNS, T4_GROUPS } from "../report/format.ts";
import { SECTIONS } from "../report/narrative.ts";
import { assemble } from "./assemble.ts";
import { type ImportResult, importFailed } from "./import-result.ts";
import { headingIndex } from "./outline.ts";
import { table3Rows } from "./pdf-tables.ts";
import { type Block, paragraph, table } from "./rows.ts";

/** unpdf's text item (left edge and baseline in PDF points, origin bottom-left) and its page. */
export type PdfItem = Readonly<Pick<StructuredTextItem, "str" | "x" | "y" | "width" | "fontSize"> & { page: number }>;

/** Fewer per page: page numbers and a stamp at most, no text layer. */
const SCAN_CHARS_PER_PAGE = 20;

export async function importPdf(bytes: Uint8Array): Promise<ImportResult> {
  const read = await pdfItems(bytes);
  if (!read.ok) return importFailed(read.reason);
  const characters = read.items.reduce((sum, item) => sum + item.str.trim().length, 0);
  if (characters < SCAN_CHARS_PER_PAGE * Math.max(1, read.pages)) return importFailed("scanned-pdf");
  return assemble(pdfBlocks(pdfLines(read.items)));
}

async function pdfItems(
  bytes: Uint8Array,
): Promise<{ ok: true; items: PdfItem[]; pages: number } | { ok: false; reason: "broken-pdf" | "encrypted-pdf" }> {
  const { extractTextItems, getDocumentProxy } = await import("unpdf");
  let document: Awaited<ReturnType<typeof getDocumentProxy>>;
  try {
    // pdf.js takes the buffer over (detaches it): it gets a copy.
    document = await getDocumentProxy(new Uint8Array(bytes));
  } catch (error) {
    return { ok: false, reason: (error as Error | undefined)?.name === "PasswordException" ? "encrypted-pdf" : "broken-pdf" };
  }
  try {
    const { items, totalPages } = await extractTextItems(document);
    const out = items.flatMap((page, index) =>
      page
        .filter((item) => item.str.trim() !== "")
        .map(({ str, x, y, width, fontSize }) => ({ page: index + 1, str, x, y, width, fontSize })),
    );
    return { ok: true, items: out, pages: totalPages };
  } catch {
    return { ok: false, reason: "broken-pdf" };
  } finally {
    // Frees pdf.js's copy, as unpdf's own helpers do.
    await document.loadingTask.destroy();
  }
}

export interface PdfLine {
  readonly page: number;
  readonly items: readonly PdfItem[];
  readonly text: string;
  readonly x: number;
  readonly fontSize: number;
}

const PAGE_NUMBER = /^[-—–－―\s]*(?:\d{1,3}|第\s*\d{1,3}\s*页(?:\s*[,，/]?\s*共\s*\d{1,3}\s*页)?)[-—–－―\s]*$/u;

function lineOf(items: PdfItem[]): PdfLine {
  const sorted = items.sort((a, b) => a.x - b.x);
  const first = sorted[0] as PdfItem;
  return {
    page: first.page,
    items: sorted,
    text: sorted.map((item) => item.str).join(""),
    x: first.x,
    fontSize: Math.max(...sorted.map((item) => item.fontSize)),
  };
}

/** Visual lines, top to bottom, without page numbers. */
export function pdfLines(items: readonly PdfItem[]): PdfLine[] {
  const lines: PdfLine[] = [];
  let current: PdfItem[] = [];
  for (const item of [...items].sort((a, b) => a.page - b.page || b.y - a.y)) {
    const first = current[0];
    // A table's numbers sit a little off their label's baseline: a third of the type size.
    if (first?.page === item.page && Math.abs(item.y - first.y) <= Math.max(1.5, item.fontSize * 0.4)) {
      current.push(item);
      continue;
    }
    if (current.length > 0) lines.push(lineOf(current));
    current = [item];
  }
  if (current.length > 0) lines.push(lineOf(current));
  // A page number is first or last on its page: a bare number inside the page is a table cell.
  const edge = (index: number, page: number): boolean => lines[index - 1]?.page !== page || lines[index + 1]?.page !== page;
  return lines.filter((line, index) => !(PAGE_NUMBER.test(line.text) && edge(index, line.page)));
}

/** A line indented from the page's margin, or in another type size, opens a paragraph. */
export function paragraphsOf(lines: readonly PdfLine[]): string[] {
  const margins = new Map<number, number>();
  for (const line of lines) margins.set(line.page, Math.min(margins.get(line.page) ?? Number.POSITIVE_INFINITY, line.x));
  const paragraphs: string[] = [];
  let previous: PdfLine | undefined;
  for (const line of lines) {
    const margin = margins.get(line.page) ?? line.x;
    const indented = line.x - margin > line.fontSize * 0.5;
    const sameSize = previous !== undefined && Math.abs(previous.fontSize - line.fontSize) < 0.5;
    const title = previous !== undefined && sameSize && line.fontSize > 16 && previous.page === line.page;
    if (paragraphs.length === 0 || (indented && !title) || !sameSize) paragraphs.push(line.text.trim());
    else paragraphs[paragraphs.length - 1] += line.text.trim();
    previous = line;
  }
  return paragraphs;
}

const NUMBERS = /^\d+(?:\.\d+)?(?:\s+\d+(?:\.\d+)?)*$/u;
const T4_WIDTH = T4_GROUPS.length * T4_COLUMNS.length;

function cellsOf(line: PdfLine): string[] {
  return line.items.map((item) => item.str.trim()).filter((text) => text !== "");
}

function tableBlocks(number: 2 | 3 | 4, lines: readonly PdfLine[]): Block[] {
  if (number === 2) return [table(lines.map(cellsOf))];
  if (number === 3) {
    const rows = table3Rows(lines);
    // A table typeset as text (no row of seven numbers) goes to the text reader.
    if (rows.length === 0) return lines.map((line) => paragraph(cellsOf(line).join(" ")));
    return [table(rows.map((row) => [row.label, ...row.cells]))];
  }
  // Table 4 has no row labels: taken only when exactly fifteen numbers are there.
  const numbers = lines.flatMap((line) => cellsOf(line).filter((text) => NUMBERS.test(text)).flatMap((text) => text.split(/\s+/u)));
  return numbers.length === T4_WIDTH ? [table([numbers])] : [];
}

// The headings cut the lines into regions: a table may break across pages.
function pdfBlocks(lines: readonly PdfLine[]): Block[] {
  const regions: { section: number; heading: string; lines: PdfLine[] }[] = [{ section: -1, heading: "", lines: [] }];
  let current = -1;
  for (const line of lines) {
    const index = headingIndex(line.text.trim(), current);
    if (index !== -1) {
      current = index;
      regions.push({ section: index, heading: line.text.trim(), lines: [] });
    } else {
      regions[regions.length - 1]?.lines.push(line);
    }
  }
  return regions.flatMap((region): Block[] => {
    const number = SECTIONS[region.section]?.table;
    return [
      ...(region.section === -1 ? [] : [paragraph(region.heading)]),
      ...(number === undefined ? paragraphsOf(region.lines).map(paragraph) : tableBlocks(number, region.lines)),
    ];
  });
}
