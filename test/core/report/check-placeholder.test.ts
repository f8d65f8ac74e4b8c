// Issue 11 item 4: a generated draft's placeholder left in any text is a hard finding, named with its part.
import { describe, expect, it } from "vitest";
import { draftFor } from "../../../src/core/interview/drafts.ts";
import { checkReport } from "../../../src/core/report/check.ts";
import { errorsOf } from "../../../src/core/report/findings.ts";
import { NARRATIVE_IDS } from "../../../src/core/report/narrative.ts";
import { PLACEHOLDER_PATTERN, placeholdersIn } from "../../../src/core/report/placeholder.ts";
import { findingSentence } from "../../../src/findings-text.ts";
import { translator } from "../../../src/i18n.ts";
import { busyReport, withText, zeroReport } from "../../support/report-builders.ts";

describe("narrative-placeholder", () => {
  it("finds the placeholder every generated draft may carry", () => {
    const draft = draftFor("s1.active", busyReport()) ?? "";
    expect(draft).toContain("（请补充公开条数及主要栏目）");
    expect(placeholdersIn(draft)).toEqual(["（请补充公开条数及主要栏目）"]);
    expect(PLACEHOLDER_PATTERN.flags).toContain("g");
  });

  it("is a hard error in any part, named with the part it is in", () => {
    for (const id of NARRATIVE_IDS) {
      const report = withText(zeroReport(), { [id]: `本机关做好相关工作（请补充具体做法）。` });
      const errors = errorsOf(checkReport(report));
      expect(errors, id).toEqual([
        { rule: "narrative-placeholder", severity: "error", cells: [id], params: { placeholder: "（请补充具体做法）" } },
      ]);
    }
    const report = withText(zeroReport(), { "s1.active": draftFor("s1.active", busyReport()) ?? "" });
    const [error] = errorsOf(checkReport(report));
    expect(error).toBeDefined();
    if (error === undefined) return;
    expect(findingSentence(translator("zh-CN"), error)).toContain("一、总体情况（一）主动公开情况");
    expect(findingSentence(translator("zh-CN"), error)).toContain("（请补充公开条数及主要栏目）");
    expect(findingSentence(translator("en"), error)).toContain("（请补充公开条数及主要栏目）");
  });

  it("also catches half-width brackets and leaves ordinary brackets alone", () => {
    expect(errorsOf(checkReport(withText(zeroReport(), { "s5.problems": "不足。(请补充整改措施)" })))).toHaveLength(1);
    expect(checkReport(withText(zeroReport(), { "s5.problems": "主动公开的深度和广度仍有不足（见附件）。下一步将梳理公开事项清单，加强培训。" }))).toEqual([]);
  });
});
