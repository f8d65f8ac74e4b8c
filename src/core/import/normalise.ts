// Matching published labels (brackets, quotes, spacing, numbering, full-width digits vary) against
// the format data (spec "Older and variant layouts met on import").
import { MAX_LABEL_CHARS } from "./limits.ts";

// Artifacts of flattening a .docx to text (the seed carries `[bookmark: _GoBack]`), zero-width marks.
const ARTIFACTS = /\[bookmark:[^\]]*\]|[\u200b-\u200d\u2060\ufeff]/g;

export function clean(text: string): string {
  return text.replace(ARTIFACTS, "");
}

/** Thousands separators (1,234) are typography, not data. */
export const THOUSANDS = /(?<=\d),(?=\d{3}(?!\d))/gu;

/** NFKC (full-width digits and brackets become ASCII), no whitespace, no quotes. */
export function compact(text: string): string {
  return clean(text)
    .normalize("NFKC")
    .replace(/[\s"'“”‘’「」『』]/g, "");
}

const NUMERALS = "一二三四五六七八九十";

/** No numbering (一、 （一） 1.), no bracketed remarks ((2023), (单位:万元)), no punctuation. */
export function labelKey(text: string): string {
  return compact(text)
    .replace(new RegExp(`[${NUMERALS}]+[、.]`, "g"), "")
    .replace(new RegExp(`\\([${NUMERALS}]+\\)`, "g"), "")
    .replace(/(^|\D)\d{1,2}[.、](?!\d)/g, "$1")
    .replace(/\([^()]*\)/g, "")
    .replace(/[,.:;!?、。·\-—–_/\\()[\]【】]/g, "");
}

function lcsLength(a: string, b: string): number {
  const previous = new Array<number>(b.length + 1).fill(0);
  const current = new Array<number>(b.length + 1).fill(0);
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      current[j] = a[i - 1] === b[j - 1] ? (previous[j - 1] ?? 0) + 1 : Math.max(previous[j] ?? 0, current[j - 1] ?? 0);
    }
    for (let j = 0; j <= b.length; j++) previous[j] = current[j] ?? 0;
  }
  return previous[b.length] ?? 0;
}

/** Dice similarity over the longest common subsequence of two label keys: 1 = same, 0 = nothing shared. */
export function similarity(a: string, b: string): number {
  if (a === b) return a === "" ? 0 : 1;
  if (a === "" || b === "" || a.length > MAX_LABEL_CHARS || b.length > MAX_LABEL_CHARS) return 0;
  return (2 * lcsLength(a, b)) / (a.length + b.length);
}

/** Labels at least this similar are taken for the same row (行政规范性文件 ~ 规范性文件 is 0.83; 行政许可 ~ 行政处罚 is 0.5). */
const MATCH_THRESHOLD = 0.7;

export function bestMatch(key: string, candidates: readonly (readonly string[])[], from = 0, score = similarity): number {
  let best = -1;
  let bestScore = 0;
  candidates.forEach((variants, index) => {
    if (index < from) return;
    for (const variant of variants) {
      const value = score(key, variant);
      // The first of equally good candidates wins: rows are listed in document order.
      if (value >= MATCH_THRESHOLD && value > bestScore) {
        best = index;
        bestScore = value;
      }
    }
  });
  return best;
}
