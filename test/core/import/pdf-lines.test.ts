// Page numbers in a page's footer or header are furniture: a paragraph running over the page break
// joins without them, whatever their dashes; a bare number inside a page (a table cell on its own
// line) is content and stays.
import { describe, expect, it } from "vitest";
import { type PdfItem, paragraphsOf, pdfLines } from "../../../src/core/import/import-pdf.ts";

const item = (page: number, str: string, x: number, y: number): PdfItem => ({ page, str, x, y, width: str.length * 16, fontSize: 16 });

/** One paragraph over two pages, the footer number set as given (one item or several). */
function twoPages(footer: readonly string[], header: readonly string[] = []): PdfItem[] {
  return [
    item(1, "区应急管理局按照条例要求，", 111.5, 700),
    item(1, "积极做好主动公开工作。通过", 79.5, 671),
    ...footer.map((str, index) => item(1, str, 280 + index * 12, 60)),
    ...header.map((str, index) => item(2, str, 280 + index * 12, 800)),
    item(2, "门户网站主动公开信息。", 79.5, 700),
  ];
}

describe("PDF page numbers", () => {
  for (const footer of [["—", "2", "—"], ["— 2 —"], ["—2—"], ["- 2 -"], ["2"], ["第 2 页"], ["第2页，共5页"]]) {
    it(`drops the footer 「${footer.join("")}」 between a paragraph's pages`, () => {
      expect(paragraphsOf(pdfLines(twoPages(footer)))).toEqual(["区应急管理局按照条例要求，积极做好主动公开工作。通过门户网站主动公开信息。"]);
    });
  }

  it("drops a page number in the next page's header too", () => {
    expect(paragraphsOf(pdfLines(twoPages([], ["― 3 ―"])))).toEqual(["区应急管理局按照条例要求，积极做好主动公开工作。通过门户网站主动公开信息。"]);
  });

  it("keeps a bare number inside a page", () => {
    const lines = pdfLines([item(1, "行政许可", 100, 700), item(1, "64", 350, 680), item(1, "行政处罚", 100, 660), item(1, "— 1 —", 280, 60)]);
    expect(lines.map((line) => line.text)).toEqual(["行政许可", "64", "行政处罚"]);
  });
});
