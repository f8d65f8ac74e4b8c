// Table 三 of a PDF read by column: a label's numbering set as its own text item (「1」「.属于国家秘密」,
// as LibreOffice sets the GB/T 9704 layout) is label text, never a cell, whether it shares the
// numbers' baseline or sits on a wrapped label line of its own.
import { describe, expect, it } from "vitest";
import { type PdfItem, pdfLines } from "../../../src/core/import/import-pdf.ts";
import { table3Rows } from "../../../src/core/import/pdf-tables.ts";
import { T3_COLUMNS, T3_ROWS, t3RowLabel } from "../../../src/core/report/format.ts";

const SIZE = 10;
// Label text stays inside its column (at most 15 characters wide), as a cell padding keeps it.
const item = (str: string, x: number, y: number): PdfItem => ({ page: 1, str, x, y, width: /^[\d.]+$/u.test(str) ? str.length * 5.6 : Math.min(str.length, 15) * SIZE, fontSize: SIZE });

/** Every row: its label (numbering apart, flush against the text), seven distinct numbers in columns. */
function tableItems(): PdfItem[] {
  const items: PdfItem[] = [];
  T3_ROWS.forEach((row, index) => {
    const y = 800 - index * 30;
    const own = row.level3 ?? row.level2 ?? row.level1;
    const numbering = /^(\d+)(\..*)$/u.exec(own);
    if (numbering === null) items.push(item(own, 80, y));
    else {
      // Odd rows: the label wraps, its first line (with the numbering) above the numbers' baseline.
      const labelY = index % 2 === 0 ? y : y + 7.5;
      const digits = numbering[1] ?? "";
      items.push(item(digits, 136.4, labelY), item((numbering[2] ?? "").slice(0, 5), 136.4 + digits.length * 5.6 - 0.3, labelY));
      if (index % 2 === 1) items.push(item((numbering[2] ?? "").slice(5), 136.4, y - 7.5));
      else items.push(item((numbering[2] ?? "").slice(5), 136.4, y - 12));
    }
    T3_COLUMNS.forEach((_, column) => items.push(item(String(index * 10 + column), 241.9 + column * 42.6, y)));
  });
  return items;
}

describe("PDF table 三 by column", () => {
  it("reads every row in official order, label numbering kept out of the cells", () => {
    const rows = table3Rows(pdfLines(tableItems()));
    expect(rows.map((row) => row.label)).toEqual(T3_ROWS.map(t3RowLabel));
    rows.forEach((row, index) => expect(row.cells, row.label).toEqual(T3_COLUMNS.map((_, column) => String(index * 10 + column))));
  });
});
