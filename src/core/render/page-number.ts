// Page numbers as GB/T 9704 7.5 sets them: 4号 半角宋体 Arabic numerals with a 一字线 each side
// (「— 1 —」), 7 mm below the text block; odd pages on the right and even pages on the left, each
// one character in from the edge of the text block. Word needs evenAndOddHeaders for the two.
import { AlignmentType, Footer, PageNumber, Paragraph, TextRun } from "docx";
import { FONTS, PAGE_NUMBER_INSET, SIZES } from "./page.ts";

function pageNumberFooter(side: "odd" | "even"): Footer {
  return new Footer({
    children: [
      new Paragraph({
        alignment: side === "odd" ? AlignmentType.RIGHT : AlignmentType.LEFT,
        indent: side === "odd" ? { right: PAGE_NUMBER_INSET } : { left: PAGE_NUMBER_INSET },
        spacing: { line: SIZES.pageNumber * 10, lineRule: "exact", before: 0, after: 0 },
        children: [
          new TextRun({
            children: ["— ", PageNumber.CURRENT, " —"],
            font: FONTS.pageNumber,
            size: SIZES.pageNumber,
            snapToGrid: false,
          }),
        ],
      }),
    ],
  });
}

export function pageNumberFooters(): { default: Footer; even: Footer } {
  return { default: pageNumberFooter("odd"), even: pageNumberFooter("even") };
}
