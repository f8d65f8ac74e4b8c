// report.json → .docx bytes in the national layout. Pure: no files, no clock; the shells write the bytes.
// Reference: 国办公开办函〔2021〕30号《中华人民共和国政府信息公开工作年度报告格式》; GB/T 9704-2012 page.
import {
  AlignmentType,
  Document,
  DocumentGridType,
  Footer,
  Header,
  Packer,
  PageNumber,
  Paragraph,
  TextRun,
  type Table,
} from "docx";
import JSZip from "jszip";
import { withTotals } from "../report/arithmetic.ts";
import { SECTIONS, partsIn, reportTitle, type SectionKey } from "../report/narrative.ts";
import type { Report } from "../report/schema.ts";
import { fontTableXml } from "./font-table.ts";
import { gridTable } from "./grid.ts";
import { headingParagraph, partParagraphs, titleParagraph } from "./narrative.ts";
import {
  CHARACTER_SPACING,
  DRAFT_COLOR,
  FONTS,
  FOOTER_DISTANCE,
  GRID,
  PAGE,
  PAGE_NUMBER_INSET,
  PARAGRAPH_DEFAULTS,
  PARAGRAPH_STYLES,
  SIZES,
} from "./page.ts";
import { run } from "./runs.ts";
import { TABLES } from "./tables.ts";

export interface RenderOptions {
  /** A draft carries a red header on every page and a red rule under the title. */
  readonly draft: boolean;
  /** Replaces reportTitle(report.meta), e.g. for a supervisor's combined summary. */
  readonly title?: string;
}

/**
 * The mark of a draft: a red header on every page. It is document content (the report is always
 * in Chinese), like the official labels, so it lives here rather than in the UI's Fluent files.
 */
const DRAFT_MARK = "草稿 — 未通过校验或尚未填完，不得作为正式报告报送";

function draftHeader(): Header {
  const mark = run(DRAFT_MARK, { font: FONTS.heading, size: SIZES.draft, bold: true, color: DRAFT_COLOR });
  return new Header({ children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [mark] })] });
}

/**
 * Page numbers as GB/T 9704 7.5 sets them: 4号 半角宋体 Arabic numerals with a 一字线 each side
 * (「— 1 —」), 7 mm below the text block; odd pages on the right and even pages on the left, each
 * one character in from the edge of the text block. Word needs evenAndOddHeaders for the two.
 */
function pageNumberFooter(side: "odd" | "even"): Footer {
  const number = new TextRun({
    children: ["— ", PageNumber.CURRENT, " —"],
    font: FONTS.pageNumber,
    size: SIZES.pageNumber,
    snapToGrid: false,
  });
  return new Footer({
    children: [
      new Paragraph({
        alignment: side === "odd" ? AlignmentType.RIGHT : AlignmentType.LEFT,
        indent: side === "odd" ? { right: PAGE_NUMBER_INSET } : { left: PAGE_NUMBER_INSET },
        spacing: { line: SIZES.pageNumber * 10, lineRule: "exact", before: 0, after: 0 },
        children: [number],
      }),
    ],
  });
}

function partsOf(report: Report, section: SectionKey | null): Paragraph[] {
  return partsIn(section).flatMap((part) => partParagraphs(part, report.text[part.id]));
}

function body(report: Report, options: RenderOptions): (Paragraph | Table)[] {
  // Totals are always derived from the typed cells: a stale printed total is never shown, and a
  // total over a missing cell stays blank.
  const values = withTotals(report.values);
  return [
    titleParagraph(options.title ?? reportTitle(report.meta), options.draft),
    ...partsOf(report, null),
    ...SECTIONS.flatMap((section) => {
      const table = section.table === undefined ? [] : [TABLES[section.table](values)];
      return [
        headingParagraph(section.heading),
        ...partsOf(report, section.key),
        ...table.map((spec) => gridTable(spec.rows, spec.options)),
      ];
    }),
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
        footers: { default: pageNumberFooter("odd"), even: pageNumberFooter("even") },
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
