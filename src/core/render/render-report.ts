// report.json → .docx bytes in the national layout. Pure: no files, no clock; the shells write the bytes.
// Reference: 国办公开办函〔2021〕30号《中华人民共和国政府信息公开工作年度报告格式》; GB/T 9704-2012 page.
import { Document, DocumentGridType, Packer, type Paragraph, type Table } from "docx";
import JSZip from "jszip";
import { withTotals } from "../report/arithmetic.ts";
import { NARRATIVE_PARTS, SECTIONS, reportTitle, type SectionKey } from "../report/narrative.ts";
import type { Report, Values } from "../report/schema.ts";
import { draftHeader } from "./draft.ts";
import { headingParagraph, partParagraphs, titleParagraph } from "./narrative.ts";
import { fontTableXml } from "./font-table.ts";
import { CHARACTER_SPACING, FONTS, FOOTER_DISTANCE, GRID, PAGE, PARAGRAPH_DEFAULTS, PARAGRAPH_STYLES, SIZES } from "./page.ts";
import { pageNumberFooters } from "./page-number.ts";
import { table2 } from "./table2.ts";
import { table3 } from "./table3.ts";
import { table4 } from "./table4.ts";

export interface RenderOptions {
  /** A draft carries a red header on every page and a red rule under the title. */
  readonly draft: boolean;
  /** Replaces reportTitle(report.meta), e.g. for a supervisor's combined summary. */
  readonly title?: string;
}

const TABLES: Record<2 | 3 | 4, (values: Values) => Table> = { 2: table2, 3: table3, 4: table4 };

function partsOf(report: Report, section: SectionKey | null): Paragraph[] {
  return NARRATIVE_PARTS.filter((part) => part.section === section).flatMap((part) =>
    partParagraphs(part, report.text[part.id]),
  );
}

function body(report: Report, options: RenderOptions): (Paragraph | Table)[] {
  // Totals are always derived from the typed cells: a stale printed total is never shown, and a
  // total over a missing cell stays blank.
  const values = withTotals(report.values);
  return [
    titleParagraph(options.title ?? reportTitle(report.meta), options.draft),
    ...partsOf(report, null),
    ...SECTIONS.flatMap((section) => [
      headingParagraph(section.heading),
      ...partsOf(report, section.key),
      ...(section.table === undefined ? [] : [TABLES[section.table](values)]),
    ]),
  ];
}

export function buildDocument(report: Report, options: RenderOptions): Document {
  return new Document({
    evenAndOddHeaderAndFooters: true,
    styles: {
      default: {
        document: {
          run: { font: FONTS.body, size: SIZES.body, characterSpacing: CHARACTER_SPACING, language: { value: "zh-CN", eastAsia: "zh-CN" } },
          paragraph: PARAGRAPH_DEFAULTS,
        },
      },
      paragraphStyles: PARAGRAPH_STYLES,
    },
    sections: [
      {
        properties: {
          page: {
            size: { width: PAGE.width, height: PAGE.height },
            margin: { ...PAGE.margin, header: 851, footer: FOOTER_DISTANCE },
          },
          grid: { type: DocumentGridType.LINES, ...GRID },
        },
        footers: pageNumberFooters(),
        ...(options.draft ? { headers: { default: draftHeader(), even: draftHeader() } } : {}),
        children: body(report, options),
      },
    ],
  });
}

export async function renderReport(report: Report, options: RenderOptions): Promise<Uint8Array> {
  return withFontTable(await Packer.toBuffer(buildDocument(report, options)));
}

/**
 * The package with our declared font table in place of the docx library's empty one, and the
 * table styles off the line grid (the library writes w:snapToGrid only on runs; LibreOffice then
 * still set every table line on the 29 pt body grid).
 */
async function withFontTable(bytes: Uint8Array): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(bytes);
  zip.file("word/fontTable.xml", fontTableXml());
  const styles = await zip.file("word/styles.xml")?.async("string");
  if (styles !== undefined) zip.file("word/styles.xml", offGrid(styles));
  return zip.generateAsync({ type: "uint8array", compression: "DEFLATE" });
}

/** Each table style's paragraph properties gain <w:snapToGrid w:val="0"/> (schema order: before w:spacing). */
function offGrid(styles: string): string {
  return styles.replace(/(<w:style [^>]*w:styleId="Nianbao[A-Za-z]*Table[A-Za-z]*"[^>]*>.*?<w:pPr>)(.*?)(<\/w:pPr>)/gs, (_m, open: string, inner: string, close: string) =>
    `${open}${inner.replace(/<w:spacing /, '<w:snapToGrid w:val="0"/><w:spacing ')}${close}`,
  );
}
