// How text falls into a table cell, so column widths can be chosen from what they must hold: a
// figure must never wrap, a label must not leave one character alone on its last line. A model of
// the line breaker, not a measurement: CJK characters take one em, ASCII digits 0.58 em (Noto Serif
// CJK's are 0.56, read from LibreOffice's PDF), a full stop 0.3, and a closing mark never starts a
// line (禁则, as Word and LibreOffice both apply it), which pulls the character before it down.
import { SIZES } from "./page.ts";

/** The left and the right cell margin of tables 三 and 四, twips each. */
export const CELL_MARGIN = 20;
/** One em of the table face, twips (size is in half-points). */
const TABLE_EM = SIZES.table * 10;
const NARROW = 0.58;
const STOP = 0.3;
const NO_LINE_START = new Set([..."，。、；：？！）》」』”’.,;:)%"]);

function emsOf(char: string): number {
  if (char === ".") return STOP;
  return char.charCodeAt(0) < 0x2e80 && char !== "“" && char !== "”" ? NARROW : 1;
}

/** The width in twips a column needs to hold `digits` figures on one line at `em` twips. */
export function widthForDigits(digits: number, em = TABLE_EM): number {
  return Math.ceil(digits * NARROW * em) + 2 * CELL_MARGIN;
}

/** The width in twips a column needs to hold `chars` CJK characters on one line at `em` twips. */
export function widthForChars(chars: number, em = TABLE_EM): number {
  return chars * em + 2 * CELL_MARGIN;
}

/** The lines `text` takes in a column `width` twips wide, by the model above. */
export function linesOf(text: string, width: number): string[] {
  const room = (width - 2 * CELL_MARGIN) / TABLE_EM;
  const lines: string[][] = [[]];
  let used = 0;
  for (const char of text) {
    const ems = emsOf(char);
    let line = lines.at(-1) as string[];
    if (used + ems > room + 1e-9 && line.length > 0) {
      const next: string[] = [];
      // A closing mark may not open the new line: the last character goes down with it.
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

/** Whether `text` in a column `width` twips wide ends on a line of a single character. */
export function leavesOrphan(text: string, width: number): boolean {
  const lines = linesOf(text, width);
  return lines.length > 1 && [...(lines.at(-1) ?? "")].length === 1;
}

/**
 * The right indent (twips, whole ems up to three) that keeps `text` in a column `width` wide from
 * ending on one lone character: a narrower measure pulls a second character down. The model is
 * taken as good to a third of an em either way, so a measure counts only when it holds across that.
 */
export function orphanFreeIndent(text: string, width: number, em = TABLE_EM): number {
  const slack = em / 3;
  for (let ems = 0; ems <= 3; ems++) {
    const measure = width - ems * em;
    if ([measure - slack, measure, measure + slack].every((w) => !leavesOrphan(text, w))) return ems * em;
  }
  return 0;
}
