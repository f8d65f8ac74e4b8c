// Fees in 万元 to the 分 (six decimals, as published reports print them) survive every step
// unrounded: typed in the interview, written as report.json, rendered to .docx, imported back.
import { describe, expect, it } from "vitest";
import { startInterview } from "../../../src/core/interview/engine.ts";
import { importDocx } from "../../../src/core/import/import-docx.ts";
import { renderReport } from "../../../src/core/render/render-report.ts";
import { parseReport } from "../../../src/core/report/schema.ts";
import { Session } from "./driver.ts";

function atFees(): Session {
  const s = new Session(startInterview({ agency: "某区财政局", year: 2024 }));
  s.command("start");
  s.tap("interview-btn-meta-ok");
  s.command("edit", "t2.fees");
  return s;
}

describe("fees with six decimals", () => {
  it.each(["24252.311082", "4166.241619", "0.000001", "１２.３４５６７８万元"])("keeps %j exactly through interview → report.json → .docx → import", async (typed) => {
    const s = atFees();
    s.text(typed);
    const expected = typed.normalize("NFKC").replace("万元", "");
    expect(String(s.state.report.values["t2.fees"])).toBe(expected);
    const stored = parseReport(JSON.parse(JSON.stringify(s.state.report)));
    if (!stored.ok) throw new Error(JSON.stringify(stored.problems));
    expect(String(stored.report.values["t2.fees"])).toBe(expected);
    const imported = await importDocx(await renderReport(stored.report, { draft: false }));
    if (!imported.ok) throw new Error(imported.reason);
    expect(String(imported.report.values["t2.fees"])).toBe(expected);
  });

  it("refuses a seventh decimal and keeps the report as it was", () => {
    const s = atFees();
    const before = s.state;
    s.text("1.1234567");
    expect(s.state).toBe(before);
    expect(s.rendered()).toContain("最多保留 6 位");
  });
});
