// Numbers as officers write them: 83, ８３ (full width), 八十三, 一百零五, 二〇二一.

const DIGITS: Readonly<Record<string, number>> = { 〇: 0, 零: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
const UNITS: Readonly<Record<string, number>> = { 十: 10, 百: 100, 千: 1000 };

/** The pattern of one number token (Arabic, full-width or simple Chinese numerals). */
export const NUMBER_PATTERN = "[0-9０-９]+|[〇零一二两三四五六七八九十百千万]+";

function fromFullWidth(text: string): string {
  return text.replace(/[０-９]/g, (char) => String.fromCharCode(char.charCodeAt(0) - 0xff10 + 0x30));
}

/** Parses one number token; undefined for anything it does not understand. */
export function parseNumber(token: string): number | undefined {
  const ascii = fromFullWidth(token);
  if (/^[0-9]+$/.test(ascii)) return Number(ascii);
  const chars = [...token];
  if (chars.length === 0 || !chars.every((char) => char in DIGITS || char in UNITS || char === "万")) return undefined;
  // 二〇二一: digits read one by one.
  if (chars.every((char) => char in DIGITS)) return Number(chars.map((char) => DIGITS[char]).join(""));
  let total = 0;
  let section = 0;
  let digit: number | undefined;
  for (const char of chars) {
    const value = DIGITS[char];
    const unit = UNITS[char];
    if (value !== undefined) {
      if (digit !== undefined && digit !== 0) return undefined; // 三四 is no number; 零五 is
      digit = value;
    } else if (unit !== undefined) {
      section += (digit ?? 1) * unit; // 十三 = 13: a bare 十 means 一十
      digit = undefined;
    } else {
      total += (section + (digit ?? 0)) * 10_000;
      section = 0;
      digit = undefined;
    }
  }
  return total + section + (digit ?? 0);
}
