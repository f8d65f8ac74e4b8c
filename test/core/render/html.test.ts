// The portal HTML: semantic, script-free, merges as in the template, and it imports back exactly.
import { describe, expect, it } from "vitest";
import { importHtml } from "../../../src/core/import/import-html.ts";
import { withTotals } from "../../../src/core/report/arithmetic.ts";
import { renderHtml } from "../../../src/core/render/html.ts";
import { paragraphsOf } from "../../../src/core/render/narrative.ts";
import type { Report } from "../../../src/core/report/schema.ts";
import { busyReport } from "../../render/busy-report.ts";
import { seedReport } from "./fixtures.ts";

const paragraphs = (texts: Report["text"]) => Object.fromEntries(Object.entries(texts).map(([id, text]) => [id, paragraphsOf(text)]));

describe("renderHtml", () => {
  it("is one fragment with three tables, <th scope>, no scripts or event handlers", () => {
    const html = renderHtml(busyReport());
    expect(html.startsWith("<article")).toBe(true);
    expect(html.match(/<table/g)).toHaveLength(3);
    expect(html).toMatch(/<th scope="col"/);
    expect(html).toMatch(/<th scope="row"/);
    expect(html).not.toMatch(/<script|\son[a-z]+=|javascript:/i);
    // The template's merges: 表三's corner note spans three columns and three rows; 三、本年度办理结果 runs down the result rows.
    expect(html).toMatch(/<th scope="col" colspan="3" rowspan="3"[^>]*>（本列数据的勾稽关系为/);
    expect(html).toMatch(/<th scope="row" rowspan="22"[^>]*>三、本年度办理结果<\/th>/);
  });

  for (const [name, report] of [["seed", seedReport()], ["busy", busyReport()]] as const) {
    it(`imports back exactly through our HTML importer (${name})`, () => {
      const back = importHtml(renderHtml(report));
      if (!back.ok) throw new Error(`import failed: ${back.reason}`);
      expect(withTotals(back.report.values)).toEqual(withTotals(report.values));
      expect(paragraphs(back.report.text)).toEqual(paragraphs(report.text));
      expect(back.report.meta).toEqual(report.meta);
    });
  }
});
