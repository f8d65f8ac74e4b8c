// What last year's report suggests for a question: 二、上年结转 is last year's 四、结转下年度继续办理;
// 现行有效件数 is last year's plus this year's 制发 minus 废止; last year's narrative is a starting
// point (left unchanged, the checker flags 内容雷同).
// Reference: spec report-format.md, soft checks (carried-over, in-force, 雷同); issue "Years and regeneration".
import { APPLICANT_KEYS, cellOf } from "../report/cells.ts";
import { t3CellId } from "../report/format.ts";
import type { Report } from "../report/schema.ts";
import type { Question } from "./plan.ts";

export type LastYearSuggestion =
  /** Take these numbers for the cells asked (one tap). */
  | { kind: "values"; values: number[] }
  /** 制发 and 废止 are enough: 现行有效 follows from last year's `lastInForce`. */
  | { kind: "in-force"; lastInForce: number }
  | { kind: "text"; text: string };

/** `asked` is the cells the question still asks (a "no" gate may have filled 制发/废止 with 0). */
export function lastYearSuggestion(question: Question, lastYear: Report | undefined, asked: readonly string[] = []): LastYearSuggestion | undefined {
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

/** 现行有效 = last year's + 制发 − 废止; undefined when that would be negative. */
export function rolledInForce(lastInForce: number, issued: number, repealed: number): number | undefined {
  const inForce = lastInForce + issued - repealed;
  return inForce >= 0 ? inForce : undefined;
}
