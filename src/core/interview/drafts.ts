// Drafts the bot writes from the figures, for the officer to use or rewrite: 一（一） from table 2,
// 一（二） from table 3, 六 on 信息处理费. They repeat the tables' numbers, so the checker's
// narrative-vs-table rule is satisfied by construction. Document content: Chinese in every locale.
import { sumOf } from "../report/arithmetic.ts";
import { APPLICANT_KEYS } from "../report/cells.ts";
import { placeholder } from "../report/placeholder.ts";
import { T2_BLOCKS, T3_RESULT_GROUPS, t2CellId, t3CellId } from "../report/format.ts";
import { rowKeysOf } from "./allocation.ts";
import type { Report, Values } from "../report/schema.ts";

// 国办公开办函〔2021〕30号 asks 六 to state whether 信息处理费 was collected.
const FEE_SENTENCE = "本年度未收取信息处理费。";
// The officer must replace the placeholder; the checker refuses to finalise while it is there.
const ACTIVE_OPENING = `本年度主动公开政府信息……${placeholder("公开条数及主要栏目")}。`;

function amount(value: number, unit: "count" | "wanYuan"): string {
  return unit === "wanYuan" ? `${value}万元` : `${value}件`;
}

function activeDraft(values: Values): string | undefined {
  const clauses: string[] = [];
  for (const block of T2_BLOCKS) {
    for (const row of block.rows) {
      const parts = block.columns.flatMap((column) => {
        const value = values[t2CellId(row, column)];
        if (value === undefined) return [];
        // 「本年制发件数」 → 「本年制发0件」; single-column blocks read 「行政许可64件」.
        return [column.key === null ? amount(value, block.unit) : `${column.label.replace(/件数$/u, "")}${amount(value, block.unit)}`];
      });
      if (parts.length > 0) clauses.push(`${row.label}${parts.join("、")}`);
    }
  }
  return clauses.length === 0 ? undefined : `${ACTIVE_OPENING}其中${clauses.join("，")}。`;
}

const rowSum = (values: Values, rowKey: string): number | undefined =>
  sumOf(values, APPLICANT_KEYS.map((column) => t3CellId(rowKey, column)));

const partSum = (values: Values, part: "new" | "carriedOver" | "carriedForward"): number | undefined => {
  const sums = rowKeysOf(part).map((row) => rowSum(values, row));
  return sums.some((sum) => sum === undefined) ? undefined : sums.reduce<number>((a, b) => a + (b ?? 0), 0);
};

/** 「（二）部分公开（区分处理的…）」 → 「部分公开」 */
const groupWords = (label: string): string => label.replace(/^（[^）]*）/u, "").replace(/（.*$/u, "");

function onRequestDraft(values: Values): string | undefined {
  const received = partSum(values, "new");
  const carried = partSum(values, "carriedOver");
  if (received === undefined || carried === undefined) return undefined;
  const sentences = [`本年度收到政府信息公开申请${received}件，上年结转政府信息公开申请${carried}件。`];
  const results = T3_RESULT_GROUPS.map((group) => {
    const counts = group.rows.map((row) => rowSum(values, row.key));
    return counts.some((count) => count === undefined) ? undefined : { group, count: counts.reduce<number>((a, b) => a + (b ?? 0), 0) };
  });
  const forward = partSum(values, "carriedForward");
  if (received + carried > 0 && results.every((result) => result !== undefined) && forward !== undefined) {
    const listed = results.flatMap((result) => (result === undefined ? [] : [`${groupWords(result.group.label)}${result.count}件`]));
    sentences.push(`办理结果：${listed.join("，")}；结转下年度继续办理${forward}件。`);
  }
  return sentences.join("");
}

/** A draft for a narrative part from the report's figures, or undefined when there is none to offer. */
export function draftFor(partId: string, report: Report): string | undefined {
  switch (partId) {
    case "s1.active":
      return activeDraft(report.values);
    case "s1.onRequest":
      return onRequestDraft(report.values);
    case "s6.other":
      return FEE_SENTENCE;
    default:
      return undefined;
  }
}
