import { describe, expect, it } from "vitest";
import { draftFor } from "../../../src/core/interview/drafts.ts";
import { emptyReport } from "../../../src/core/report/schema.ts";
import { seedReport } from "./driver.ts";

describe("draftFor", () => {
  const seed = seedReport();

  it("writes 一（一） from table 2 with the seed's figures", () => {
    const draft = draftFor("s1.active", seed) ?? "";
    expect(draft).toContain("本年度主动公开");
    expect(draft).toContain("行政许可64件");
    expect(draft).toContain("行政处罚83件");
    expect(draft).toContain("行政强制0件");
    expect(draft).toContain("规章本年制发0件、本年废止0件、现行有效0件");
    expect(draft).toContain("行政事业性收费0万元");
  });

  it("writes 一（二） from table 3", () => {
    expect(draftFor("s1.onRequest", seed)).toBe("本年度收到政府信息公开申请0件，上年结转政府信息公开申请0件。");
    const busy = structuredClone(seed);
    busy.values["t3.new.natural"] = 5;
    busy.values["t3.carriedOver.business"] = 1;
    busy.values["t3.granted.natural"] = 3;
    busy.values["t3.withheld.thirdParty.natural"] = 1;
    busy.values["t3.carriedForward.natural"] = 1;
    busy.values["t3.carriedForward.business"] = 1;
    expect(draftFor("s1.onRequest", busy)).toBe(
      "本年度收到政府信息公开申请5件，上年结转政府信息公开申请1件。办理结果：予以公开3件，部分公开0件，不予公开1件，无法提供0件，不予处理0件，其他处理0件；结转下年度继续办理2件。",
    );
  });

  it("says 六 collected no 信息处理费", () => expect(draftFor("s6.other", seed)).toBe("本年度未收取信息处理费。"));

  it("offers nothing without figures or for other parts", () => {
    expect(draftFor("s1.active", emptyReport())).toBeUndefined();
    expect(draftFor("s1.onRequest", emptyReport())).toBeUndefined();
    expect(draftFor("s5.problems", seed)).toBeUndefined();
  });
});
