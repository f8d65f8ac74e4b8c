// Findings, report.json problems and import notes as sentences in the officer's language, cells named
// by their official labels. Keys: findings-<rule>, schema-<code>, import-<code> (one .ftl each).
import type { ImportFailure, ImportNote } from "./core/import/import-result.ts";
import { cellLabel, isCellId } from "./core/report/cells.ts";
import type { Finding } from "./core/report/findings.ts";
import type { Line } from "./core/interview/reply.ts";
import { NARRATIVE_PARTS, SECTIONS, isNarrativeId } from "./core/report/narrative.ts";
import type { SchemaProblem } from "./core/report/schema.ts";
import type { Translate, TranslateParams } from "./i18n.ts";

/** One engine line as text in the officer's language: a Fluent key or a checker finding. */
export function lineText(t: Translate, line: Line): string {
  return "finding" in line ? findingSentence(t, line.finding) : t(line.key, line.params);
}

/** The officer's name for a cell or narrative part; unknown ids are shown as they are. */
export function partLabel(t: Translate, id: string): string {
  if (isCellId(id)) return cellLabel(id);
  const part = NARRATIVE_PARTS.find((candidate) => candidate.id === id);
  if (part === undefined) return id;
  if (part.section === null) return t("findings-part-intro");
  const heading = SECTIONS.find((section) => section.key === part.section)?.heading ?? "";
  return `${heading}${part.lead ?? ""}`;
}

/** The sentence under `key`, else `fallback`; numbers as strings (Fluent would group digits, cut 万元 decimals). */
function sentence(t: Translate, key: string, fallback: string, params: TranslateParams, extra?: Finding["params"]) {
  const all: TranslateParams = { ...params };
  for (const [name, value] of Object.entries(extra ?? {})) all[name] = String(value);
  const text = t(key, all);
  return text === key ? t(fallback, all) : text;
}

export function findingSentence(t: Translate, finding: Finding): string {
  const [first, second] = finding.cells;
  const params: TranslateParams = {
    rule: finding.rule,
    label: first === undefined ? "" : partLabel(t, first),
    cellLabel: second === undefined ? "" : partLabel(t, second),
    expected: String(finding.expected ?? ""),
    actual: String(finding.actual ?? ""),
  };
  return sentence(t, `findings-${finding.rule}`, "findings-unknown", params, finding.params);
}

/** 「三、本年新收…·自然人」（values.t3.new.natural） for a cell; the dotted path otherwise. */
function whereOf(t: Translate, path: string): string {
  if (path === "") return t("schema-root");
  const dot = path.indexOf(".");
  const head = dot < 0 ? path : path.slice(0, dot);
  const id = dot < 0 ? "" : path.slice(dot + 1);
  if ((head === "values" && isCellId(id)) || (head === "text" && isNarrativeId(id))) {
    return `「${partLabel(t, id)}」（${path}）`;
  }
  return path;
}

export function schemaProblemSentence(t: Translate, problem: SchemaProblem): string {
  const params: TranslateParams = { where: whereOf(t, problem.path), code: problem.code, path: problem.path };
  return sentence(t, `schema-${problem.code.replaceAll("_", "-")}`, "schema-other", params);
}

export function importNoteSentence(t: Translate, note: ImportNote): string {
  const params: TranslateParams = {
    code: note.code,
    cell: note.cell === undefined ? "" : partLabel(t, note.cell),
    part: note.part === undefined ? "" : partLabel(t, note.part),
  };
  return sentence(t, `import-${note.code}`, "import-unknown", params, note.params);
}

export function importFailureSentence(t: Translate, reason: ImportFailure): string {
  return importNoteSentence(t, { code: reason });
}
