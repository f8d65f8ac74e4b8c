// Rows whose cell boundaries were lost on a web page (3, 0, 0, 1, 0, 0, 4 printed as `3001004`):
// recover the split only when the printed totals make exactly one split consistent
// (spec "Older and variant layouts met on import"); otherwise the row stays unreadable.
import { SPLIT_BUDGET } from "./limits.ts";

export type SplitResult = { readonly kind: "unique"; readonly values: number[] } | { readonly kind: "none" | "ambiguous" };

/**
 * Splits digit tokens into `width` numbers, each group of `groupSize` ending with the sum of the
 * others (a table-3 row: six applicants then 总计; a table-4 group: four outcomes then 总计).
 */
export function splitDigits(tokens: readonly string[], width: number, groupSize: number): SplitResult {
  if (!tokens.every((token) => /^\d+$/.test(token)) || width % groupSize !== 0) return { kind: "none" };
  const digits = tokens.join("");
  // Boundaries that survived must stay boundaries: a part may not straddle two tokens.
  const tokenEnds = new Set<number>();
  let end = 0;
  for (const token of tokens) tokenEnds.add((end += token.length));
  const solutions: number[][] = [];
  let budget = SPLIT_BUDGET;
  const values: number[] = [];

  const groupOk = (): boolean => {
    if (values.length % groupSize !== 0) return true;
    const group = values.slice(values.length - groupSize);
    const total = group[group.length - 1] ?? 0;
    return group.slice(0, -1).reduce((sum, value) => sum + value, 0) === total;
  };

  const search = (position: number): void => {
    if (solutions.length > 1 || budget-- <= 0) return;
    if (values.length === width) {
      if (position === digits.length) solutions.push([...values]);
      return;
    }
    const remainingParts = width - values.length;
    if (digits.length - position > remainingParts * 9) return;
    for (let length = 1; length <= 9 && position + length <= digits.length; length++) {
      const next = position + length;
      if (digits.length - next < remainingParts - 1) break;
      const part = digits.slice(position, next);
      if (part.length > 1 && part.startsWith("0")) break;
      // A part may end inside a token only if it does not cross a surviving boundary.
      const crosses = [...tokenEnds].some((boundary) => boundary > position && boundary < next);
      if (crosses) break;
      values.push(Number(part));
      if (groupOk()) search(next);
      values.pop();
    }
  };

  search(0);
  if (budget <= 0 && solutions.length < 2) return { kind: "ambiguous" };
  const [only, second] = solutions;
  if (only === undefined) return { kind: "none" };
  return second === undefined ? { kind: "unique", values: only } : { kind: "ambiguous" };
}
