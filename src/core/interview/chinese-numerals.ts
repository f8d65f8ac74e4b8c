// 「三」「十二」「一百零五」「二〇二一」 → numbers: officers type counts the way they speak them.
// One parser serves the interview and the narrative checks (src/core/report/chinese-number.ts).
import { parseNumber } from "../report/chinese-number.ts";

export const CHINESE_NUMERAL = /^[零〇一二两三四五六七八九十百千万]+$/u;

/** The value of a Chinese numeral, or undefined when the string is not one. */
export function chineseNumeral(text: string): number | undefined {
  return CHINESE_NUMERAL.test(text) ? parseNumber(text) : undefined;
}
