// Text copied from a web page or a PDF without layout, its table cells run together: every
// table-3 and table-4 cell must come back right, and no cell anywhere may come back wrong.
// Inputs are built from the seed, the busy report, 淮安's published figures and reports that
// break the format's rules themselves.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { importText } from "../../../src/core/import/import-text.ts";
import type { ImportNote } from "../../../src/core/import/import-result.ts";
import { withTotals } from "../../../src/core/report/arithmetic.ts";
import { DERIVED_CELL_IDS, INPUT_CELL_IDS } from "../../../src/core/report/cells.ts";
import { checkReport } from "../../../src/core/report/check.ts";
import { errorsOf } from "../../../src/core/report/findings.ts";
import type { Report, Values } from "../../../src/core/report/schema.ts";
import { publishedText, type RunStyle } from "../../support/published-text.ts";
import { busyReport, withPrintedTotals } from "../../support/report-builders.ts";
import { FIXTURES } from "./fixtures.ts";

const seed = JSON.parse(readFileSync(join(FIXTURES, "seed-2021.report.json"), "utf8")) as Report;
const huaian = JSON.parse(readFileSync(join(FIXTURES, "import", "huaian-2024.expected.json"), "utf8")) as { printed: Values };
const huaianReport: Report = { ...busyReport(2024), meta: { agency: "淮安市人民政府", year: 2024 }, values: huaian.printed };

/** 三(七) printed one too high in 自然人 (and its row total): both column rules broken, as published. */
function brokenTotal(report: Report): Report {
  const values = { ...withPrintedTotals(report).values };
  values["t3.resultTotal.natural"] = (values["t3.resultTotal.natural"] ?? 0) + 1;
  values["t3.resultTotal.total"] = (values["t3.resultTotal.total"] ?? 0) + 1;
  return { ...report, values };
}

/** 四 printed one too low in 其他 (row total too): 一+二 ≠ 三(七)+四 in two columns. */
function brokenBalance(report: Report): Report {
  const values = { ...withPrintedTotals(report).values };
  values["t3.carriedForward.other"] = (values["t3.carriedForward.other"] ?? 0) + 1;
  values["t3.carriedForward.total"] = (values["t3.carriedForward.total"] ?? 0) + 1;
  return { ...report, values };
}

const REPORTS: Record<string, Report> = {
  seed: withPrintedTotals(seed),
  busy: withPrintedTotals(busyReport()),
  huaian: huaianReport,
  "busy, 三(七) misprinted": brokenTotal(busyReport()),
  "huaian, 四 misprinted": brokenBalance(huaianReport),
};
const STYLES: readonly RunStyle[] = ["spaced", "joined", "some", "stuck"];

/** Cells left open on purpose: table-2 rows with several readings, listed for the officer. */
function openCells(notes: readonly ImportNote[]): Set<string> {
  return new Set(notes.flatMap((note) => (note.code === "row-ambiguous" ? (note.choices?.cells ?? []) : [])));
}

describe("text whose table cells ran together", () => {
  for (const [name, report] of Object.entries(REPORTS)) {
    for (const style of STYLES) {
      for (const variant of style === "some" ? [1, 2, 3, 4, 5] : [1]) {
        it(`${name}, ${style}${style === "some" ? ` #${variant}` : ""}: table 三/四 all right, nothing wrong`, () => {
          const result = importText(publishedText(report, style, variant));
          expect(result.ok).toBe(true);
          if (!result.ok) return;
          const printed = report.values;
          const imported = withTotals(result.report.values);
          const wrong = Object.keys(result.report.values).filter((id) => result.report.values[id] !== printed[id]);
          expect(wrong).toEqual([]);
          const open = openCells(result.notes);
          for (const id of open) expect(id.startsWith("t3."), id).toBe(false);
          // A row left open lists the printed reading among its options.
          for (const note of result.notes.filter((candidate) => candidate.code === "row-ambiguous")) {
            expect(note.choices?.options).toContainEqual(note.choices?.cells.map((id) => printed[id]));
          }
          for (const id of INPUT_CELL_IDS) {
            if (open.has(id)) continue;
            expect(imported[id], id).toBe(printed[id]);
          }
          for (const id of DERIVED_CELL_IDS) {
            if ((id.startsWith("t3.") || id.startsWith("t4.")) && !open.has(id)) expect(result.report.values[id] ?? imported[id], id).toBe(printed[id]);
          }
        });
      }
    }
  }

  it("flags what the report published against the rules", () => {
    for (const name of ["busy, 三(七) misprinted", "huaian, 四 misprinted"]) {
      const result = importText(publishedText(REPORTS[name] as Report, "joined"));
      expect(result.ok).toBe(true);
      if (!result.ok) return;
      const rules = new Set(errorsOf(checkReport(result.report)).map((finding) => finding.rule));
      expect(rules.has("t3-balance") || rules.has("t3-result-total"), `${name}: ${[...rules].join(", ")}`).toBe(true);
    }
  });

  it("reads a page copied as one line, headings run into the text around them", () => {
    for (const [name, report] of Object.entries(REPORTS)) {
      const result = importText(publishedText(report, "stuck").replace(/\n/gu, ""));
      expect(result.ok, name).toBe(true);
      if (!result.ok) continue;
      const imported = withTotals(result.report.values);
      expect(Object.keys(result.report.values).filter((id) => result.report.values[id] !== report.values[id]), name).toEqual([]);
      for (const id of INPUT_CELL_IDS.filter((cell) => cell.startsWith("t3."))) expect(imported[id], `${name} ${id}`).toBe(report.values[id]);
    }
  });

  it("lists the readings of a table-2 row without picking one", () => {
    const text = publishedText(withPrintedTotals(busyReport()), "joined").replace("行政规范性文件12380", "行政规范性文件8855698");
    const result = importText(text);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const note = result.notes.find((candidate) => candidate.code === "row-ambiguous" && candidate.choices?.cells[0] === "t2.normative.issued");
    expect(note?.choices?.cells).toEqual(["t2.normative.issued", "t2.normative.repealed", "t2.normative.inForce"]);
    expect(note?.choices?.options).toContainEqual([88, 55, 698]);
    expect(result.report.values["t2.normative.issued"]).toBeUndefined();
    // 行政许可640 has one cell: one reading.
    expect(result.report.values["t2.licensing"]).toBe(640);
  });

  it("reads the examples of the issue", () => {
    const lines = (body: string) => `某局2021年政府信息公开工作年度报告\n三、收到和处理政府信息公开申请情况\n${body}\n四、政府信息公开行政复议、行政诉讼情况\n`;
    const one = importText(lines("一、本年新收政府信息公开申请数量 713000074"));
    expect(one.ok && [0, 1, 2, 3, 4, 5].map((i) => Object.values(one.report.values)[i])).toEqual([71, 3, 0, 0, 0, 0]);
    const spaced = importText(lines("二、上年结转政府信息公开申请数量 10 0 0 0 01"));
    expect(spaced.ok && spaced.report.values["t3.carriedOver.natural"]).toBe(1);
    expect(spaced.ok && spaced.report.values["t3.carriedOver.other"]).toBe(0);
  });
});
