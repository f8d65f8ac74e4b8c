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
  table: { eastAsia: "仿宋_GB2312", ascii: "FangSong", hAnsi: "FangSong" },
} as const satisfies Record<string, Font>;

/** Half-points: 二号 22 pt, 三号 16 pt, 五号 10.5 pt. */
export const SIZES = { title: 44, body: 32, table: 21, draft: 21 } as const;

/** 固定值 29 pt: the usual line pitch of a 三号 official text (22 lines a page). */
export const BODY_SPACING = { line: 580, lineRule: LineRuleType.EXACT, before: 0, after: 0 } as const;
export const TITLE_SPACING = { line: 700, lineRule: LineRuleType.EXACT, before: 0, after: 580 } as const;
export const TABLE_SPACING = { line: 300, lineRule: LineRuleType.AT_LEAST, before: 0, after: 0 } as const;

/** First-line indent of two characters (hundredths of a character), plus its twips for viewers ignoring *Chars. */
export const BODY_INDENT = { firstLineChars: 200, firstLine: 640 } as const;

export const DRAFT_COLOR = "FF0000";

/** Paragraph style ids of table cells: labels flush left (as in the official template), the rest centred. */
export const TABLE_STYLES = { label: "NianbaoTableLabel", value: "NianbaoTableValue" } as const;

const tableStyle = (id: string, name: string, alignment: (typeof AlignmentType)[keyof typeof AlignmentType]): IParagraphStyleOptions => ({
  id,
  name,
  basedOn: "Normal",
  quickFormat: true,
  run: { font: FONTS.table, size: SIZES.table },
  paragraph: { alignment, spacing: TABLE_SPACING },
});

export const PARAGRAPH_STYLES: readonly IParagraphStyleOptions[] = [
  tableStyle(TABLE_STYLES.label, "Nianbao Table Label", AlignmentType.LEFT),
  tableStyle(TABLE_STYLES.value, "Nianbao Table Value", AlignmentType.CENTER),
];
