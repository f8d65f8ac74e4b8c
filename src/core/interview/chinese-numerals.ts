// 「三」「十二」「一百零五」「二〇二一」 → numbers: officers type counts the way they speak them.
const DIGITS: Readonly<Record<string, number>> = {
  零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9,
};
const SMALL_UNITS: Readonly<Record<string, number>> = { 十: 10, 百: 100, 千: 1000 };
const BIG_UNITS: Readonly<Record<string, number>> = { 万: 10_000, 亿: 100_000_000 };

export const CHINESE_NUMERAL = /^[零〇一二两三四五六七八九十百千万亿]+$/u;

/** The value of a Chinese numeral, or undefined when the string is not one. */
export function chineseNumeral(text: string): number | undefined {
  if (!CHINESE_NUMERAL.test(text)) return undefined;
  const chars = [...text];
  // Digit by digit, as years and codes are written: 二〇二一.
  if (chars.length > 1 && chars.every((char) => DIGITS[char] !== undefined)) {
    return Number(chars.map((char) => DIGITS[char]).join(""));
  }
  let total = 0;
  let section = 0;
  let digit: number | undefined;
  for (const char of chars) {
    const value = DIGITS[char];
    const small = SMALL_UNITS[char];
    const big = BIG_UNITS[char];
    if (value !== undefined) digit = value;
    else if (small !== undefined) {
      section += (digit ?? 1) * small; // 「十二」: a bare 十 means 一十
      digit = undefined;
    } else if (big !== undefined) {
      total = (total + section + (digit ?? 0)) * big;
      section = 0;
      digit = undefined;
    }
  }
  return total + section + (digit ?? 0);
}
