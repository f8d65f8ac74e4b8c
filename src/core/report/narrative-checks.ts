// Soft checks on the narrative (spec "Soft checks"): 雷同, numbers against the tables, 六 on 信息处理费.
import { sumOf } from "./arithmetic.ts";
import type { CheckContext } from "./check.ts";
import type { Finding } from "./findings.ts";
import { NARRATIVE_PARTS } from "./narrative.ts";
import { numberClaims } from "./narrative-numbers.ts";
import { placeholdersIn } from "./placeholder.ts";
import { THRESHOLDS, finding } from "./rules.ts";

const S5 = "s5.problems";
const S6 = "s6.other";
// The opening paragraph is prescribed boilerplate (「根据《条例》……统计期限自…」): it repeats by design.
const COMPARED_PARTS = NARRATIVE_PARTS.filter((part) => part.section !== null).map((part) => part.id);

/** Whitespace is layout, and numbers change every year while a copied text stays a copy. */
function normaliseForComparison(text: string): string {
  return text.replace(/\s+/g, "").replace(/[0-9０-９]+/g, "#");
}

function bigrams(text: string): Map<string, number> {
  const chars = [...text];
  const counts = new Map<string, number>();
  for (let i = 0; i + 1 < chars.length; i += 1) {
    const gram = `${chars[i] ?? ""}${chars[i + 1] ?? ""}`;
    counts.set(gram, (counts.get(gram) ?? 0) + 1);
  }
  return counts;
}

/**
 * How alike two texts are: the Dice coefficient 2·|A∩B| / (|A|+|B|) of their character bigrams suits
 * Chinese (no word boundaries) and survives small edits such as a changed year. 1 for equal texts.
 */
export function similarity(a: string, b: string): number {
  const left = normaliseForComparison(a);
  const right = normaliseForComparison(b);
  if (left === right) return 1;
  const leftGrams = bigrams(left);
  let shared = 0;
  for (const [gram, count] of bigrams(right)) shared += Math.min(count, leftGrams.get(gram) ?? 0);
  // A text of n characters has n − 1 bigrams.
  const sizes = Math.max(0, [...left].length - 1) + Math.max(0, [...right].length - 1);
  return sizes === 0 ? 0 : (2 * shared) / sizes;
}

function charCount(text: string): number {
  return [...text.replace(/\s+/g, "")].length;
}

function textOf(texts: Readonly<Record<string, string>>, id: string): string {
  return (texts[id] ?? "").trim();
}

/** Parts (near-)identical to last year's: s5 under its own rule, every other part under narrative-similar. */
export function repeatedTexts(ctx: CheckContext): Finding[] {
  const last = ctx.lastYear;
  if (last === undefined) return [];
  return COMPARED_PARTS.flatMap((id) => {
    const now = textOf(ctx.year.texts, id);
    const before = textOf(last.texts, id);
    if (charCount(now) < THRESHOLDS.similarityMinChars || charCount(before) < THRESHOLDS.similarityMinChars) return [];
    const score = similarity(now, before);
    if (score < THRESHOLDS.similarity) return [];
    const params = { similarity: Math.floor(score * 100) };
    return [finding(id === S5 ? "s5-repeated" : "narrative-similar", { cells: [id], params })];
  });
}

/** A draft's 「（请补充…）」 still in a text: the document would print it. The first one per part is named. */
export function leftPlaceholders(ctx: CheckContext): Finding[] {
  return NARRATIVE_PARTS.flatMap((part) => {
    const [first] = placeholdersIn(textOf(ctx.year.texts, part.id));
    return first === undefined ? [] : [finding("narrative-placeholder", { cells: [part.id], params: { placeholder: first } })];
  });
}

/** A number the narrative states (行政许可 N, 上年结转 N件 …) that the tables contradict. */
export function contradictingNumbers(ctx: CheckContext): Finding[] {
  return NARRATIVE_PARTS.flatMap((part) =>
    numberClaims(textOf(ctx.year.texts, part.id)).flatMap((claim) => {
      const [named, ...others] = claim.sums;
      const expected = named === undefined ? undefined : sumOf(ctx.year.known, named);
      if (expected === undefined || expected === claim.value) return [];
      if (others.some((cells) => sumOf(ctx.year.known, cells) === claim.value)) return [];
      return [finding("narrative-number-mismatch", { cells: [part.id, ...(named ?? [])], expected, actual: claim.value, params: { phrase: claim.phrase } })];
    }),
  );
}

const FEE_MENTION = /信息处理费|收费|收取[^。；]{0,8}费/;

/** 六 must say whether 信息处理费 was collected. An empty 六 is left to missingParts. */
export function feeSilence(ctx: CheckContext): Finding[] {
  const text = textOf(ctx.year.texts, S6);
  return text === "" || FEE_MENTION.test(text) ? [] : [finding("s6-fee-silent", { cells: [S6] })];
}

const S1_PARTS = NARRATIVE_PARTS.filter((part) => part.section === "s1").map((part) => part.id);

/** 一、总体情况 (its s1.* texts; the intro is not part of it) over the notice's limit. */
export function section1TooLong(ctx: CheckContext): Finding[] {
  const filled = S1_PARTS.filter((id) => textOf(ctx.year.texts, id) !== "");
  const actual = filled.reduce((total, id) => total + charCount(textOf(ctx.year.texts, id)), 0);
  if (actual <= THRESHOLDS.section1MaxChars) return [];
  return [finding("s1-too-long", { cells: filled, expected: THRESHOLDS.section1MaxChars, actual, params: { limit: THRESHOLDS.section1MaxChars } })];
}
