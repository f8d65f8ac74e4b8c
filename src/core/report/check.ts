// The checker (spec "Rules"; the rule table is RULES in rules.ts): findings in document order. Never
// throws for bad data; rules whose cells are not all known are not evaluated.
import { withTotals } from "./arithmetic.ts";
import { CELLS, INPUT_CELL_IDS } from "./cells.ts";
import type { Finding } from "./findings.ts";
import { contradictingNumbers, feeSilence, leftPlaceholders, repeatedTexts, section1TooLong } from "./narrative-checks.ts";
import { NARRATIVE_PARTS, SECTIONS, partsIn } from "./narrative.ts";
import { valueProblem, type Report, type Values } from "./schema.ts";
import {
  carriedOverMismatch,
  implausibleMagnitudes,
  inForceMismatch,
  invalidValues,
  otherHandlingHigh,
  unbalancedColumns,
  wrongTotals,
} from "./table-checks.ts";

/** One year's report as the checks read it, built so that no check has to guard against bad data. */
export interface YearView {
  /** Values that pass valueProblem, printed derived cells included. */
  readonly valid: Values;
  /** Valid typed cells plus the totals derived from them (a printed total never overrides). */
  readonly known: Values;
  /** Narrative id → text (non-strings dropped). */
  readonly texts: Readonly<Record<string, string>>;
}

export interface CheckContext {
  readonly report: Report;
  readonly year: YearView;
  /** The same agency's previous-year report, for the continuity and 雷同 checks. */
  readonly lastYear?: YearView;
}

function entriesOf(record: unknown): [string, unknown][] {
  return typeof record === "object" && record !== null ? Object.entries(record) : [];
}

function yearView(report: Report): YearView {
  const valid: Values = {};
  for (const [id, value] of entriesOf(report.values)) if (valueProblem(id, value) === null) valid[id] = value as number;
  const texts: Record<string, string> = {};
  for (const [id, text] of entriesOf(report.text)) if (typeof text === "string") texts[id] = text;
  return { valid, known: withTotals(valid), texts };
}

/** Every check, hard rules first; each RULES id is reported by exactly one of them (its finding() calls say which). */
const CHECKS: readonly ((ctx: CheckContext) => Finding[])[] = [
  invalidValues,
  wrongTotals,
  unbalancedColumns,
  leftPlaceholders,
  carriedOverMismatch,
  inForceMismatch,
  repeatedTexts,
  contradictingNumbers,
  feeSilence,
  section1TooLong,
  otherHandlingHigh,
  implausibleMagnitudes,
];

/** Where each id stands in the printed document: intro, then each section's texts and its table's cells. */
const POSITION = new Map(
  [
    ...partsIn(null).map((part) => part.id),
    ...SECTIONS.flatMap((section) => [
      ...partsIn(section.key).map((part) => part.id),
      ...CELLS.filter((cell) => cell.table === section.table).map((cell) => cell.id),
    ]),
  ].map((id, index) => [id, index]),
);

export function checkReport(report: Report, options: { readonly lastYear?: Report } = {}): Finding[] {
  const lastYear = options.lastYear === undefined ? {} : { lastYear: yearView(options.lastYear) };
  const ctx: CheckContext = { report, year: yearView(report), ...lastYear };
  // Unknown ids first; the stable sort keeps CHECKS' order (hard before soft) within a position.
  const position = (finding: Finding): number => POSITION.get(finding.cells[0] ?? "") ?? -1;
  return CHECKS.flatMap((check) => check(ctx)).sort((a, b) => position(a) - position(b));
}

/** What is still to be answered: the interview asks for it, finalising refuses without it. */
export interface MissingParts {
  /** Input cells absent from values, in document order. */
  readonly cells: string[];
  /** Non-optional narrative parts that are empty (or only whitespace), in document order. */
  readonly texts: string[];
}

export function missingParts(report: Report): MissingParts {
  const values = new Map(entriesOf(report.values));
  const texts = new Map(entriesOf(report.text));
  return {
    cells: INPUT_CELL_IDS.filter((id) => values.get(id) === undefined),
    texts: NARRATIVE_PARTS.filter((part) => {
      const text = texts.get(part.id);
      return !part.optional && (typeof text !== "string" || text.trim() === "");
    }).map((part) => part.id),
  };
}
