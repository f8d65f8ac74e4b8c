// Starting points for an answer: drafts from the figures (一（一）, 一（二）, 六; document content, so
// Chinese in every locale; they repeat the tables' numbers, so the narrative check holds) and last year's.
import { sumOf } from "../report/arithmetic.ts";
import { APPLICANT_KEYS, cellOf } from "../report/cells.ts";
import { placeholder } from "../report/placeholder.ts";
import { T2_BLOCKS, T3_RESULT_GROUPS, t2CellId, t3CellId } from "../report/format.ts";
import type { Question } from "./plan.ts";
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

/** The applications counted in table-3 rows, all applicant columns; undefined while one is unknown. */
const rowsSum = (values: Values, rowKeys: readonly string[]): number | undefined =>
  sumOf(values, rowKeys.flatMap((row) => APPLICANT_KEYS.map((column) => t3CellId(row, column))));

/** 「（二）部分公开（区分处理的…）」 → 「部分公开」 */
const groupWords = (label: string): string => label.replace(/^（[^）]*）/u, "").replace(/（.*$/u, "");

function onRequestDraft(values: Values): string | undefined {
  const received = rowsSum(values, ["new"]);
  const carried = rowsSum(values, ["carriedOver"]);
  if (received === undefined || carried === undefined) return undefined;
  const sentences = [`本年度收到政府信息公开申请${received}件，上年结转政府信息公开申请${carried}件。`];
  const results = T3_RESULT_GROUPS.map((group) => ({ group, count: rowsSum(values, group.rows.map((row) => row.key)) }));
  const forward = rowsSum(values, ["carriedForward"]);
  if (received + carried > 0 && results.every((result) => result.count !== undefined) && forward !== undefined) {
    const listed = results.map(({ group, count }) => `${groupWords(group.label)}${count}件`);
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

// 二、上年结转 is last year's 四; 现行有效 is last year's + 制发 − 废止; last year's text is a starting point
// (left unchanged, the checker flags 内容雷同). Spec "Soft checks".
type LastYearSuggestion =
  /** Take these numbers for the cells asked (one tap). */
  | { kind: "values"; values: number[] }
  /** 制发 and 废止 are enough: 现行有效 follows from last year's `lastInForce`. */
  | { kind: "in-force"; lastInForce: number }
  | { kind: "text"; text: string };

/** `asked` is the cells the question still asks (a "no" gate may have filled 制发/废止 with 0). */
export function lastYearSuggestion(
  question: Question,
  lastYear: Report | undefined,
  asked: readonly string[] = [],
): LastYearSuggestion | undefined {
  if (lastYear === undefined) return undefined;
  if (question.kind === "t3-row" && question.row.key === "carriedOver") {
    const values = APPLICANT_KEYS.map((column) => lastYear.values[t3CellId("carriedForward", column)]);
    return values.every((value): value is number => value !== undefined) ? { kind: "values", values } : undefined;
  }
  if (question.kind === "t2-row") {
    const inForce = question.cells.find((cell) => cellOf(cell).column === "inForce");
    const lastInForce = inForce === undefined ? undefined : lastYear.values[inForce];
    if (inForce === undefined || lastInForce === undefined) return undefined;
    // Nothing issued or repealed (the gate said no): this year's is last year's.
    if (asked.length === 1 && asked[0] === inForce) return { kind: "values", values: [lastInForce] };
    return asked.length === 3 ? { kind: "in-force", lastInForce } : undefined;
  }
  if (question.kind === "narrative") {
    const text = lastYear.text[question.part.id]?.trim();
    return text === undefined || text === "" ? undefined : { kind: "text", text };
  }
  return undefined;
}
