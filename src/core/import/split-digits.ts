// Rows whose cell boundaries were lost (3 0 0 1 0 0 4 printed `3001004`): every cut of the digits
// without leading zeros, across no surviving space (spec "Older and variant layouts met on import").
import { SPLIT_BUDGET } from "./limits.ts";

/** With a `groupSize`, each group must end with the sum of the others (总计); "too-many" past `limit` or the budget. */
export function allSplits(
  tokens: readonly string[],
  width: number,
  groupSize: number | null,
  limit: number,
): number[][] | "too-many" {
  if (!tokens.every((token) => /^\d+$/.test(token)) || (groupSize !== null && width % groupSize !== 0)) return [];
  const digits = tokens.join("");
  const tokenEnds: number[] = [];
  let end = 0;
  for (const token of tokens) tokenEnds.push((end += token.length));
  const solutions: number[][] = [];
  let budget = SPLIT_BUDGET;
  const values: number[] = [];

  const groupOk = (): boolean => {
    if (groupSize === null || values.length % groupSize !== 0) return true;
    const group = values.slice(values.length - groupSize);
    const total = group[group.length - 1] ?? 0;
    return group.slice(0, -1).reduce((sum, value) => sum + value, 0) === total;
  };

  const search = (position: number): void => {
    if (solutions.length > limit || budget-- <= 0) return;
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
      if (tokenEnds.some((boundary) => boundary > position && boundary < next)) break;
      values.push(Number(part));
      if (groupOk()) search(next);
      values.pop();
    }
  };

  search(0);
  if (budget <= 0 || solutions.length > limit) return "too-many";
  return solutions;
}
