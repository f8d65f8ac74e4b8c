// The trial format 国办公开办函〔2019〕60号 (reports for 2019–2020, and some later): its table 2
// has other columns and a （九）政府集中采购 block, its table 3 a single （六）其他处理 row. Such a
// document is recognised here and read in its own shape (trial-2019.ts) rather than forced into
// the 2021 ids (spec "Older and variant layouts met on import").
import { compact } from "./normalise.ts";
import type { Row } from "./rows.ts";

// Column and row titles that exist only in the 2019 table 2.
const MARKERS_2019 = ["第二十条第(九)项", "政府集中采购", "本年新制作数量", "本年新公开数量", "对外公开总数量", "上一年项目数量", "本年增/减", "采购总金额"];

/** The 2019 marker found in the tables, or null for the 2021 format. */
export function format2019Marker(table2: readonly Row[], table3: readonly Row[]): string | null {
  for (const row of table2) {
    const text = compact(row.cells.join(""));
    const marker = MARKERS_2019.find((candidate) => text.includes(candidate));
    if (marker !== undefined) return marker;
  }
  // 2019: 「（六）其他处理」 carries numbers itself; 2021 itemises it (1.申请人无正当理由逾期不补正…).
  const labels = table3.map((row) => compact(row.cells.join("")));
  const single = labels.some((text) => /其他处理\d/u.test(text));
  const itemised = labels.some((text) => text.includes("逾期不补正"));
  return single && !itemised ? "(六)其他处理" : null;
}
