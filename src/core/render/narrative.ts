// The title, headings and narrative paragraphs. Reference: spec report-format.md, "Document outline";
// GB/T 9704-2012: 一、 headings in 黑体, second-level leads （一） in 楷体, body 仿宋 with a two-character indent.
import { AlignmentType, BorderStyle, Paragraph, TextRun } from "docx";
import { withTotals } from "../report/arithmetic.ts";
import { SECTIONS, partsIn, reportTitle, type NarrativePart, type SectionKey } from "../report/narrative.ts";
import type { Report } from "../report/schema.ts";
import { BODY_INDENT, BODY_SPACING, DRAFT_COLOR, FONTS, SIZES, TITLE_SPACING, run } from "./page.ts";
import { TABLES, type TableSpec } from "./tables.ts";

/** Blank lines separate paragraphs (spec "Interchange format"); a single line break is one too. */
export function paragraphsOf(text: string | undefined): string[] {
  return (text ?? "").split(/\r?\n/).map((line) => line.trim()).filter((line) => line !== "");
}

/** 8845 twips / 440 (二号). */
const TITLE_LINE_CHARS = 20;

// Two lines break after the agency, as official titles are set: 「淮安市人民政府办公室 / 2024年…」.
export function titleParagraph(title: string, draft: boolean): Paragraph {
  const style = { font: FONTS.title, size: SIZES.title };
  const year = /(19|20)\d{2}年/u.exec(title);
  const agency = year === null || year.index === 0 ? undefined : title.slice(0, year.index);
  const breakAfterAgency = agency !== undefined && [...title].length > TITLE_LINE_CHARS;
  return new Paragraph({
    alignment: AlignmentType.CENTER,
    spacing: TITLE_SPACING,
    // A draft's title is underlined in red, the mark of a document that may not be sent.
    ...(draft ? { border: { bottom: { style: BorderStyle.SINGLE, size: 18, color: DRAFT_COLOR, space: 6 } } } : {}),
    children: breakAfterAgency
      ? [run(agency ?? "", style), new TextRun({ break: 1 }), run(title.slice(agency?.length ?? 0), style)]
      : [run(title, style)],
  });
}

export function headingParagraph(heading: string): Paragraph {
  return new Paragraph({
    indent: BODY_INDENT,
    spacing: BODY_SPACING,
    keepNext: true,
    children: [run(heading, { font: FONTS.heading, size: SIZES.body })],
  });
}

export function bodyParagraph(text: string, lead?: string): Paragraph {
  return new Paragraph({
    indent: BODY_INDENT,
    spacing: BODY_SPACING,
    alignment: AlignmentType.BOTH,
    children: [
      ...(lead === undefined ? [] : [run(lead, { font: FONTS.subheading, size: SIZES.body })]),
      ...(text === "" ? [] : [run(text, { font: FONTS.body, size: SIZES.body })]),
    ],
  });
}

// The seed's form 「（一）主动公开情况。区应急管理局……」; a part with a lead but no text still shows it.
function partTexts(part: NarrativePart, text: string | undefined): { lead?: string; text: string }[] {
  const paragraphs = paragraphsOf(text).map((paragraph) => ({ text: paragraph }));
  if (part.lead === undefined) return paragraphs;
  const [first, ...rest] = paragraphs;
  return first === undefined ? [{ lead: part.lead, text: "" }] : [{ lead: `${part.lead}。`, text: first.text }, ...rest];
}

/** The document in reading order: the .docx and the HTML fragment are both made from it. */
type Piece =
  | { readonly kind: "title"; readonly text: string }
  | { readonly kind: "heading"; readonly text: string }
  | { readonly kind: "paragraph"; readonly lead?: string; readonly text: string }
  | { readonly kind: "table"; readonly spec: TableSpec };

export function reportPieces(report: Report, title = reportTitle(report.meta)): Piece[] {
  // Totals always derived: a stale printed total is never shown, one over a missing cell stays blank.
  const values = withTotals(report.values);
  const parts = (section: SectionKey | null): Piece[] =>
    partsIn(section).flatMap((part) => partTexts(part, report.text[part.id]).map((text) => ({ kind: "paragraph", ...text })));
  return [
    { kind: "title", text: title },
    ...parts(null),
    ...SECTIONS.flatMap((section): Piece[] => [
      { kind: "heading", text: section.heading },
      ...parts(section.key),
      ...(section.table === undefined ? [] : [{ kind: "table", spec: TABLES[section.table](values) } as const]),
    ]),
  ];
}
