// nianbao's own .docx reads back as the report it was rendered from. Printed totals: the
// renderer prints derived totals; the importer keeps only those that disagree, so none survive
// here. The comparison removes DERIVED_CELL_IDS from both sides and checks that any printed total
// equals deriveTotals of the original.
import { describe, expect, it } from "vitest";
import { importDocx } from "../../../src/core/import/import-docx.ts";
import { renderReport } from "../../../src/core/render/render-report.ts";
import { deriveTotals } from "../../../src/core/report/arithmetic.ts";
import { DERIVED_CELL_IDS } from "../../../src/core/report/cells.ts";
import { parseReport, type Report, type Values } from "../../../src/core/report/schema.ts";
import { fixture } from "./fixtures.ts";

function withoutDerived(values: Values): Values {
  const out: Values = { ...values };
  for (const id of DERIVED_CELL_IDS) delete out[id];
  return out;
}

function seed(): Report {
  const parsed = parseReport(JSON.parse(fixture("seed-2021.report.json")));
  if (!parsed.ok) throw new Error("seed-2021.report.json is invalid");
  return parsed.report;
}

describe("render → import round trip", () => {
  it.each([
    ["the seed", seed()],
    [
      "a busy report with agency and intro",
      {
        ...seed(),
        meta: { agency: "奉化区应急管理局", year: 2021 },
        text: { ...seed().text, intro: "本报告根据《条例》编制。\n\n数据统计期限自2021年1月1日起至2021年12月31日止。" },
        values: { ...seed().values, "t3.new.natural": 3, "t3.granted.natural": 2, "t3.carriedForward.natural": 1, "t4.review.upheld": 2, "t2.fees": 1.2345 },
      },
    ],
    ["fees to the 分 (six decimals)", { ...seed(), values: { ...seed().values, "t2.fees": 24252.311082 } }],
  ])("%s reads back unchanged", async (_name, report) => {
    const result = await importDocx(await renderReport(report, { draft: false }));
    if (!result.ok) throw new Error(`import failed: ${result.reason}`);
    expect(result.report.text).toEqual(report.text);
    expect(withoutDerived(result.report.values)).toEqual(withoutDerived(report.values));
    const derived = deriveTotals(report.values);
    for (const id of DERIVED_CELL_IDS) {
      if (result.report.values[id] !== undefined) expect(result.report.values[id]).toBe(derived[id]);
    }
    expect(result.report.meta).toEqual({ ...report.meta });
  });

  it("a draft reads back the same as the final document", async () => {
    const final = await importDocx(await renderReport(seed(), { draft: false }));
    const draft = await importDocx(await renderReport(seed(), { draft: true }));
    expect(draft).toEqual(final);
  });
});
