import { describe, expect, it } from "vitest";
import { missingParts } from "../../../src/core/report/check.ts";
import { emptyReport } from "../../../src/core/report/schema.ts";
import { withText, withValues, zeroReport } from "../../support/report-builders.ts";

describe("missingParts", () => {
  it("finds nothing missing in a complete report (optional intro and summary may stay empty)", () => {
    expect(missingParts(zeroReport())).toEqual({ cells: [], texts: [] });
  });

  it("lists absent input cells in document order and empty required texts", () => {
    const report = withText(withValues(zeroReport(), { "t4.review.upheld": undefined, "t2.fees": undefined, "t3.new.total": undefined }), {
      "s5.problems": "  \n ",
      "s1.active": undefined,
    });
    expect(missingParts(report)).toEqual({ cells: ["t2.fees", "t4.review.upheld"], texts: ["s1.active", "s5.problems"] });
  });

  it("lists all 166 input cells and the 7 required parts of an empty report", () => {
    const missing = missingParts(emptyReport());
    expect(missing.cells).toHaveLength(166);
    expect(missing.cells[0]).toBe("t2.rules.issued");
    expect(missing.texts).toEqual(["s1.active", "s1.onRequest", "s1.management", "s1.platform", "s1.oversight", "s5.problems", "s6.other"]);
  });
});
