// Rows exported with tabs (merged label cells empty, `\t\t1\t0\t…`) or pipes (`34 | 189 |`, a
// lost cell): every cell that can be placed is kept, the blank ones are left empty and named.
import { describe, expect, it } from "vitest";
import { importText } from "../../../src/core/import/import-text.ts";
import { T2_BLOCKS, T3_COLUMNS, T3_ROWS, T4_COLUMNS, T4_GROUPS, t2CellId, t3CellId, t4CellId } from "../../../src/core/report/format.ts";
import { SECTIONS } from "../../../src/core/report/narrative.ts";
import type { Values } from "../../../src/core/report/schema.ts";
import { busyReport, withPrintedTotals } from "../../support/report-builders.ts";

const printed = withPrintedTotals(busyReport()).values;
const BLANK = new Set(["t2.normative.repealed", "t3.withheld.inquiry.research", "t3.granted.legal", "t4.suitDirect.other"]);

function cell(values: Values, id: string): string {
  return BLANK.has(id) ? "" : String(values[id] ?? "");
}

function document(separator: "tab" | "pipe"): string {
  const join = (cells: readonly string[]): string => (separator === "tab" ? cells.join("\t") : cells.join(" | "));
  const lines = ["测试区应急管理局2022年政府信息公开工作年度报告", SECTIONS[0]?.heading ?? "", SECTIONS[1]?.heading ?? ""];
  for (const block of T2_BLOCKS) {
    lines.push(block.article);
    for (const row of block.rows) lines.push(join([row.label, ...block.columns.map((column) => cell(printed, t2CellId(row, column)))]));
  }
  lines.push(SECTIONS[2]?.heading ?? "");
  let group: string | undefined;
  for (const row of T3_ROWS) {
    const numbers = T3_COLUMNS.map((column) => cell(printed, t3CellId(row.key, column.key)));
    if (row.key === "partial") {
      // The label cell's text on a line of its own, the row's label cells empty.
      lines.push(row.level2 ?? "", join(["", "", ...numbers]));
      continue;
    }
    const first = row.level2 !== group;
    group = row.level2;
    // Merged label cells print their text once, in their first row; below they are empty.
    const labels = row.part !== "result" ? [row.level1, ""] : [row.key === "granted" ? row.level1 : "", first ? (row.level2 ?? "") : ""];
    lines.push(join([...labels, row.level3 ?? "", ...numbers]));
  }
  lines.push(SECTIONS[3]?.heading ?? "", "行政复议 行政诉讼");
  lines.push(join(["", ...T4_GROUPS.flatMap((g) => T4_COLUMNS.map((column) => cell(printed, t4CellId(g.key, column.key))))]));
  lines.push(SECTIONS[4]?.heading ?? "", "无。", SECTIONS[5]?.heading ?? "", "无。");
  return lines.join("\n");
}

describe("rows with their cell boundaries and blank cells", () => {
  for (const separator of ["tab", "pipe"] as const) {
    it(`${separator}: places every printed cell, leaves the blank ones empty and names them`, () => {
      const result = importText(document(separator));
      expect(result.ok).toBe(true);
      if (!result.ok) return;
      const values = result.report.values;
      const wrong = Object.keys(values).filter((id) => values[id] !== printed[id]);
      expect(wrong).toEqual([]);
      for (const id of BLANK) {
        expect(values[id], id).toBeUndefined();
        expect(result.notes.some((note) => note.code === "cell-blank" && note.cell === id), id).toBe(true);
      }
      for (const id of ["t3.partial.natural", "t3.withheld.inquiry.natural", "t2.normative.inForce", "t4.suitDirect.pending", "t3.carriedForward.other"]) {
        expect(values[id], id).toBe(printed[id]);
      }
    });
  }
});
