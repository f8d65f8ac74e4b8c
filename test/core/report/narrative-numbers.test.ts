import { describe, expect, it } from "vitest";
import { numberClaims } from "../../../src/core/report/narrative-numbers.ts";

const claims = (text: string) => numberClaims(text).map((claim) => [claim.sums[0]?.join("+"), claim.value]);

describe("numberClaims", () => {
  it("reads the seed's 一（一） and 一（二）", () => {
    expect(claims("其中行政许可项目64宗，行政处罚案件83宗，无行政强制和其他对外管理服务事项。")).toEqual([
      ["t2.licensing", 64],
      ["t2.penalty", 83],
      ["t2.coercion", 0],
    ]);
    expect(claims("没有收到公民、法人或者其他组织申请公开政府信息事项，上年结转政府信息公开申请0件。")).toEqual([
      ["t3.carriedOver.total", 0],
      ["t3.new.total", 0],
    ]);
  });

  it("reads Chinese numerals and full-width digits", () => {
    expect(claims("作出行政处罚决定八十三件，行政强制１２起。")).toEqual([
      ["t2.penalty", 83],
      ["t2.coercion", 12],
    ]);
  });

  it("reads application counts", () => {
    expect(claims("本年新收政府信息公开申请15件。")).toEqual([["t3.new.total", 15]]);
    expect(claims("共收到政府信息公开申请20件。")).toEqual([["t3.new.total", 20]]);
    expect(numberClaims("共收到政府信息公开申请20件。")[0]?.sums).toEqual([["t3.new.total"], ["t3.new.total", "t3.carriedOver.total"]]);
  });

  it("stays silent where the number is about something else or several things", () => {
    expect(claims("公开行政许可信息120条，行政处罚结果信息30条。")).toEqual([]);
    expect(claims("公开行政许可事项目录45项。")).toEqual([]);
    expect(claims("行政许可和行政处罚共147件。")).toEqual([]);
    expect(claims("行政许可、行政处罚、行政强制分别为1件、2件、3件。")).toEqual([]);
    expect(claims("收到群众来信15件。")).toEqual([]);
    expect(claims("2021年行政许可办结率100%。")).toEqual([]);
  });
});
