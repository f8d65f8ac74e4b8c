import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { aggregateOffice } from "../../src/core/summary/aggregate.ts";
import { INPUT_CELL_IDS } from "../../src/core/report/cells.ts";
import { translator } from "../../src/i18n.ts";
import { summaryWorkbook } from "../../src/xlsx/summary-xlsx.ts";
import { sampleOrg } from "../core/org/sample-org.ts";
import { filledReport, without } from "../core/summary/reports.ts";

const org = sampleOrg();
const first = filledReport(1, 0.1, { "t2.licensing": 64, "t2.penalty": 83, "t3.new.natural": 7, "t4.review.upheld": 4 });
const second = filledReport(2, 0.2, { "t2.licensing": 10, "t3.carriedForward.legal": 9 });
const third = without(filledReport(3, 0), "t2.coercion");

async function workbook(): Promise<ExcelJS.Workbook> {
  const summary = aggregateOffice({
    org,
    officeId: "oA",
    year: 2024,
    reports: [
      { departmentId: "dA1", status: "submitted", report: first },
      { departmentId: "dA2", status: "approved", report: second },
      { departmentId: "dA3", status: "submitted", report: third },
    ],
    include: "submitted",
    hardErrors: () => 0,
  });
  const bytes = await summaryWorkbook(
    summary,
    [
      { name: "奉化区应急管理局", status: "submitted", report: first },
      { name: "奉化区教育局", status: "approved", report: second },
      { name: "奉化区水利局", status: "submitted", report: third },
      { name: "奉化区财政局", status: "none" },
    ],
    translator("zh-CN"),
  );
  expect(bytes).toBeInstanceOf(Uint8Array);
  // A real .xlsx is a zip: PK\x03\x04.
  expect([...bytes.slice(0, 4)]).toEqual([0x50, 0x4b, 0x03, 0x04]);
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(Buffer.from(bytes) as unknown as ExcelJS.Buffer);
  return book;
}

/** The row whose first cell has this label. */
function rowLabelled(sheet: ExcelJS.Worksheet, label: string): ExcelJS.Row {
  let found: ExcelJS.Row | undefined;
  sheet.eachRow((row) => {
    if (found === undefined && row.getCell(1).value === label) found = row;
  });
  if (found === undefined) throw new Error(`no row ${label}`);
  return found;
}

describe("summaryWorkbook", () => {
  it("has the four sheets", async () => {
    const book = await workbook();
    expect(book.worksheets.map((sheet) => sheet.name)).toEqual(["表二", "表三", "表四", "各部门"]);
  });

  it("prints table 2 with the official labels and the office sums", async () => {
    const sheet = (await workbook()).getWorksheet("表二")!;
    expect(sheet.getCell("A1").value).toBe("第二十条第（一）项");
    // The block header spans all four columns, as on the form.
    expect(sheet.getCell("D1").isMerged && sheet.getCell("D1").master.address).toBe("A1");
    expect(sheet.getCell("A2").value).toBe("信息内容");
    expect(sheet.getCell("B2").value).toBe("本年制发件数");
    expect(rowLabelled(sheet, "规章").getCell(2).value).toBe(6);
    expect(rowLabelled(sheet, "行政许可").getCell(2).value).toBe(64 + 10 + 3);
    expect(rowLabelled(sheet, "行政处罚").getCell(2).value).toBe(83 + 2 + 3);
    // dA3 left 行政强制 unanswered: the office sum stays blank, not a partial figure.
    expect(rowLabelled(sheet, "行政强制").getCell(2).value).toBeNull();
    expect(rowLabelled(sheet, "行政事业性收费").getCell(2).value).toBe(0.3);
  });

  it("prints table 3 with its header and recomputed totals", async () => {
    const sheet = (await workbook()).getWorksheet("表三")!;
    expect(sheet.getCell("A1").value).toBe("（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）");
    expect(sheet.getCell("B1").value).toBe("申请人情况");
    expect(sheet.getCell("B2").value).toBe("自然人");
    expect(sheet.getCell("C2").value).toBe("法人或其他组织");
    expect(sheet.getCell("C3").value).toBe("商业企业");
    expect(sheet.getCell("H2").value).toBe("总计");
    const fresh = rowLabelled(sheet, "一、本年新收政府信息公开申请数量");
    expect(fresh.getCell(2).value).toBe(7 + 2 + 3);
    expect(fresh.getCell(8).value).toBe(7 + 2 + 3 + 5 * (1 + 2 + 3));
    const forward = rowLabelled(sheet, "四、结转下年度继续办理");
    expect(forward.getCell(6).value).toBe(1 + 9 + 3);
    expect(rowLabelled(sheet, "三、本年度办理结果（七）总计").getCell(2).value).toBe(21 * 6);
  });

  it("prints table 4 in three groups", async () => {
    const sheet = (await workbook()).getWorksheet("表四")!;
    expect(sheet.getCell("A1").value).toBe("行政复议");
    expect(sheet.getCell("F1").value).toBe("行政诉讼");
    expect(sheet.getCell("F2").value).toBe("未经复议直接起诉");
    expect(sheet.getCell("K2").value).toBe("复议后起诉");
    expect(sheet.getCell("A3").value).toBe("结果维持");
    expect(sheet.getCell("E3").value).toBe("总计");
    expect(sheet.getCell("A4").value).toBe(4 + 2 + 3);
    expect(sheet.getCell("E4").value).toBe(4 + 2 + 3 + 3 * (1 + 2 + 3));
    expect(sheet.getCell("O4").value).toBe(4 * (1 + 2 + 3));
  });

  it("lists every department with every input cell under its label", async () => {
    const sheet = (await workbook()).getWorksheet("各部门")!;
    const header = sheet.getRow(1);
    expect(header.getCell(1).value).toBe("部门");
    expect(header.getCell(2).value).toBe("状态");
    expect(header.getCell(3).value).toBe("规章·本年制发件数");
    expect(header.cellCount).toBe(2 + INPUT_CELL_IDS.length);
    const column = (label: string): number => {
      for (let c = 1; c <= header.cellCount; c += 1) if (header.getCell(c).value === label) return c;
      throw new Error(`no column ${label}`);
    };
    expect([2, 3, 4, 5].map((r) => [sheet.getRow(r).getCell(1).value, sheet.getRow(r).getCell(2).value])).toEqual([
      ["奉化区应急管理局", "已报送"],
      ["奉化区教育局", "已审核通过"],
      ["奉化区水利局", "已报送"],
      ["奉化区财政局", "未开始"],
    ]);
    const licensing = column("行政许可·本年处理决定数量");
    expect([2, 3, 4].map((r) => sheet.getRow(r).getCell(licensing).value)).toEqual([64, 10, 3]);
    const natural = column("一、本年新收政府信息公开申请数量·自然人");
    expect([2, 3, 4].map((r) => sheet.getRow(r).getCell(natural).value)).toEqual([7, 2, 3]);
    expect(sheet.getRow(4).getCell(column("行政强制·本年处理决定数量")).value).toBeNull();
    expect(sheet.getRow(5).getCell(licensing).value).toBeNull();
  });
});
