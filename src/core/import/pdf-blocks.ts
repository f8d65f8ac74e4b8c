// PDF lines → blocks for assemble(): the six headings found in order (as the outline finds them),
// running text as paragraphs, table 2 and table 4 as rows of their items, table 3 placed by
// column (pdf-tables.ts). Tables may break across pages: a region runs from heading to heading.
import { type Block, paragraph, table } from "./rows.ts";
import { headingIndex } from "./outline.ts";
import type { PdfLine } from "./pdf-lines.ts";
import { paragraphsOf } from "./pdf-lines.ts";
import { table3Rows } from "./pdf-tables.ts";

const NUMBERS = /^\d+(?:\.\d+)?(?:\s+\d+(?:\.\d+)?)*$/u;
/** Table 4: three groups of five numbers. */
const T4_WIDTH = 15;

function cellsOf(line: PdfLine): string[] {
  return line.items.map((item) => item.str.trim()).filter((text) => text !== "");
}

function tableBlocks(section: number, lines: readonly PdfLine[]): Block[] {
  if (section === 1) return [table(lines.map(cellsOf))];
  if (section === 2) {
    const rows = table3Rows(lines);
    // No row with seven separate numbers (a PDF whose table is typeset as text): the lines go to
    // the text reader, which anchors rows on their labels.
    if (rows.length === 0) return lines.map((line) => paragraph(line.items.map((item) => item.str.trim()).join(" ")));
    return [table(rows.map((row) => [row.label, ...row.cells]))];
  }
  // Table 4 prints no row labels: its fifteen numbers are taken only when exactly fifteen are there.
  // An item may hold several numbers apart (a table typeset as text): spaces keep them apart.
  const numbers = lines.flatMap((line) => line.items.map((item) => item.str.trim()).filter((text) => NUMBERS.test(text)).flatMap((text) => text.split(/\s+/u)));
  return numbers.length === T4_WIDTH ? [table([numbers])] : [];
}

export function pdfBlocks(lines: readonly PdfLine[]): Block[] {
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
  return regions.flatMap((region): Block[] => [
    ...(region.section === -1 ? [] : [paragraph(region.heading)]),
    ...(region.section >= 1 && region.section <= 3 ? tableBlocks(region.section, region.lines) : paragraphsOf(region.lines).map(paragraph)),
  ]);
}
