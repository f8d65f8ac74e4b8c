// Column widths chosen from what the columns hold (issue 15 item 2), by the line model in fit.ts.
import { describe, expect, it } from "vitest";
import { leavesOrphan, linesOf, orphanFreeIndent, widthForDigits } from "../../../src/core/render/fit.ts";
import { TEXT_WIDTH } from "../../../src/core/render/page.ts";
import { TABLES } from "../../../src/core/render/tables.ts";

const table3Widths = (): readonly number[] => TABLES[3]({}).options.columnWidths;
const table4Widths = (): readonly number[] => TABLES[4]({}).options.columnWidths;

describe("table widths", () => {
  it("fill the text block exactly", () => {
    expect(table3Widths().reduce((a, b) => a + b, 0)).toBe(TEXT_WIDTH);
    expect(table4Widths().reduce((a, b) => a + b, 0)).toBe(TEXT_WIDTH);
  });

  it("give every 表三 figure column room for seven digits and 表四's for five (totals six) at 9 pt", () => {
    for (const width of table3Widths().slice(3)) expect(linesOf("1234567", width)).toHaveLength(1);
    table4Widths().forEach((width, index) => {
      expect(width).toBeGreaterThanOrEqual(widthForDigits(index % 5 === 4 ? 6 : 5, 180));
    });
  });

  it("leave no 表三 label with one character alone on its last line, after its indent", () => {
    const widths = table3Widths();
    for (const row of TABLES[3]({}).rows) {
      let column = 0;
      for (const cell of row) {
        const span = cell.span ?? 1;
        const width = widths.slice(column, column + span).reduce((a, b) => a + b, 0);
        column += span;
        if (cell.align !== "left" || cell.merge === "continue" || width < 400) continue;
        expect(leavesOrphan(cell.text, width - (cell.indentRight ?? 0)), cell.text).toBe(false);
      }
    }
  });

  it("pull a lone last character down with a right indent of whole ems", () => {
    expect(linesOf("4.保护第三方合法权益", 1857).at(-1)).toBe("益");
    const indent = orphanFreeIndent("4.保护第三方合法权益", 1857);
    expect(indent % 200).toBe(0);
    expect(leavesOrphan("4.保护第三方合法权益", 1857 - indent)).toBe(false);
  });

  it("shade the 第二十条第（…）项 rows of 表二", () => {
    const articles = TABLES[2]({}).rows.filter((row) => row[0]?.text.startsWith("第二十条"));
    expect(articles).toHaveLength(4);
    for (const row of articles) expect(row[0]?.shaded).toBe(true);
  });
});
