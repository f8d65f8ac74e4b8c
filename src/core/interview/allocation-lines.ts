// The running-totals lines and the one-tap remainder of table 3 while its rows are asked.
import { carriedForwardRemainder, describeColumns, remaining } from "./allocation.ts";
import type { Question } from "./plan.ts";
import { line, type DraftButton, type Line } from "./reply.ts";
import type { InterviewState } from "./state.ts";

export function allocationLines(state: InterviewState, question: Question): Line[] {
  if (question.kind === "t3-remainder") {
    const remainder = carriedForwardRemainder(state.report.values);
    if (remainder !== undefined) return [line("interview-t3-remainder", { list: describeColumns(remainder) })];
    const left = remaining(state.report.values);
    const over = left.some((value) => value !== undefined && value < 0);
    return [line(over ? "interview-t3-overdrawn" : "interview-t3-remainder-unknown", { list: describeColumns(left) })];
  }
  if (question.kind !== "t3-row" || question.row.part !== "result") return [];
  const left = remaining(state.report.values, question.row.key);
  if (left.every((value) => value === undefined)) return [];
  return [line("interview-t3-remaining", { list: describeColumns(left) })];
}

export function remainderButtonRow(state: InterviewState): DraftButton[] {
  const remainder = carriedForwardRemainder(state.report.values);
  return remainder === undefined
    ? []
    : [{ label: { key: "interview-btn-remainder", params: { values: remainder.join(" ") } }, action: { type: "remainder" } }];
}
