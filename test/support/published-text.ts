// What a report looks like copied from a portal's web page or a PDF without layout: the headings
// on their own lines, table labels followed by their numbers with the cell boundaries partly or
// wholly lost. `printed` values are printed as given (totals included), so a test can publish
// figures that break the format's rules.
import { T2_BLOCKS, T3_COLUMNS, T3_ROWS, T4_COLUMNS, T4_GROUPS, t2CellId, t3CellId, t4CellId } from "../../src/core/report/format.ts";
import { NARRATIVE_PARTS, SECTIONS, reportTitle } from "../../src/core/report/narrative.ts";
import type { Report } from "../../src/core/report/schema.ts";

/**
 * spaced: one row a line, cells apart; joined: one row a line, its digits run together;
 * some: a random share of the boundaries keep a space; stuck: a whole table on one line, the next
 * row's ordinal stuck to the digits.
 */
export type RunStyle = "spaced" | "joined" | "some" | "stuck";

/** A small deterministic generator (mulberry32) so every variant is reproducible from its seed. */
export function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function run(numbers: readonly (number | undefined)[], style: RunStyle, next: () => number): string {
  const parts = numbers.map((value) => (value === undefined ? "" : String(value)));
  if (style === "spaced") return parts.join(" ");
  if (style === "some") return parts.map((part, index) => (index === 0 ? part : next() < 0.4 ? ` ${part}` : part)).join("");
  return parts.join("");
}

function table3Lines(values: Report["values"], style: RunStyle, next: () => number): string[] {
  const rows: string[] = [];
  let lastLevel2: string | undefined;
  let resultsOpened = false;
  for (const row of T3_ROWS) {
    let label = "";
    if (row.part === "result") {
      if (!resultsOpened) label += "三、本年度办理结果 ";
      resultsOpened = true;
      if (row.level2 !== lastLevel2 && row.level2 !== undefined) label += `${row.level2} `;
      lastLevel2 = row.level2;
      label += row.level3 ?? "";
    } else {
      label = row.level1;
    }
    const numbers = run(T3_COLUMNS.map((column) => values[t3CellId(row.key, column.key)]), style, next);
    rows.push(style === "joined" || style === "stuck" ? `${label.trim()}${numbers}` : `${label.trim()} ${numbers}`);
  }
  const header = ["(本列数据的勾稽关系为:第一项加第二项之和,等于第三项加第四项之和) 申请人情况", "自然人 法人或其他组织 总计", "商业企业 科研机构 社会公益组织 法律服务机构 其他"];
  return style === "stuck" ? [header.join(" "), rows.join("")] : [...header, ...rows];
}

function table2Lines(values: Report["values"], style: RunStyle, next: () => number): string[] {
  const lines: string[] = [];
  for (const block of T2_BLOCKS) {
    const rows = block.rows.map((row) => {
      const numbers = run(block.columns.map((column) => values[t2CellId(row, column)]), style, next);
      return style === "spaced" ? `${row.label} ${numbers}` : `${row.label}${numbers}`;
    });
    lines.push(block.article, `信息内容 ${block.columns.map((column) => column.label).join(" ")}`);
    if (style === "stuck") lines.push(rows.join(""));
    else lines.push(...rows);
  }
  return lines;
}

function table4Lines(values: Report["values"], style: RunStyle, next: () => number): string[] {
  const numbers = T4_GROUPS.flatMap((group) => T4_COLUMNS.map((column) => values[t4CellId(group.key, column.key)]));
  return ["行政复议 行政诉讼", "结果维持 结果纠正 其他结果 尚未审结 总计 未经复议直接起诉 复议后起诉", run(numbers, style === "stuck" ? "joined" : style, next)];
}

/** The text of `report` as copied from a web page, its printed values as given. */
export function publishedText(report: Report, style: RunStyle, seed = 1): string {
  const next = random(seed);
  const text = (id: string): string[] => (report.text[id] === undefined ? [] : [report.text[id] ?? ""]);
  const lines: string[] = [reportTitle(report.meta), ...text("intro")];
  for (const section of SECTIONS) {
    lines.push(section.heading);
    for (const part of NARRATIVE_PARTS.filter((candidate) => candidate.section === section.key)) {
      lines.push(...text(part.id).map((body) => (part.lead === undefined ? body : `${part.lead}${body}`)));
    }
    if (section.table === 2) lines.push(...table2Lines(report.values, style, next));
    if (section.table === 3) lines.push(...table3Lines(report.values, style, next));
    if (section.table === 4) lines.push(...table4Lines(report.values, style, next));
  }
  return `${lines.join("\n")}\n`;
}
