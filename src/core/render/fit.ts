// A model of the line breaker in table cells, so widths keep figures on one line and labels without
// a lone last character: CJK 1 em, ASCII digits 0.58 (Noto Serif CJK's are 0.56), a full stop 0.3, and
// a closing mark never starts a line (禁则, in Word and LibreOffice), pulling the character before it down.
import { SIZES } from "./page.ts";

/** Tables 三 and 四, twips each side. */
export const CELL_MARGIN = 20;
const TABLE_EM = SIZES.table * 10;
const NARROW = 0.58;
const STOP = 0.3;
const NO_LINE_START = new Set([..."，。、；：？！）》」』”’.,;:)%"]);

function emsOf(char: string): number {
  if (char === ".") return STOP;
  return char.charCodeAt(0) < 0x2e80 && char !== "“" && char !== "”" ? NARROW : 1;
}

export function widthForDigits(digits: number, em = TABLE_EM): number {
  return Math.ceil(digits * NARROW * em) + 2 * CELL_MARGIN;
}

export function widthForChars(chars: number, em = TABLE_EM): number {
  return chars * em + 2 * CELL_MARGIN;
}

export function linesOf(text: string, width: number): string[] {
  const room = (width - 2 * CELL_MARGIN) / TABLE_EM;
  const lines: string[][] = [[]];
  let used = 0;
  for (const char of text) {
    const ems = emsOf(char);
    let line = lines.at(-1) as string[];
    if (used + ems > room + 1e-9 && line.length > 0) {
      const next: string[] = [];
      if (NO_LINE_START.has(char) && line.length > 1) next.push(line.pop() as string);
      lines.push(next);
      line = next;
      used = next.reduce((sum, c) => sum + emsOf(c), 0);
    }
    line.push(char);
    used += ems;
  }
  return lines.map((line) => line.join(""));
}

export function leavesOrphan(text: string, width: number): boolean {
  const lines = linesOf(text, width);
  return lines.length > 1 && [...(lines.at(-1) ?? "")].length === 1;
}

/** A right indent of whole ems that pulls a second character down; the model is trusted to ⅓ em either way. */
export function orphanFreeIndent(text: string, width: number, em = TABLE_EM): number {
  const slack = em / 3;
  for (let ems = 0; ems <= 3; ems++) {
    const measure = width - ems * em;
    if ([measure - slack, measure, measure + slack].every((w) => !leavesOrphan(text, w))) return ems * em;
  }
  return 0;
}
