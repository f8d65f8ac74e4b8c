// The mark of a draft: a red header on every page. It is document content (the report is always
// in Chinese), like the official labels, so it lives here rather than in the UI's Fluent files.
import { AlignmentType, Header, Paragraph } from "docx";
import { DRAFT_COLOR, FONTS, SIZES } from "./page.ts";
import { run } from "./runs.ts";

export const DRAFT_MARK = "草稿 — 未通过校验或尚未填完，不得作为正式报告报送";

export function draftHeader(): Header {
  return new Header({
    children: [
      new Paragraph({
        alignment: AlignmentType.CENTER,
        children: [run(DRAFT_MARK, { font: FONTS.heading, size: SIZES.draft, bold: true, color: DRAFT_COLOR })],
      }),
    ],
  });
}
