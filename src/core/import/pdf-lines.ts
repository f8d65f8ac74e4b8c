// PDF text items → visual lines (items whose baselines lie within a few points, left to right),
// and lines → paragraphs (a paragraph opens on an indented line; wrapped lines join it, across
// pages too). Page numbers (「- 4 -」「— 4 —」「第 4 页」) in a page's header or footer are furniture and dropped.
import type { PdfItem } from "./pdf-items.ts";

export interface PdfLine {
  readonly page: number;
  readonly y: number;
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
    y: Math.max(...sorted.map((item) => item.y)),
    items: sorted,
    text: sorted.map((item) => item.str).join(""),
    x: first.x,
    fontSize: Math.max(...sorted.map((item) => item.fontSize)),
  };
}

/** Lines of every page, top to bottom, page numbers left out. */
export function pdfLines(items: readonly PdfItem[]): PdfLine[] {
  const lines: PdfLine[] = [];
  const pages = new Map<number, PdfItem[]>();
  for (const item of items) pages.set(item.page, [...(pages.get(item.page) ?? []), item]);
  for (const page of [...pages.keys()].sort((a, b) => a - b)) {
    const sorted = [...(pages.get(page) ?? [])].sort((a, b) => b.y - a.y);
    let current: PdfItem[] = [];
    let baseline = Number.NaN;
    for (const item of sorted) {
      // A table's numbers sit a little off their label's baseline: a third of the type size.
      if (current.length > 0 && Math.abs(item.y - baseline) <= Math.max(1.5, item.fontSize * 0.4)) {
        current.push(item);
        continue;
      }
      if (current.length > 0) lines.push(lineOf(current));
      current = [item];
      baseline = item.y;
    }
    if (current.length > 0) lines.push(lineOf(current));
  }
  return lines.filter((line, index) => !pageNumber(lines, index));
}

/**
 * A page number is furniture: a numeric line (「— 2 —」, 「- 2 -」, 「2」) that is the first or the
 * last line of its page, in the header or the footer. A bare number inside the page is content
 * (a table cell on a line of its own) and is kept.
 */
function pageNumber(lines: readonly PdfLine[], index: number): boolean {
  const line = lines[index] as PdfLine;
  if (!PAGE_NUMBER.test(line.text)) return false;
  return lines[index - 1]?.page !== line.page || lines[index + 1]?.page !== line.page;
}

/**
 * Paragraphs of running text. The left margin is the leftmost start of a page's lines; a line
 * starting more than half a character in opens a paragraph (body text indents by two), as does
 * a change of type size (a title over two lines stays one paragraph).
 */
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
