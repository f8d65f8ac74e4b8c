// PDFs as published: 淮安市人民政府 2024 (tables across a page break, labels wrapping, the
// vertical 「三、本年度办理结果」) imports with every cell as printed; a scan and a damaged file
// are named as such. The figures expected were read off the PDF with pdftotext -layout.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { importReport } from "../../../src/core/import/import-report.ts";
import { withTotals } from "../../../src/core/report/arithmetic.ts";
import { CELLS } from "../../../src/core/report/cells.ts";
import { checkReport } from "../../../src/core/report/check.ts";
import { errorsOf } from "../../../src/core/report/findings.ts";
import { FIXTURES } from "./fixtures.ts";

const CELL_IDS = CELLS.map((cell) => cell.id);

const expected = JSON.parse(readFileSync(join(FIXTURES, "import", "huaian-2024.expected.json"), "utf8")) as {
  agency: string;
  year: number;
  printed: Record<string, number>;
};

/** A one-page PDF whose page draws nothing: what a scan looks like to a text reader. */
function pdfWithoutText(): Uint8Array {
  const objects = ["<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [3 0 R] /Count 1 >>", "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>", "<< /Length 0 >>\nstream\n\nendstream"];
  let body = "%PDF-1.4\n";
  const offsets: number[] = [];
  objects.forEach((object, index) => {
    offsets.push(body.length);
    body += `${index + 1} 0 obj\n${object}\nendobj\n`;
  });
  const xref = body.length;
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((offset) => `${String(offset).padStart(10, "0")} 00000 n \n`).join("")}`;
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return new TextEncoder().encode(body);
}

describe("PDF import", () => {
  it("reads 淮安市人民政府 2024 with every cell as printed", async () => {
    const bytes = new Uint8Array(readFileSync(join(FIXTURES, "import", "huaian-2024.pdf")));
    const result = await importReport({ name: "huaian-2024.pdf", bytes });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.report.meta).toEqual({ agency: expected.agency, year: expected.year });
    const values = withTotals(result.report.values);
    for (const id of CELL_IDS) expect(values[id], id).toBe(expected.printed[id]);
    expect(result.report.values["t3.new.total"] ?? values["t3.new.total"]).toBe(3119);
    expect(values["t4.review.total"]).toBe(351);
    // Narrative from the text flow between the headings, wrapped lines joined.
    expect(result.report.text["s1.onRequest"]).toContain("全市共受理政府信息公开申请3119件");
    expect(result.report.text["s6.other"]).toContain("3940元");
    expect(result.report.text["s5.problems"]).toMatch(/^对照上级新要求/u);
    const tableErrors = errorsOf(checkReport(result.report)).filter((finding) => finding.rule.startsWith("t3") || finding.rule.startsWith("t4"));
    expect(tableErrors).toEqual([]);
  });

  it("says a PDF without a text layer is a scan", async () => {
    const result = await importReport({ name: "scan.pdf", bytes: pdfWithoutText() });
    expect(result).toMatchObject({ ok: false, reason: "scanned-pdf" });
  });

  it("names a damaged PDF", async () => {
    const result = await importReport({ name: "broken.pdf", bytes: new TextEncoder().encode("%PDF-1.7\n1 0 obj\n<< /Type /Catalog") });
    expect(result).toMatchObject({ ok: false, reason: "broken-pdf" });
  });
});
