// Page, fonts, sizes and runs of a Chinese official document. Reference: GB/T 9704-2012 (党政机关公文格式);
// spec report-format.md, "Typesetting of the output (.docx)". docx sizes are half-points, lengths twips.
import { AlignmentType, DocumentGridType, LineRuleType, TextRun } from "docx";
import type { IParagraphStyleOptions, IRunOptions, ISectionPropertiesOptions, IStylesOptions } from "docx";

/** A4, margins 37/35/28/26 mm. */
const PAGE = {
  width: 11906,
  height: 16838,
  margin: { top: 2098, bottom: 1984, left: 1587, right: 1474 },
} as const;

export const TEXT_WIDTH = PAGE.width - PAGE.margin.left - PAGE.margin.right;

type Font = Exclude<IRunOptions["font"], string | undefined>;

// East Asian faces go in the East Asia slot; the ascii/hAnsi slots name the faces every Windows PC has.
export const FONTS = {
  title: { eastAsia: "方正小标宋简体", ascii: "SimSun", hAnsi: "SimSun" },
  body: { eastAsia: "仿宋_GB2312", ascii: "FangSong", hAnsi: "FangSong" },
  heading: { eastAsia: "黑体", ascii: "SimHei", hAnsi: "SimHei" },
  /** Second-level headings （一）…: 楷体 (GB/T 9704 7.3.3). */
  subheading: { eastAsia: "楷体_GB2312", ascii: "KaiTi", hAnsi: "KaiTi" },
  table: { eastAsia: "仿宋_GB2312", ascii: "FangSong", hAnsi: "FangSong" },
  /** Page numbers: 半角宋体 Arabic numerals (GB/T 9704 7.5). */
  pageNumber: { eastAsia: "宋体", ascii: "SimSun", hAnsi: "SimSun" },
} as const satisfies Record<string, Font>;

// 二号, 三号, tables 10 pt as the template, 表四 小五 (at 10 pt five digits cannot fit), 四号 page numbers.
export const SIZES = { title: 44, body: 32, table: 20, smallTable: 18, draft: 21, pageNumber: 28 } as const;

/**
 * GB/T 9704 5.2.2: 22 lines of 28 characters: pitch 579 (580 gave 21 lines); 28 三号 characters need
 * 8960 of 8845 twips, so each gives up 5. Not a character grid: LibreOffice (our PDF) never sets a
 * character narrower than a grid cell there (20 a line).
 */
const GRID = { linePitch: 579 } as const;
const CHARACTER_SPACING = -5;

export const BODY_SPACING = { line: GRID.linePitch, lineRule: LineRuleType.EXACT, before: 0, after: 0 } as const;
export const TITLE_SPACING = { line: 700, lineRule: LineRuleType.EXACT, before: 0, after: GRID.linePitch } as const;

/**
 * A 29th 「，」 would hang in the margin, where LibreOffice prints nothing ("例外”，积极" → "例外”积极").
 * Its import reads w:overflowPunct inverted (writerfilter DomainMapper): an explicit on (Word's
 * default) turns its hanging off, and kinsoku carries the last character down with the mark.
 */
const PARAGRAPH_DEFAULTS = { spacing: BODY_SPACING, overflowPunctuation: true } as const;

/** GB/T 9704 7.5: the number's line 7 mm (397) below the text block; a 四号 line is 280. */
const FOOTER_DISTANCE = PAGE.margin.bottom - 397 - 280;
/** One 四号 character in from the outer edge. */
export const PAGE_NUMBER_INSET = 280;
const TABLE_SPACING = { line: 300, lineRule: LineRuleType.AT_LEAST, before: 0, after: 0 } as const;

/** Two characters, in twips too for viewers ignoring *Chars. */
export const BODY_INDENT = { firstLineChars: 200, firstLine: 640 } as const;

export const DRAFT_COLOR = "FF0000";

export const TABLE_STYLES = {
  normal: { label: "NianbaoTableLabel", value: "NianbaoTableValue" },
  small: { label: "NianbaoSmallTableLabel", value: "NianbaoSmallTableValue" },
} as const;

const tableStyle = (
  id: string,
  name: string,
  alignment: (typeof AlignmentType)[keyof typeof AlignmentType],
  size: number = SIZES.table,
): IParagraphStyleOptions => ({
  id,
  name,
  basedOn: "Normal",
  quickFormat: true,
  // Cells keep their own character pitch: snapped to the body's grid, figures would spread.
  run: { font: FONTS.table, size, snapToGrid: false },
  paragraph: { alignment, spacing: TABLE_SPACING },
});

const PARAGRAPH_STYLES: readonly IParagraphStyleOptions[] = [
  tableStyle(TABLE_STYLES.normal.label, "Nianbao Table Label", AlignmentType.LEFT),
  tableStyle(TABLE_STYLES.normal.value, "Nianbao Table Value", AlignmentType.CENTER),
  tableStyle(TABLE_STYLES.small.label, "Nianbao Small Table Label", AlignmentType.LEFT, SIZES.smallTable),
  tableStyle(TABLE_STYLES.small.value, "Nianbao Small Table Value", AlignmentType.CENTER, SIZES.smallTable),
];

export const DOCUMENT_STYLES: IStylesOptions = {
  default: {
    document: {
      run: {
        font: FONTS.body,
        size: SIZES.body,
        characterSpacing: CHARACTER_SPACING,
        language: { value: "zh-CN", eastAsia: "zh-CN" },
      },
      paragraph: PARAGRAPH_DEFAULTS,
    },
  },
  paragraphStyles: PARAGRAPH_STYLES,
};

export const PAGE_PROPERTIES: ISectionPropertiesOptions = {
  page: {
    size: { width: PAGE.width, height: PAGE.height },
    margin: { ...PAGE.margin, header: 851, footer: FOOTER_DISTANCE },
  },
  grid: { type: DocumentGridType.LINES, ...GRID },
};

// Every run is made here: XML-safe, fonts named (viewers without our styles still show the right faces).
// Word refuses a file with text outside XML 1.0 §2.2 Char: controls, U+FFFE/U+FFFF, unpaired surrogates.
const INVALID_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

export function xmlSafe(text: string): string {
  return text.replace(INVALID_XML, "");
}

/** Bold and colour: the draft mark. */
type RunStyle = Required<Pick<IRunOptions, "font" | "size">> & Pick<IRunOptions, "bold" | "color">;

export function run(text: string, style: RunStyle): TextRun {
  return new TextRun({ ...style, text: xmlSafe(text) });
}

// Size from the paragraph style, faces named: with faces only in the style LibreOffice set table text in sans.
export function plainRun(text: string): TextRun {
  return new TextRun({ text: xmlSafe(text), font: FONTS.table });
}
