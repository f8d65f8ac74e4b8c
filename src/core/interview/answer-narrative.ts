// Answers to the narrative questions: stored at once (with buttons to add to or rewrite them), a
// pasted whole 一、总体情况 split into its parts, drafts taken with one tap, appends.
import { questionLabel } from "./ask.ts";
import { normaliseNarrative, SECTION1_PART_IDS, splitSection1 } from "./narrative-split.ts";
import { PLAN, questionIndex, type Question } from "./plan.ts";
import { btn, confirmRow, line, preview, type Line, type Turn } from "./reply.ts";

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

/** Stores a narrative answer; a paste cut into several parts is shown first and saved on confirmation. */
export function answerNarrative(turn: Turn, question: NarrativeQuestion, text: string): Line | undefined {
  const checked = validate(text);
  if (typeof checked !== "string") return checked;
  const id = question.part.id;
  const split = SECTION1_PART_IDS.includes(id) ? splitSection1(text, id) : undefined;
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
  for (const candidate of PLAN) {
    const body = candidate.kind === "narrative" ? split.parts[candidate.part.id] : undefined;
    if (body === undefined || candidate.kind !== "narrative") continue;
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
  const labels = PLAN.filter((candidate): candidate is NarrativeQuestion => candidate.kind === "narrative" && parts[candidate.part.id] !== undefined).map(
    (candidate) => questionLabel(candidate, turn),
  );
  turn.state.pending = null;
  turn.say([line("interview-split-done", { count: labels.length, parts: labels.join("、") })]);
}

/** The next text appended to a part (after the 追加 button). */
export function appendNarrative(turn: Turn, question: NarrativeQuestion, text: string): Line | undefined {
  const checked = validate(text);
  if (typeof checked !== "string") return checked;
  const old = turn.state.report.text[question.part.id];
  const joined = old === undefined ? checked : `${old}\n\n${checked}`;
  const problem = tooLong(joined.length);
  if (problem !== undefined) return problem;
  saveNarrative(turn, question, joined);
  return undefined;
}
