// Text whose table cells ran together (copied from a web page or a PDF without layout): the
// section is read as one stream and each row anchored on its official label, in order; the digits
// between one label and the next text are that row's run. Whitespace is a boundary no number
// crosses; the ordinal of the next row stuck to the digits (`0000000 2.其他法律…`, `00000002.`)
// goes back to its label.
import { labelKey, MATCH_THRESHOLD, similarity } from "./normalise.ts";

export interface AnchoredRun {
  /** Index of the matched label in the candidates given. */
  readonly index: number;
  /** The run's tokens as printed: whitespace-separated digit groups (decimals kept). */
  readonly tokens: readonly string[];
}

interface Segment {
  text: string;
  tokens: string[];
}

/** NFKC (full-width digits, U+00A0 and U+3000 become ASCII), thousands separators dropped. */
function normaliseStream(lines: readonly string[]): string {
  return lines
    .join(" ")
    .normalize("NFKC")
    .replace(/[\u00a0\u3000]/gu, " ")
    .replace(/(?<=\d),(?=\d{3}(?!\d))/gu, "");
}

// A number, whitespace, or other text. 「2.其他」: a digit before a point and a non-digit is an ordinal.
const TOKEN = /(\d+(?:\.\d+)?)|(\s+)|([^\d\s]+)/gu;
const ORDINAL_MARK = /^[.、．]/u;

function segments(stream: string): Segment[] {
  const out: Segment[] = [{ text: "", tokens: [] }];
  let current = out[0] as Segment;
  let lastWasSpace = true;
  for (const match of stream.matchAll(TOKEN)) {
    const [whole, number, space] = match;
    if (space !== undefined) {
      lastWasSpace = true;
      if (current.tokens.length === 0) current.text += " ";
      continue;
    }
    if (number !== undefined) {
      const next = stream.slice((match.index ?? 0) + whole.length);
      const ordinal = ORDINAL_MARK.test(next) && !/^[.．]\d/u.test(next);
      const value = ordinal ? number.slice(0, -1) : number;
      if (value !== "") {
        if (lastWasSpace || current.tokens.length === 0) current.tokens.push(value);
        else current.tokens[current.tokens.length - 1] += value;
      }
      if (ordinal) {
        if (current.tokens.length > 0) {
          current = { text: "", tokens: [] };
          out.push(current);
        }
        current.text += number.slice(-1);
      }
      lastWasSpace = false;
      continue;
    }
    if (current.tokens.length > 0) {
      current = { text: "", tokens: [] };
      out.push(current);
    }
    current.text += whole;
    lastWasSpace = false;
  }
  return out;
}

/** How well the end of a segment's text reads as `variant` (a label key). */
function tailScore(key: string, variant: string): number {
  let best = 0;
  for (let extra = -2; extra <= 3; extra++) {
    const length = variant.length + extra;
    if (length <= 0) continue;
    best = Math.max(best, similarity(key.slice(-length), variant));
    if (length >= key.length) break;
  }
  return best;
}

/**
 * The runs of the rows found, in document order. `candidates[i]` are the label keys of row i
 * (labelKey forms); rows are looked for only after the last one found, so labels keep their order.
 */
export function anchoredRuns(lines: readonly string[], candidates: readonly (readonly string[])[]): AnchoredRun[] {
  const runs: AnchoredRun[] = [];
  let last = -1;
  for (const segment of segments(normaliseStream(lines))) {
    if (segment.tokens.length === 0) continue;
    const key = labelKey(segment.text);
    let best = -1;
    let bestScore = 0;
    for (let index = last + 1; index < candidates.length; index++) {
      for (const variant of candidates[index] ?? []) {
        const score = tailScore(key, variant);
        if (score >= MATCH_THRESHOLD && score > bestScore) {
          best = index;
          bestScore = score;
        }
      }
    }
    if (best === -1) continue;
    runs.push({ index: best, tokens: segment.tokens });
    last = best;
  }
  return runs;
}
