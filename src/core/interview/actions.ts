// Moving through the interview (skip, back, jumps, /edit) and what each button does.
import { draftFor, lastYearSuggestion } from "./drafts.ts";
import { askCurrent } from "./ask.ts";
import { saveNarrative, saveSplit, storeNumbers, zeroRestOfGroup } from "./answer.ts";
import { carriedForwardRemainder } from "./allocation.ts";
import type { Action } from "./callback.ts";
import { exportReport, finalise, fixQuestionFor, openWarnings, warningKey } from "./finalise.ts";
import { askedCells, isAnswered, isApplicable, moveTo, nextQuestionId } from "./navigation.ts";
import { EDIT_SECTIONS, PLAN, isQuestionId, questionById, questionIndex, sectionTitle } from "./plan.ts";
import type { PlanSection, Question } from "./plan.ts";
import { btn, grid, line, type Line, type Turn } from "./reply.ts";
import { buttonLabel, reviewPage, REVIEW_PAGES } from "./review.ts";

/** Shows the current question; at the end, the finishing step (delivering the document only when asked to). */
export function arrive(turn: Turn, deliver: boolean): void {
  if (questionById(turn.state.current).kind === "finish") finalise(turn, deliver);
  else askCurrent(turn);
}

/** After an answer: on to the next open question. */
export function advance(turn: Turn): void {
  moveTo(turn.state, nextQuestionId(turn.state, turn.state.current));
  arrive(turn, true);
}

/** Refuses an input: the reason, then the same question again. */
export function refuse(turn: Turn, reason: Parameters<Turn["say"]>[0]): void {
  turn.say(reason);
  arrive(turn, false);
}

/** Organisation mode: the office decides which year is collected, not the officer. */
export const refuseYearChange = (turn: Turn): void =>
  refuse(turn, [line("interview-meta-year-fixed", { year: String(turn.state.report.meta.year ?? "") })]);

export function skip(turn: Turn): void {
  const question = questionById(turn.state.current);
  if (question.kind === "finish") return refuse(turn, [line("interview-nothing-to-skip")]);
  if (!isAnswered(turn.state, question) && !turn.state.skipped.includes(question.id)) turn.state.skipped.push(question.id);
  advance(turn);
}

export function back(turn: Turn): void {
  turn.state.pending = null;
  const previous = turn.state.stack.pop();
  if (previous === undefined) return refuse(turn, [line("interview-back-first")]);
  turn.state.current = previous;
  arrive(turn, false);
}

/** Jumps to a question; a row removed by a "no" gate is reached through its gate. */
function jumpTo(turn: Turn, question: Question): void {
  const gateId = "gateId" in question && !isApplicable(turn.state, question) ? question.gateId : undefined;
  moveTo(turn.state, gateId ?? question.id);
  arrive(turn, false);
}

export function sectionChooser(turn: Turn): void {
  const rows = EDIT_SECTIONS.map((section, index) => {
    const label = sectionTitle(section, turn.state.report.meta);
    return [btn("interview-btn-section", { type: "section", section: index }, { label })];
  });
  turn.say([line("interview-edit-choose")], rows);
}

function sectionQuestions(turn: Turn, section: PlanSection): void {
  const questions = PLAN.filter((question) => question.section === section);
  if (section === "meta" && questions[0] !== undefined) return jumpTo(turn, questions[0]);
  const buttons = questions.map((question) => {
    const action = { type: "jump", question: questionIndex(question.id) } as const;
    if (question.kind === "gate") return btn("interview-btn-gate-edit", action);
    const key = isApplicable(turn.state, question) ? "interview-btn-edit" : "interview-btn-edit-gated";
    return btn(key, action, { label: buttonLabel(question, turn) });
  });
  const heading = sectionTitle(section, turn.state.report.meta);
  turn.say([line("interview-edit-section", { heading })], grid(buttons, section === "s3" ? 2 : 1));
}

const NUMERAL_SECTION = /^([一二三四五六])、?$/u;

/** /edit <cell id | narrative id | question id | s1…s6 | 一…六>. */
export function jumpToEdit(turn: Turn, arg: string): void {
  const numeral = NUMERAL_SECTION.exec(arg)?.[1];
  const named = (key: PlanSection): boolean => numeral !== undefined && key !== "meta" && sectionTitle(key, {}).startsWith(numeral);
  const section = EDIT_SECTIONS.find((key) => key === arg || named(key));
  if (section !== undefined) return sectionQuestions(turn, section);
  const question = isQuestionId(arg) ? questionById(arg) : fixQuestionFor(arg);
  if (question === undefined || question.kind === "finish") {
    turn.say([line("interview-edit-unknown", { arg: arg.slice(0, 40) })]);
    return sectionChooser(turn);
  }
  jumpTo(turn, question);
}

function gateAnswer(turn: Turn, question: Extract<Question, { kind: "gate" }>, yes: boolean): void {
  if (yes) {
    turn.state.gates[question.id] = true;
    // Ask the rows behind the gate, even ones answered before (their buttons offer to keep them).
    moveTo(turn.state, PLAN[questionIndex(question.id) + 1]?.id ?? "finish");
    return arrive(turn, true);
  }
  if (question.gate.confirm && turn.state.pending?.kind !== "gate-no") {
    turn.state.pending = { kind: "gate-no", question: question.id };
    return askCurrent(turn);
  }
  turn.state.gates[question.id] = false;
  turn.state.pending = null;
  for (const cell of question.gate.cells) turn.setValue(cell, 0);
  turn.say([line("interview-gate-zeroed", { count: question.gate.cells.length })]);
  advance(turn);
}

const invalid = (turn: Turn): void => refuse(turn, [line("interview-button-invalid")]);

export function applyAction(turn: Turn, action: Action): void {
  const state = turn.state;
  const question = questionById(state.current);
  switch (action.type) {
    case "gate":
      return question.kind === "gate" && state.pending === null ? gateAnswer(turn, question, action.yes) : invalid(turn);
    case "confirm":
      if (state.pending?.kind === "gate-no" && question.kind === "gate" && action.yes) {
        return gateAnswer(turn, question, false);
      }
      if (state.pending?.kind === "split" && action.yes) {
        const target = questionById(state.pending.question);
        if (target.kind !== "narrative") return invalid(turn);
        saveSplit(turn, target, state.pending.parts);
        return advance(turn);
      }
      if (state.pending?.kind === "meta-rename" && action.yes && question.kind === "meta") {
        turn.setMeta("agency", state.pending.agency);
        state.pending = null;
        return askCurrent(turn);
      }
      if (state.pending !== null && !action.yes) {
        state.pending = null;
        return arrive(turn, false);
      }
      return invalid(turn);
    case "meta":
      if (question.kind !== "meta") return invalid(turn);
      if (action.what === "year" && turn.context.yearFixed === true) return refuseYearChange(turn);
      if (action.what !== "ok") {
        state.pending = { kind: "meta-field", field: action.what };
        return askCurrent(turn);
      }
      if (state.report.meta.agency === undefined || state.report.meta.year === undefined) return invalid(turn);
      state.metaConfirmed = true;
      return advance(turn);
    case "skip":
      return skip(turn);
    case "back":
      return back(turn);
    case "group-zero":
      return zeroRestOfGroup(turn, question) ? advance(turn) : invalid(turn);
    case "remainder": {
      if (question.kind !== "t3-remainder") return invalid(turn);
      const remainder = carriedForwardRemainder(state.report.values);
      if (remainder === undefined) return refuse(turn, [line("interview-error-remainder-unknown")]);
      return storedOrRefused(turn, storeNumbers(turn, question, remainder));
    }
    case "draft": {
      const draft = question.kind === "narrative" ? draftFor(question.part.id, state.report) : undefined;
      if (draft === undefined || question.kind !== "narrative") return invalid(turn);
      saveNarrative(turn, question, draft, [line("interview-draft-used")]);
      return advance(turn);
    }
    case "split-whole": {
      if (state.pending?.kind !== "split" || question.kind !== "narrative" || state.pending.question !== question.id) return invalid(turn);
      saveNarrative(turn, question, state.pending.whole);
      state.pending = null;
      return advance(turn);
    }
    case "last-year":
      return useLastYear(turn, question);
    case "append": {
      const target = PLAN[action.question];
      if (target?.kind !== "narrative") return invalid(turn);
      state.pending = { kind: "append", question: target.id, returnTo: state.current };
      return askCurrent(turn);
    }
    case "jump": {
      const target = PLAN[action.question];
      return target === undefined ? invalid(turn) : jumpTo(turn, target);
    }
    case "section": {
      const section = EDIT_SECTIONS[action.section];
      return section === undefined ? invalid(turn) : sectionQuestions(turn, section);
    }
    case "review":
      return action.page < REVIEW_PAGES ? reviewPage(turn, action.page) : invalid(turn);
    case "warning": {
      const warning = openWarnings(state, turn.context.lastYear)[action.index];
      if (warning === undefined || question.kind !== "finish") return invalid(turn);
      if (!action.fix) {
        state.acknowledged.push(warningKey(warning));
        return finalise(turn, true);
      }
      const target = fixQuestionFor(warning.cells[0] ?? "");
      return target === undefined ? invalid(turn) : jumpTo(turn, target);
    }
    case "export":
      return exportReport(turn);
  }
}

/** On to the next question once an answer is stored; else the refusal and the same question. */
export function storedOrRefused(turn: Turn, problem: Line | undefined): void {
  return problem === undefined ? advance(turn) : refuse(turn, [problem]);
}

/** Takes last year's figures or text for the current question; numbers go through the same checks as typed ones. */
function useLastYear(turn: Turn, question: Question): void {
  const suggestion = lastYearSuggestion(question, turn.context.lastYear, "cells" in question ? askedCells(turn.state, question) : []);
  if (suggestion === undefined || suggestion.kind === "in-force") return invalid(turn);
  if (suggestion.kind === "values") {
    return "cells" in question ? storedOrRefused(turn, storeNumbers(turn, question, suggestion.values)) : invalid(turn);
  }
  if (question.kind !== "narrative") return invalid(turn);
  // The whole text comes back so the officer can copy, edit and send it as the new version.
  saveNarrative(turn, question, suggestion.text, [line("interview-last-year-used", { text: suggestion.text })]);
  return advance(turn);
}
