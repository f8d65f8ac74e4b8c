import { describe, expect, it } from "vitest";
import { T2_BLOCKS, T3_COLUMNS, T3_RESULT_GROUPS, T3_RESULT_ROWS, T3_ROWS, T4_COLUMNS, T4_GROUPS, t3RowLabel } from "../../../src/core/report/format.ts";
import { NARRATIVE_PARTS, SECTIONS, reportTitle } from "../../../src/core/report/narrative.ts";
import { OFFICIAL_HEADINGS } from "../../support/official-outline.ts";

describe("format data", () => {
  it("has the four table-2 blocks of 第二十条", () => {
    expect(T2_BLOCKS.map((block) => block.article)).toEqual(["第二十条第（一）项", "第二十条第（五）项", "第二十条第（六）项", "第二十条第（八）项"]);
  });

  it("has 25 table-3 rows with 21 result rows in the official order", () => {
    expect(T3_ROWS).toHaveLength(25);
    expect(T3_RESULT_ROWS).toHaveLength(21);
    expect(T3_ROWS[0]?.level1).toBe("一、本年新收政府信息公开申请数量");
    expect(T3_ROWS[24]?.level1).toBe("四、结转下年度继续办理");
    expect(T3_RESULT_GROUPS.map((group) => group.rows.length)).toEqual([1, 1, 8, 3, 5, 3]);
  });

  it("labels rows as the form does", () => {
    const row = T3_ROWS.find((candidate) => candidate.key === "withheld.securityStability");
    expect(row === undefined ? "" : t3RowLabel(row)).toBe("三、本年度办理结果（三）不予公开3.危及“三安全一稳定”");
  });

  it("has the seven applicant columns and the three table-4 groups of five", () => {
    expect(T3_COLUMNS.map((column) => column.label)).toEqual(["自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", "总计"]);
    expect(T4_GROUPS.map((group) => group.key)).toEqual(["review", "suitDirect", "suitAfterReview"]);
    expect(T4_COLUMNS.map((column) => column.label)).toEqual(["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"]);
  });

  it("has the six sections and the narrative parts of the outline", () => {
    expect(SECTIONS.map((section) => section.heading)).toEqual(OFFICIAL_HEADINGS);
    expect(NARRATIVE_PARTS.map((part) => part.id)).toEqual([
      "intro", "s1.summary", "s1.active", "s1.onRequest", "s1.management", "s1.platform", "s1.oversight", "s5.problems", "s6.other",
    ]);
  });

  it("builds the title with or without agency and year", () => {
    expect(reportTitle({})).toBe("政府信息公开工作年度报告");
    expect(reportTitle({ agency: "奉化区应急管理局", year: 2021 })).toBe("奉化区应急管理局2021年政府信息公开工作年度报告");
  });
});
