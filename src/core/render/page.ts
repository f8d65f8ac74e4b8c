// Page, fonts and sizes of a Chinese official document. Reference: GB/T 9704-2012 (党政机关公文格式);
// spec report-format.md, "Typesetting of the output (.docx)". docx sizes are half-points, lengths twips.
import { AlignmentType, LineRuleType, type IParagraphStyleOptions, type IRunOptions } from "docx";

/** A4 and the GB/T 9704 margins 37/35/28/26 mm, in twips. */
export const PAGE = {
  width: 11906,
  height: 16838,
  margin: { top: 2098, bottom: 1984, left: 1587, right: 1474 },
} as const;

/** The width a table may take: the text block between the side margins. */
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

/**
 * Half-points: 二号 22 pt, 三号 16 pt, 四号 14 pt; tables 10 pt as in the official template, 表四's
 * fifteen columns 小五 9 pt (the notice sets no table size; at 10 pt five digits cannot fit).
 */
export const SIZES = { title: 44, body: 32, table: 20, smallTable: 18, draft: 21, pageNumber: 28 } as const;

/**
 * GB/T 9704 5.2.2: 22 lines of 28 characters. The text block is 12756 twips high, so the pitch is
 * 579 (580 gave 21 lines). 28 三号 characters need 8960 twips of the 8845, so each gives up 5
 * twips (w:spacing −0.25 pt, CHARACTER_SPACING). Word would do this with a linesAndChars grid and
 * w:charSpace −842, but LibreOffice — which makes our PDF — never sets a character narrower than
 * its size on a character grid (each 16 pt character then takes two cells: 20 a line, measured),
 * so the grid is a line grid and the pitch comes from the character spacing, the same in both.
 */
export const GRID = { linePitch: 579 } as const;
export const CHARACTER_SPACING = -5;

/** 固定值 one grid line: the line pitch of a 三号 official text (22 lines a page). */
export const BODY_SPACING = { line: GRID.linePitch, lineRule: LineRuleType.EXACT, before: 0, after: 0 } as const;
export const TITLE_SPACING = { line: 700, lineRule: LineRuleType.EXACT, before: 0, after: GRID.linePitch } as const;

/**
 * Paragraph defaults of the whole document. A line holds exactly 28 characters, so a full-width
 * 「，」 or 「。」 that comes 29th would hang in the right margin: LibreOffice (which makes our PDF)
 * then prints nothing at all ("例外”，积极" came out "例外”积极"). Its DOCX import reads
 * w:overflowPunct inverted (ParaIsHangingPunctuation = value is 0; writerfilter DomainMapper), so
 * an explicit on (Word's own default: Word still hangs and prints the mark) turns LibreOffice's
 * hanging off, and its kinsoku rules carry the last character down with the mark instead. A
 * w:overflowPunct of 0 left the hanging on there, and narrower margins would break GB/T 9704.
 */
export const PARAGRAPH_DEFAULTS = { spacing: BODY_SPACING, overflowPunctuation: true } as const;

/**
 * The page number's line sits 7 mm below the text block (GB/T 9704 7.5): the block ends 1984
 * twips above the page edge, 7 mm is 397, a 四号 line 280; the footer distance is what is left.
 */
export const FOOTER_DISTANCE = PAGE.margin.bottom - 397 - 280;
/** One 四号 character: odd pages' numbers stand this far in from the right, even pages' from the left. */
export const PAGE_NUMBER_INSET = 280;
const TABLE_SPACING = { line: 300, lineRule: LineRuleType.AT_LEAST, before: 0, after: 0 } as const;

/** First-line indent of two characters (hundredths of a character), plus its twips for viewers ignoring *Chars. */
export const BODY_INDENT = { firstLineChars: 200, firstLine: 640 } as const;

export const DRAFT_COLOR = "FF0000";

/** Paragraph style ids of table cells: labels flush left (as in the official template), the rest centred. */
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

export const PARAGRAPH_STYLES: readonly IParagraphStyleOptions[] = [
  tableStyle(TABLE_STYLES.normal.label, "Nianbao Table Label", AlignmentType.LEFT),
  tableStyle(TABLE_STYLES.normal.value, "Nianbao Table Value", AlignmentType.CENTER),
  tableStyle(TABLE_STYLES.small.label, "Nianbao Small Table Label", AlignmentType.LEFT, SIZES.smallTable),
  tableStyle(TABLE_STYLES.small.value, "Nianbao Small Table Value", AlignmentType.CENTER, SIZES.smallTable),
];
