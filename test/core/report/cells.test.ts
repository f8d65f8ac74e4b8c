import { describe, expect, it } from "vitest";
import { CELLS, DERIVED_CELL_IDS, INPUT_CELL_IDS, cellLabel, cellOf, isCellId } from "../../../src/core/report/cells.ts";

const CELL_IDS = CELLS.map((cell) => cell.id);

// Every id the spec (report-format.md) names, typed from the spec, not from the code.
const SPEC_IDS = [
  "t2.rules.issued", "t2.rules.repealed", "t2.rules.inForce",
  "t2.normative.issued", "t2.normative.repealed", "t2.normative.inForce",
  "t2.licensing", "t2.penalty", "t2.coercion", "t2.fees",
  "t3.new.natural", "t3.carriedOver.business", "t3.granted.research", "t3.partial.nonprofit",
  "t3.withheld.stateSecret.legal", "t3.withheld.lawProhibited.other", "t3.withheld.securityStability.natural",
  "t3.withheld.thirdParty.natural", "t3.withheld.internalAffairs.natural", "t3.withheld.processInfo.natural",
  "t3.withheld.enforcementFile.natural", "t3.withheld.inquiry.natural",
  "t3.unavailable.notHeld.natural", "t3.unavailable.needsCreation.natural", "t3.unavailable.unclear.natural",
  "t3.notProcessed.petition.natural", "t3.notProcessed.duplicate.natural", "t3.notProcessed.publication.natural",
  "t3.notProcessed.excessive.natural", "t3.notProcessed.confirmation.natural",
  "t3.otherHandling.noCorrection.natural", "t3.otherHandling.unpaidFee.natural", "t3.otherHandling.other.natural",
  "t3.resultTotal.total", "t3.carriedForward.total",
  "t4.review.upheld", "t4.review.corrected", "t4.review.other", "t4.review.pending", "t4.review.total",
  "t4.suitDirect.total", "t4.suitAfterReview.total",
];

describe("cell catalogue", () => {
  it("has 200 cells: 166 typed, 34 derived", () => {
    // t2: 6 + 1 + 2 + 1 = 10; t3: 25 rows × 7 columns = 175; t4: 3 groups × 5 = 15.
    expect(CELLS).toHaveLength(200);
    expect(INPUT_CELL_IDS).toHaveLength(166);
    // derived: 25 row totals + 6 （七）总计 applicant cells + 3 t4 totals.
    expect(DERIVED_CELL_IDS).toHaveLength(34);
  });

  it("has unique ids", () => expect(new Set(CELL_IDS).size).toBe(CELL_IDS.length));

  it("contains every id the spec names", () => {
    for (const id of SPEC_IDS) expect(isCellId(id), id).toBe(true);
  });

  it("marks totals as derived and the rest as input", () => {
    expect(cellOf("t3.resultTotal.natural").kind).toBe("derived");
    expect(cellOf("t3.new.total").kind).toBe("derived");
    expect(cellOf("t4.review.total").kind).toBe("derived");
    expect(cellOf("t3.carriedForward.natural").kind).toBe("input");
    expect(cellOf("t2.fees").unit).toBe("wanYuan");
    expect(cellOf("t2.licensing").unit).toBe("count");
  });

  it("names cells in the officer's terms", () => {
    expect(cellLabel("t3.resultTotal.natural")).toBe("三、本年度办理结果（七）总计·自然人");
    expect(cellLabel("t3.withheld.stateSecret.legal")).toBe("三、本年度办理结果（三）不予公开1.属于国家秘密·法律服务机构");
    expect(cellLabel("t2.rules.issued")).toBe("规章·本年制发件数");
    expect(cellLabel("t4.suitDirect.pending")).toBe("行政诉讼·未经复议直接起诉·尚未审结");
  });

  it("rejects unknown ids", () => {
    expect(isCellId("t3.new.alien")).toBe(false);
    expect(() => cellOf("t9.x")).toThrow(/t9\.x/);
  });

  it("lists cells in document order: table 2, 3, 4", () => {
    expect(CELL_IDS[0]).toBe("t2.rules.issued");
    expect(CELL_IDS[9]).toBe("t2.fees");
    expect(CELL_IDS[10]).toBe("t3.new.natural");
    expect(CELL_IDS[199]).toBe("t4.suitAfterReview.total");
  });
});
