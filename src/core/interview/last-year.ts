// What last year's report suggests for a question: 二、上年结转 is last year's 四、结转下年度继续办理,
// and last year's narrative is a starting point (left unchanged, the checker flags 内容雷同).
// Reference: spec report-format.md, soft checks (carried-over, 雷同); issue "Years and regeneration".
import { APPLICANT_KEYS } from "../report/cells.ts";
import { t3CellId } from "../report/format.ts";
import type { Report } from "../report/schema.ts";
import type { Question } from "./plan.ts";

export type LastYearSuggestion = { kind: "values"; values: number[] } | { kind: "text"; text: string };

export function lastYearSuggestion(question: Question, lastYear: Report | undefined): LastYearSuggestion | undefined {
  if (lastYear === undefined) return undefined;
  if (question.kind === "t3-row" && question.row.key === "carriedOver") {
    const values = APPLICANT_KEYS.map((column) => lastYear.values[t3CellId("carriedForward", column)]);
    return values.every((value): value is number => value !== undefined) ? { kind: "values", values } : undefined;
  }
  if (question.kind === "narrative") {
    const text = lastYear.text[question.part.id]?.trim();
    return text === undefined || text === "" ? undefined : { kind: "text", text };
  }
  return undefined;
}
