// Findings, report.json problems and import notes as sentences in the officer's language, naming
// cells by their official labels (cellLabel). Keys: findings-<rule> in findings.ftl, schema-<code>
// in schema.ftl, import-<code> in import.ftl.
import type { ImportFailure, ImportNote } from "./core/import/import-result.ts";
import { cellLabel, isCellId } from "./core/report/cells.ts";
import type { Finding } from "./core/report/findings.ts";
import type { Line } from "./core/interview/reply.ts";
import { NARRATIVE_PARTS, SECTIONS } from "./core/report/narrative.ts";
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

export function findingSentence(t: Translate, finding: Finding): string {
  const [first, second] = finding.cells;
  const params: TranslateParams = {
    rule: finding.rule,
    label: first === undefined ? "" : partLabel(t, first),
    cellLabel: second === undefined ? "" : partLabel(t, second),
    // Numbers as strings: Fluent's number formatting would group digits and cut decimals of 万元.
    expected: String(finding.expected ?? ""),
    actual: String(finding.actual ?? ""),
  };
  for (const [name, value] of Object.entries(finding.params ?? {})) params[name] = String(value);
  const key = `findings-${finding.rule}`;
  const sentence = t(key, params);
  return sentence === key ? t("findings-unknown", params) : sentence;
}

/** 「三、本年新收…·自然人」（values.t3.new.natural） for a cell; the dotted path otherwise. */
function whereOf(t: Translate, path: string): string {
  if (path === "") return t("schema-root");
  const dot = path.indexOf(".");
  const head = dot < 0 ? path : path.slice(0, dot);
  const id = dot < 0 ? "" : path.slice(dot + 1);
  if ((head === "values" && isCellId(id)) || (head === "text" && NARRATIVE_PARTS.some((part) => part.id === id))) {
    return `「${partLabel(t, id)}」（${path}）`;
  }
  return path;
}

export function schemaProblemSentence(t: Translate, problem: SchemaProblem): string {
  const params: TranslateParams = { where: whereOf(t, problem.path), code: problem.code, path: problem.path };
  const key = `schema-${problem.code.replaceAll("_", "-")}`;
  const sentence = t(key, params);
  return sentence === key ? t("schema-other", params) : sentence;
}

export function importNoteSentence(t: Translate, note: ImportNote): string {
  const params: TranslateParams = {
    code: note.code,
    cell: note.cell === undefined ? "" : partLabel(t, note.cell),
    part: note.part === undefined ? "" : partLabel(t, note.part),
  };
  // Numbers as strings: Fluent would group digits (2,021) and cut the decimals of 万元.
  for (const [name, value] of Object.entries(note.params ?? {})) params[name] = String(value);
  const key = `import-${note.code}`;
  const sentence = t(key, params);
  return sentence === key ? t("import-unknown", params) : sentence;
}

export function importFailureSentence(t: Translate, reason: ImportFailure): string {
  return importNoteSentence(t, { code: reason });
}
