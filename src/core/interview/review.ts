// /review: the report at a glance, one page per message (narrative, 表二, 表三, 表四 as monospaced
// blocks), with a tap-to-edit button for every question.
import { withTotals } from "../report/arithmetic.ts";
import { T2_BLOCKS, T3_COLUMNS, T3_ROWS, T4_COLUMNS, T4_GROUPS, t2CellId, t3CellId, t4CellId, type T3Row } from "../report/format.ts";
import { SECTIONS, reportTitle } from "../report/narrative.ts";
import type { Values } from "../report/schema.ts";
import { questionLabel } from "./ask.ts";
import { PLAN, questionById, questionIndex, type Question } from "./plan.ts";
import { btn, grid, line, preview, type DraftButton, type Line, type Turn } from "./reply.ts";
import { cellOf } from "../report/cells.ts";

const PREVIEW_CHARS = 30;
export const REVIEW_PAGES = 4;

const show = (value: number | undefined): string => (value === undefined ? "—" : String(value));
const cellsLine = (values: Values, ids: readonly string[]): string => ids.map((id) => show(values[id]).padStart(5)).join("");

/** 「一、」「（三）1」: the numbering of a table-3 row, cut from its official labels. */
function t3ShortLabel(row: T3Row): string {
  if (row.level2 === undefined) return row.level1.slice(0, row.level1.indexOf("、") + 1);
  const group = row.level2.slice(0, row.level2.indexOf("）") + 1);
  return row.level3 === undefined ? group : `${group}${row.level3.slice(0, row.level3.indexOf("."))}`;
}

const BUTTON_WORDS = 20;

/** 「（三）1.属于国家秘密」: a table-3 row's numbering with its words, for a button (the bare 「（三）1」 says nothing). */
function t3ButtonLabel(row: T3Row): string {
  const words = row.level3 === undefined ? (row.level2 ?? row.level1) : `${t3ShortLabel(row).replace(/\d+$/u, "")}${row.level3}`;
  return preview(words, BUTTON_WORDS);
}

export const buttonLabel = (question: Question, turn: Turn): string =>
  question.kind === "t3-row" || question.kind === "t3-remainder" ? t3ButtonLabel(question.row) : questionLabel(question, turn);

const jump = (turn: Turn, question: Question, label = buttonLabel(question, turn)): DraftButton =>
  btn("interview-btn-edit", { type: "jump", question: questionIndex(question.id) }, { label });

function narrativePage(turn: Turn): { lines: Line[]; buttons: DraftButton[] } {
  const { meta, text } = turn.state.report;
  const lines: Line[] = [line("interview-review-meta", { agency: meta.agency ?? "—", year: meta.year === undefined ? "—" : String(meta.year) })];
  const buttons: DraftButton[] = [jump(turn, questionById("meta"), reportTitle(meta))];
  for (const question of PLAN) {
    if (question.kind !== "narrative") continue;
    const label = questionLabel(question, turn);
    // The opening paragraph and 一's lead-in have no printed heading: the locale names them.
    const kind = question.part.id === "intro" ? "intro" : question.part.id === "s1.summary" ? "summary" : "other";
    const optional = question.part.optional ? "yes" : "no";
    const body = text[question.part.id];
    lines.push(
      body === undefined
        ? line("interview-review-text-missing", { label, kind, optional })
        : line("interview-review-text", { label, kind, chars: body.length, preview: preview(body, PREVIEW_CHARS) }),
    );
    buttons.push(btn("interview-btn-edit-part", { type: "jump", question: questionIndex(question.id) }, { label, kind }));
  }
  return { lines, buttons };
}

function table2(values: Values): string {
  return T2_BLOCKS.flatMap((block) => [
    `${block.article} ${block.columns.map((column) => column.label).join("/")}`,
    ...block.rows.map((row) => `  ${row.label}${cellsLine(values, block.columns.map((column) => t2CellId(row, column)))}`),
  ]).join("\n");
}

function table3(values: Values): string {
  const header = `${T3_COLUMNS.map((column, index) => `${index + 1}=${column.label}`).join(" ")}`;
  const rows = T3_ROWS.map((row) => `${t3ShortLabel(row).padEnd(6, "　")}${cellsLine(values, T3_COLUMNS.map((column) => t3CellId(row.key, column.key)))}`);
  return [header, ...rows].join("\n");
}

function table4(values: Values): string {
  const header = T4_COLUMNS.map((column, index) => `${index + 1}=${column.label}`).join(" ");
  const rows = T4_GROUPS.map((group) => `${cellOf(t4CellId(group.key, "total")).rowLabel}\n  ${cellsLine(values, T4_COLUMNS.map((column) => t4CellId(group.key, column.key)))}`);
  return [header, ...rows].join("\n");
}

/** One review page (0 = title and narrative, 1–3 = tables 2–4). */
export function reviewPage(turn: Turn, page: number): void {
  const title = (text: string): Line => line("interview-review-page", { page: page + 1, pages: REVIEW_PAGES, title: text });
  if (page === 0) {
    const { lines, buttons } = narrativePage(turn);
    turn.say([title(reportTitle(turn.state.report.meta)), ...lines], grid(buttons, 2));
    return;
  }
  const section = SECTIONS.find((candidate) => candidate.table === page + 1);
  if (section === undefined) return;
  const values = withTotals(turn.state.report.values);
  const mono = page === 1 ? table2(values) : page === 2 ? table3(values) : table4(values);
  const questions = PLAN.filter((question) => question.section === section.key && question.kind !== "gate");
  const buttons = questions.map((question) => jump(turn, question));
  turn.say([title(section.heading)], grid(buttons, 2), mono);
}

export function review(turn: Turn): void {
  for (let page = 0; page < REVIEW_PAGES; page += 1) reviewPage(turn, page);
}
