// A text message read as the answer to whatever is being asked (or to the pending confirmation):
// numbers parsed and checked against what is left to allocate, narrative stored, split or appended.
// A refused answer leaves the report as it was.
import { cellOf } from "../report/cells.ts";
import { hasHiddenCharacters } from "../report/names.ts";
import { FEE_DECIMALS } from "../report/schema.ts";
import { advance, applyAction, arrive, back, refuse, refuseYearChange, skip, storedOrRefused } from "./actions.ts";
import { carriedForwardRemainder, describeColumns, overAllocation, overdrawn, remaining } from "./allocation.ts";
import { askCurrent, questionLabel } from "./ask.ts";
import { lastYearSuggestion } from "./drafts.ts";
import { normaliseNarrative, splitSection1 } from "./narrative-split.ts";
import { askedCells } from "./navigation.ts";
import { parseNumbers, parseToken, type NumberProblem } from "./parse-numbers.ts";
import { PLAN, questionById, questionIndex, type CellQuestion, type Question } from "./plan.ts";
import { btn, confirmRow, line, preview, type Line, type Turn } from "./reply.ts";

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

const PROBLEM_KEYS: Record<NumberProblem["code"], string> = {
  empty: "interview-error-empty",
  "too-long": "interview-error-too-long",
  "not-number": "interview-error-not-number",
  "malformed-numeral": "interview-error-malformed-numeral",
  negative: "interview-error-negative",
  fraction: "interview-error-fraction",
  decimals: "interview-error-decimals",
  "too-large": "interview-error-too-large",
  count: "interview-error-count",
  "duplicate-name": "interview-error-duplicate-name",
};

function problemLine(problem: NumberProblem): Line {
  const { code, ...params } = problem;
  return line(PROBLEM_KEYS[code], params);
}

/** Stores a row's numbers, or returns the refusal. */
function answerNumbers(turn: Turn, question: CellQuestion, text: string): Line | undefined {
  const cells = askedCells(turn.state, question);
  const fees = question.kind === "t2-row" && question.block.unit === "wanYuan";
  const names = cells.map((cell) => cellOf(cell).columnLabel);
  const parsed = parseNumbers(text, { count: cells.length, names, decimals: fees ? FEE_DECIMALS : 0 });
  if (parsed.ok) return storeNumbers(turn, question, parsed.values);
  // 「2 1」 for 制发 废止: 现行有效 follows from last year's (offered in the question).
  const rollover = lastYearSuggestion(question, turn.context.lastYear, cells);
  if (rollover?.kind !== "in-force") return problemLine(parsed.problem);
  const two = parseNumbers(text, { count: 2, names: names.slice(0, 2), decimals: 0 });
  if (!two.ok) return problemLine(parsed.problem);
  const [issued = 0, repealed = 0] = two.values;
  const inForce = rollover.lastInForce + issued - repealed;
  if (inForce < 0) return line("interview-error-in-force-negative", { last: rollover.lastInForce, issued, repealed });
  return storeNumbers(turn, question, [issued, repealed, inForce]);
}

/** Stores numbers for the cells a question asks, unless table 3's running totals refuse them. */
export function storeNumbers(turn: Turn, question: CellQuestion, entered: readonly number[]): Line | undefined {
  const values = turn.state.report.values;
  if (question.kind === "t3-row" && question.row.part === "result") {
    const over = overAllocation(values, question.row.key, entered);
    if (over !== undefined) return over;
  }
  const remainder = question.kind === "t3-remainder" ? carriedForwardRemainder(values) : undefined;
  if (remainder !== undefined && remainder.some((value, index) => value !== entered[index])) {
    return line("interview-error-remainder", { list: describeColumns(remainder) });
  }
  askedCells(turn.state, question).forEach((cell, index) => turn.setValue(cell, entered[index]));
  const total = entered.reduce((sum, value) => sum + value, 0);
  const counts = question.kind === "t3-row" || question.kind === "t4-group" || question.kind === "t3-remainder";
  const lines = [counts ? line("interview-saved-total", { total }) : line("interview-saved")];
  if (question.kind === "t3-row" && question.row.part !== "result") {
    const left = remaining(turn.state.report.values);
    if (overdrawn(left)) lines.push(line("interview-t3-overdrawn", { list: describeColumns(left) }));
  }
  turn.say(lines);
  return undefined;
}

/** 「全部为0」 for a result group: this row and the rest of its group become 0; false outside a group. */
export function zeroRestOfGroup(turn: Turn, question: Question): boolean {
  if (question.kind !== "t3-row" || question.row.group === undefined) return false;
  const group = question.row.group;
  const rows = PLAN.filter(
    (candidate): candidate is CellQuestion => candidate.kind === "t3-row" && candidate.row.group === group,
  );
  const rest = rows.slice(Math.max(rows.indexOf(question), 0));
  for (const row of rest) for (const cell of askedCells(turn.state, row)) turn.setValue(cell, 0);
  turn.say([line("interview-group-zeroed", { count: rest.length })]);
  return true;
}

/** A narrative part longer than this is refused (一 as a whole should stay under 1 000). */
const MAX_NARRATIVE_CHARS = 20_000;

type NarrativeQuestion = Extract<Question, { kind: "narrative" }>;

const tooLong = (chars: number): Line | undefined =>
  chars > MAX_NARRATIVE_CHARS ? line("interview-error-narrative-long", { max: MAX_NARRATIVE_CHARS, chars }) : undefined;

/** The paragraphs cleaned up, or the refusal (the raw length first: a huge paste is not worth cleaning). */
function validate(text: string): string | Line {
  const huge = tooLong(text.length);
  if (huge !== undefined) return huge;
  const clean = normaliseNarrative(text);
  return clean === "" ? line("interview-error-narrative-empty") : (tooLong(clean.length) ?? clean);
}

/** Stores a part's text and says so, with buttons to append to or rewrite it. */
export function saveNarrative(turn: Turn, question: NarrativeQuestion, text: string, extra: Line[] = []): void {
  turn.setText(question.part.id, text);
  const index = questionIndex(question.id);
  turn.say(
    [line("interview-text-saved", { label: questionLabel(question, turn), chars: text.length }), ...extra],
    [[btn("interview-btn-append", { type: "append", question: index }), btn("interview-btn-replace", { type: "jump", question: index })]],
  );
}

const PREVIEW_CHARS = 40;

/** The narrative questions of the parts a split holds, in plan order. */
const questionsOf = (parts: Readonly<Record<string, string>>): NarrativeQuestion[] =>
  PLAN.filter(
    (candidate): candidate is NarrativeQuestion => candidate.kind === "narrative" && parts[candidate.part.id] !== undefined,
  );

/** Stores a narrative answer; a paste cut into several parts is shown first and saved on confirmation. */
function answerNarrative(turn: Turn, question: NarrativeQuestion, text: string): Line | undefined {
  const checked = validate(text);
  if (typeof checked !== "string") return checked;
  const id = question.part.id;
  // Any question of 一 (the opening paragraph is asked with it) may receive the whole section pasted.
  const split = question.section === "s1" ? splitSection1(text, id) : undefined;
  const parts = Object.entries(split?.parts ?? {});
  if (split === undefined || parts.length === 0 || (parts.length === 1 && split.parts[id] !== undefined && split.leftOut === "")) {
    saveNarrative(turn, question, split?.parts[id] ?? checked);
    return undefined;
  }
  // The length that counts is the part's own, not the whole paste's.
  const long = parts.map(([, body]) => tooLong(body.length)).find((problem) => problem !== undefined);
  if (long !== undefined) return long;
  turn.state.pending = { kind: "split", question: question.id, parts: split.parts, whole: checked };
  const lines: Line[] = [line("interview-split-preview", { count: parts.length })];
  for (const candidate of questionsOf(split.parts)) {
    const body = split.parts[candidate.part.id] ?? "";
    const label = questionLabel(candidate, turn);
    lines.push(line("interview-split-part", { label, chars: body.length, preview: preview(body, PREVIEW_CHARS) }));
  }
  if (split.leftOut !== "") lines.push(line("interview-split-left-out", { start: split.leftOut.slice(0, 12), chars: split.leftOut.length }));
  turn.say(lines, [
    confirmRow("interview-btn-split-ok"),
    // The officer's own （一）（二） inside one part must not be forced apart.
    [btn("interview-btn-split-whole", { type: "split-whole" }, { label: questionLabel(question, turn) })],
  ]);
  return undefined;
}

/** The confirmation of a shown split: every part saved, the optional part being asked and not pasted declined. */
export function saveSplit(turn: Turn, question: NarrativeQuestion, parts: Readonly<Record<string, string>>): void {
  for (const [part, body] of Object.entries(parts)) turn.setText(part, body);
  if (parts[question.part.id] === undefined && question.part.optional && !turn.state.skipped.includes(question.id)) turn.state.skipped.push(question.id);
  const labels = questionsOf(parts).map((candidate) => questionLabel(candidate, turn));
  turn.state.pending = null;
  turn.say([line("interview-split-done", { count: labels.length, parts: labels.join("、") })]);
}

/** The next text appended to a part (after the 追加 button). */
function appendNarrative(turn: Turn, question: NarrativeQuestion, text: string): Line | undefined {
  const checked = validate(text);
  if (typeof checked !== "string") return checked;
  const old = turn.state.report.text[question.part.id];
  const joined = old === undefined ? checked : `${old}\n\n${checked}`;
  const problem = tooLong(joined.length);
  if (problem !== undefined) return problem;
  saveNarrative(turn, question, joined);
  return undefined;
}
