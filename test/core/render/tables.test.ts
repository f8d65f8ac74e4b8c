// Tables 2–4 read back from real .docx bytes and compared with the official template's structure.
import { beforeAll, describe, expect, it } from "vitest";
import { renderReport } from "../../../src/core/render/render-report.ts";
import { mergeShape, readDocx, squash, type DocxContent, type DocxTable } from "../../support/docx-xml.ts";
import { officialTemplate, reportWith, seedReport } from "./fixtures.ts";

let template: DocxContent;
let seed: DocxContent;

beforeAll(async () => {
  template = await readDocx(officialTemplate());
  seed = await readDocx(await renderReport(seedReport(), { draft: false }));
});

function table(content: DocxContent, index: number): DocxTable {
  const found = content.tables[index];
  if (found === undefined) throw new Error(`no table ${index}`);
  return found;
}

/** The row whose label cells, joined, read `label` (whitespace-insensitive). */
function rowByLabel(t: DocxTable, label: string): string[] {
  const row = t.rows.find((cells) => squash(cells.map((cell) => cell.text).join("")).startsWith(squash(label)));
  if (row === undefined) throw new Error(`no row ${label}`);
  return row.map((cell) => squash(cell.text));
}

/** Table-3 value cells (the last seven) of the data row at `index` (0-based after the 3 header rows). */
function t3Values(t: DocxTable, index: number): string[] {
  const row = t.rows[3 + index];
  if (row === undefined) throw new Error(`no table-3 row ${index}`);
  return row.slice(-7).map((cell) => squash(cell.text));
}

describe("renderReport tables", () => {
  it("prints three tables, matching the official template's merges cell by cell", () => {
    expect(seed.tables).toHaveLength(3);
    expect(template.tables).toHaveLength(3);
    for (const index of [0, 1, 2]) expect(mergeShape(table(seed, index))).toEqual(mergeShape(table(template, index)));
  });

  it("table 3 has 3 header rows and 25 data rows over 10 grid columns", () => {
    const t3 = table(seed, 1);
    expect(t3.rows).toHaveLength(28);
    expect(t3.grid).toHaveLength(10);
    // 三、本年度办理结果 spans the 22 result rows: one restart and 21 continuations in column 1.
    const column1 = t3.rows.slice(3).map((row) => row[0]?.vMerge ?? null);
    expect(column1.filter((merge) => merge === "restart")).toHaveLength(1);
    expect(column1.filter((merge) => merge === "continue")).toHaveLength(21);
  });

  it("prints every header and row label with the template's wording", () => {
    for (const index of [0, 1, 2]) {
      const ours = table(seed, index).rows;
      table(template, index).rows.forEach((row, r) =>
        row.forEach((cell, c) => {
          const expected = squash(cell.text);
          if (expected !== "") expect(squash(ours[r]?.[c]?.text ?? ""), `table ${index + 2} row ${r} cell ${c}`).toBe(expected);
        }),
      );
    }
  });

  it("table 4 has the 行政复议 / 行政诉讼 header and one row of 15 numbers", () => {
    const t4 = table(seed, 2);
    expect(t4.rows.map((row) => row.map((cell) => squash(cell.text)))).toEqual([
      ["行政复议", "行政诉讼"],
      ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计", "未经复议直接起诉", "复议后起诉"],
      ["", "", "", "", "", ...["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"], ...["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"]],
      Array.from({ length: 15 }, () => "0"),
    ]);
  });

  it("puts the seed's 64 and 83 in the 行政许可 and 行政处罚 rows, and fees as given", () => {
    const t2 = table(seed, 0);
    expect(rowByLabel(t2, "行政许可")).toEqual(["行政许可", "64"]);
    expect(rowByLabel(t2, "行政处罚")).toEqual(["行政处罚", "83"]);
    expect(rowByLabel(t2, "行政强制")).toEqual(["行政强制", "0"]);
    expect(rowByLabel(t2, "行政事业性收费")).toEqual(["行政事业性收费", "0"]);
    expect(rowByLabel(t2, "规章")).toEqual(["规章", "0", "0", "0"]);
  });

  it("prints a fractional fee as given", async () => {
    const doc = await readDocx(await renderReport(reportWith({ values: { "t2.fees": 12.5 } }), { draft: false }));
    expect(rowByLabel(table(doc, 0), "行政事业性收费")).toEqual(["行政事业性收费", "12.5"]);
  });

  it("derives totals from the inputs and never prints a stale printed total", async () => {
    const report = reportWith({
      values: {
        "t3.new.natural": 3,
        "t3.new.business": 2,
        "t3.new.total": 99, // stale printed total: must not appear
        "t3.granted.natural": 3,
        "t3.withheld.thirdParty.business": 1,
        "t3.carriedForward.business": 1,
        "t4.review.upheld": 1,
        "t4.review.corrected": 2,
        "t4.suitAfterReview.pending": 4,
      },
    });
    const doc = await readDocx(await renderReport(report, { draft: false }));
    const t3 = table(doc, 1);
    expect(t3Values(t3, 0)).toEqual(["3", "2", "0", "0", "0", "0", "5"]); // 一、新收
    expect(t3Values(t3, 2)).toEqual(["3", "0", "0", "0", "0", "0", "3"]); // （一）予以公开
    expect(t3Values(t3, 23)).toEqual(["3", "1", "0", "0", "0", "0", "4"]); // （七）总计
    expect(t3Values(t3, 24)).toEqual(["0", "1", "0", "0", "0", "0", "1"]); // 四、结转
    expect(table(doc, 2).rows[3]?.map((cell) => squash(cell.text))).toEqual(
      ["1", "2", "0", "0", "3", "0", "0", "0", "0", "0", "0", "0", "0", "4", "4"],
    );
    expect(doc.documentXml).not.toContain(">99<");
  });

  it("leaves a missing cell and every total depending on it blank, never 0", async () => {
    const report = reportWith({ without: ["t3.granted.legal", "t4.suitDirect.other"], values: { "t3.granted.total": 0 } });
    const doc = await readDocx(await renderReport(report, { draft: true }));
    const t3 = table(doc, 1);
    expect(t3Values(t3, 2)).toEqual(["0", "0", "0", "0", "", "0", ""]); // （一）予以公开: legal missing, total blank
    expect(t3Values(t3, 23)).toEqual(["0", "0", "0", "0", "", "0", ""]); // （七）总计 over the missing cell
    expect(t3Values(t3, 3)).toEqual(["0", "0", "0", "0", "0", "0", "0"]); // （二） unaffected
    expect(table(doc, 2).rows[3]?.map((cell) => squash(cell.text))).toEqual(
      ["0", "0", "0", "0", "0", "0", "0", "", "0", "", "0", "0", "0", "0", "0"],
    );
  });

  it("prints an empty report's tables with blank value cells", async () => {
    const report = { ...seedReport(), values: {} };
    const doc = await readDocx(await renderReport(report, { draft: true }));
    expect(mergeShape(table(doc, 1))).toEqual(mergeShape(table(template, 1)));
    for (const t of doc.tables) for (const row of t.rows) for (const cell of row) expect(squash(cell.text)).not.toMatch(/^\d+(\.\d+)?$/);
  });
});
