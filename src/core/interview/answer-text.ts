// A text message, read as the answer to whatever is being asked (or to the pending confirmation).
import { appendNarrative, answerNarrative } from "./answer-narrative.ts";
import { answerNumbers } from "./answer-numbers.ts";
import { advance, applyAction, arrive, back, refuse, refuseYearChange, skip, storedOrRefused } from "./actions.ts";
import { askCurrent } from "./ask.ts";
import { parseToken } from "./parse-numbers.ts";
import { questionById } from "./plan.ts";
import { confirmRow, line, type Turn } from "./reply.ts";
import { hasHiddenCharacters } from "../report/names.ts";

// The navigation buttons' words typed instead of tapped (any channel): never an answer to anything.
const SKIP_WORDS = /^(?:跳过|保持不变|skip|keep|keep as is)$/iu;
const BACK_WORDS = /^(?:⬅\s*)?(?:上一题|返回上一题|back|previous question)$/iu;

const YES = /^(?:是|是的|有|对|确认|yes|y|ok)$/iu;
const NO = /^(?:否|不|不是|没有|无|no|n)$/iu;
const MAX_AGENCY_CHARS = 200;

function metaText(turn: Turn, trimmed: string): void {
  const pending = turn.state.pending?.kind === "meta-field" ? turn.state.pending.field : undefined;
  const looksLikeYear = /^(?:\d{4}|[〇零一二三四五六七八九]{4})年?(?:度)?$/u.test(trimmed);
  const field = pending ?? (turn.state.report.meta.agency === undefined ? "agency" : looksLikeYear ? "year" : "agency");
  if (field === "year") {
    if (turn.context.yearFixed === true) return refuseYearChange(turn);
    const parsed = parseToken(trimmed.replace(/年度?$/u, ""), 0);
    if (!parsed.ok || parsed.value < 2000 || parsed.value > 2100) return refuse(turn, [line("interview-error-year")]);
    turn.setMeta("year", parsed.value);
  } else {
    if (trimmed === "" || trimmed.length > MAX_AGENCY_CHARS || /\n/u.test(trimmed)) return refuse(turn, [line("interview-error-agency", { max: MAX_AGENCY_CHARS })]);
    if (hasHiddenCharacters(trimmed)) return refuse(turn, [line("interview-error-agency-hidden")]);
    // Text typed at 「信息是否正确？」 (no 修改单位名称 tapped) is not taken as a new name unasked.
    if (pending === undefined && turn.state.report.meta.agency !== undefined) {
      turn.state.pending = { kind: "meta-rename", agency: trimmed };
      turn.say(
        [line("interview-meta-rename-ask", { agency: trimmed, old: turn.state.report.meta.agency })],
        [confirmRow("interview-btn-meta-rename")],
      );
      return;
    }
    turn.setMeta("agency", trimmed);
  }
  turn.state.pending = null;
  askCurrent(turn);
}

export function answerText(turn: Turn, text: string): void {
  const state = turn.state;
  // A new text replaces a split or a rename that was shown and not confirmed.
  if (state.pending?.kind === "split" || state.pending?.kind === "meta-rename") state.pending = null;
  const pending = state.pending;
  const trimmed = text.normalize("NFKC").trim();
  // 「是。」「跳过！」: one closing mark is not part of the word.
  const words = trimmed.replace(/[。.!！]$/u, "");
  if (pending?.kind !== "append" && pending?.kind !== "meta-field" && questionById(state.current).kind !== "meta") {
    if (SKIP_WORDS.test(words)) return skip(turn);
    if (BACK_WORDS.test(words)) return back(turn);
  }
  if (pending?.kind === "append") {
    const target = questionById(pending.question);
    if (target.kind !== "narrative") return refuse(turn, [line("interview-button-invalid")]);
    const problem = appendNarrative(turn, target, text);
    if (problem !== undefined) return refuse(turn, [problem]);
    state.pending = null;
    return arrive(turn, false);
  }
  const question = questionById(state.current);
  switch (question.kind) {
    case "meta":
      return metaText(turn, trimmed);
    case "gate": {
      const answer = YES.test(words) ? true : NO.test(words) ? false : undefined;
      if (answer === undefined) return refuse(turn, [line("interview-error-use-buttons")]);
      // Typed 是/否 does what the buttons on screen do.
      const confirming = pending?.kind === "gate-no";
      return applyAction(turn, confirming ? { type: "confirm", yes: answer } : { type: "gate", yes: answer });
    }
    case "narrative": {
      const problem = answerNarrative(turn, question, text);
      if (problem !== undefined) return refuse(turn, [problem]);
      // A split paste waits for its confirmation on this question.
      return turn.state.pending?.kind === "split" ? undefined : advance(turn);
    }
    case "finish":
      turn.say([line("interview-finish-text")]);
      return arrive(turn, false);
    default:
      return storedOrRefused(turn, answerNumbers(turn, question, text));
  }
}
