// What one table cell holds. A blank cell is not 0 (spec "Interchange format": never silently 0).
import { compact } from "./normalise.ts";

export type CellValue =
  | { readonly kind: "number"; readonly value: number; readonly digits: string }
  | { readonly kind: "blank" }
  | { readonly kind: "text"; readonly text: string };

// Units some agencies type after a count (64件). 元 is not among them: the fee column is 万元.
const COUNT_UNIT = /[件个宗条项次]$/;

export function readCell(text: string): CellValue {
  const plain = compact(text);
  if (plain === "") return { kind: "blank" };
  // Thousands separators (1,234) are typography, not data.
  const digits = plain.replace(/(?<=\d),(?=\d{3}(?:\D|$))/g, "").replace(COUNT_UNIT, "");
  // Long runs of digits stay numbers (a row whose boundaries were lost); valueProblem() refuses absurd ones.
  if (/^\d+(\.\d+)?$/.test(digits)) return { kind: "number", value: Number(digits), digits };
  return { kind: "text", text: text.trim() };
}

export function isNumberCell(text: string): boolean {
  return readCell(text).kind === "number";
}

export function isBlankCell(text: string): boolean {
  return compact(text) === "";
}
