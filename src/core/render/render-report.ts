// report.json → .docx bytes in the national layout. Pure: no files, no clock; the shells write the bytes.
// Reference: 国办公开办函〔2021〕30号《中华人民共和国政府信息公开工作年度报告格式》; GB/T 9704-2012 page.
import { AlignmentType, Document, Footer, Header, Packer, PageNumber, Paragraph, TextRun, type Table } from "docx";
import JSZip from "jszip";
import type { Report } from "../report/schema.ts";
import { gridTable } from "./grid.ts";
import { bodyParagraph, headingParagraph, reportPieces, titleParagraph } from "./narrative.ts";
import { DOCUMENT_STYLES, DRAFT_COLOR, FONTS, PAGE_NUMBER_INSET, PAGE_PROPERTIES, SIZES, run } from "./page.ts";

export interface RenderOptions {
  /** A draft carries a red header on every page and a red rule under the title. */
  readonly draft: boolean;
  /** Replaces reportTitle(report.meta), e.g. for a supervisor's combined summary. */
  readonly title?: string;
}

// Document content (the report is always in Chinese), like the official labels: not in locales/.
const DRAFT_MARK = "草稿 — 未通过校验或尚未填完，不得作为正式报告报送";

function draftHeader(): Header {
  const mark = run(DRAFT_MARK, { font: FONTS.heading, size: SIZES.draft, bold: true, color: DRAFT_COLOR });
  return new Header({ children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [mark] })] });
}

// GB/T 9704 7.5: 「— 1 —」, odd pages right, even pages left (Word needs evenAndOddHeaders for two).
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

function body(report: Report, options: RenderOptions): (Paragraph | Table)[] {
  return reportPieces(report, options.title).map((piece) => {
    if (piece.kind === "title") return titleParagraph(piece.text, options.draft);
    if (piece.kind === "heading") return headingParagraph(piece.text);
    if (piece.kind === "table") return gridTable(piece.spec.rows, piece.spec.options);
    return bodyParagraph(piece.text, piece.lead);
  });
}

export function buildDocument(report: Report, options: RenderOptions): Document {
  return new Document({
    evenAndOddHeaderAndFooters: true,
    styles: DOCUMENT_STYLES,
    sections: [
      {
        properties: PAGE_PROPERTIES,
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

// Table styles go off the line grid: the library writes w:snapToGrid only on runs, and LibreOffice
// then still set every table line on the 29 pt body grid.
async function withFontTable(bytes: Uint8Array): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(bytes);
  zip.file("word/fontTable.xml", fontTableXml());
  const styles = await zip.file("word/styles.xml")?.async("string");
  if (styles !== undefined) zip.file("word/styles.xml", offGrid(styles));
  return zip.generateAsync({ type: "uint8array", compression: "DEFLATE" });
}

/** Schema order: w:snapToGrid before w:spacing. */
function offGrid(styles: string): string {
  return styles.replace(/(<w:style [^>]*w:styleId="Nianbao[A-Za-z]*Table[A-Za-z]*"[^>]*>.*?<w:pPr>)(.*?)(<\/w:pPr>)/gs, (_m, open: string, inner: string, close: string) =>
    `${open}${inner.replace(/<w:spacing /, '<w:snapToGrid w:val="0"/><w:spacing ')}${close}`,
  );
}

// word/fontTable.xml: the docx library writes an empty one, so a PC without 仿宋_GB2312 showed a sans
// face. A substitute needs altName (Word, WPS), PANOSE, charset 86 (GB2312) and family (LibreOffice
// asks for a serif CJK face for roman). ECMA-376 Part 1 §17.8.3, values of the stock Windows faces.
// PANOSE classes of a Chinese Windows install: 宋体 SimSun's, and the one 黑体, 仿宋 and 楷体 share.
const SONG = "02010600030101010101";
const HEI_FANG_KAI = "02010609060101010101";

/** [name, altName, PANOSE, family]. */
const CHINESE_FACES: readonly (readonly [string, string, string, "roman" | "modern"])[] = [
  ["方正小标宋简体", "宋体", SONG, "roman"],
  ["仿宋_GB2312", "仿宋", HEI_FANG_KAI, "roman"],
  ["楷体_GB2312", "楷体", HEI_FANG_KAI, "roman"],
  ["黑体", "SimHei", HEI_FANG_KAI, "modern"],
  ["宋体", "SimSun", SONG, "roman"],
  ["仿宋", "FangSong", HEI_FANG_KAI, "roman"],
  ["楷体", "KaiTi", HEI_FANG_KAI, "roman"],
  ["FangSong", "仿宋", HEI_FANG_KAI, "roman"],
  ["KaiTi", "楷体", HEI_FANG_KAI, "roman"],
  ["SimSun", "宋体", SONG, "roman"],
  ["SimHei", "黑体", HEI_FANG_KAI, "modern"],
];

const TIMES_NEW_ROMAN =
  `<w:font w:name="Times New Roman"><w:panose1 w:val="02020603050405020304"/><w:charset w:val="00"/>` +
  `<w:family w:val="roman"/><w:pitch w:val="variable"/></w:font>`;

function fontTableXml(): string {
  const faces = CHINESE_FACES.map(
    ([name, altName, panose, family]) =>
      `<w:font w:name="${name}"><w:altName w:val="${altName}"/><w:panose1 w:val="${panose}"/><w:charset w:val="86"/>` +
      `<w:family w:val="${family}"/><w:pitch w:val="fixed"/></w:font>`,
  );
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` +
    `<w:fonts xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">` +
    `${faces.join("")}${TIMES_NEW_ROMAN}</w:fonts>`
  );
}
