// How far the officer is, against a total that never moves: every question of the plan counts, and
// one a "no" gate removed counts as done (a total that shrank with each gate read 0/46 → 9/22).
import { reportTitle } from "../report/narrative.ts";
import { isAnswered, isApplicable } from "./navigation.ts";
import { PLAN, questionById, sectionHeading } from "./plan.ts";
import { line, type Line } from "./reply.ts";
import type { InterviewState } from "./state.ts";

const BAR_WIDTH = 8;

export interface Progress {
  readonly done: number;
  readonly total: number;
  /** Official heading of the current question's section (the report title for the opening). */
  readonly section: string;
}

export function progress(state: InterviewState): Progress {
  const questions = PLAN.filter((question) => question.kind !== "finish");
  const done = questions.filter((question) => !isApplicable(state, question) || isAnswered(state, question)).length;
  const current = questionById(state.current);
  const section =
    current.section === "meta" || current.section === "finish" ? reportTitle(state.report.meta) : (sectionHeading(current.section) ?? "");
  return { done, total: questions.length, section };
}

/** 「▓▓▓▓░░░░ 4/9 三、收到和处理政府信息公开申请情况」 as a Fluent line. */
export function progressLine(state: InterviewState): Line {
  const { done, total, section } = progress(state);
  const filled = total === 0 ? BAR_WIDTH : Math.round((done / total) * BAR_WIDTH);
  const bar = "▓".repeat(filled) + "░".repeat(BAR_WIDTH - filled);
  return line("interview-progress", { bar, done, total, section });
}
