// Numbers as officers write them: 83, ８３ (full width), 八十三, 一百零五, 二〇二一.

const DIGITS: Readonly<Record<string, number>> = { 〇: 0, 零: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
const UNITS: Readonly<Record<string, number>> = { 十: 10, 百: 100, 千: 1000 };

/** The pattern of one number token (Arabic, full-width or simple Chinese numerals). */
export const NUMBER_PATTERN = "[0-9０-９]+|[〇零一二两三四五六七八九十百千万]+";

const DIGIT_WORDS = "零一二三四五六七八九";
const PLACE_WORDS = ["千", "百", "十", ""] as const;

/** 1–9999 the way it is written: 一千零五, 一百一十, 三千二百 (one 零 for any run of missing places). */
function writtenSection(value: number): string {
  let out = "";
  let zero = false;
  [1000, 100, 10, 1].forEach((place, index) => {
    const digit = Math.floor(value / place) % 10;
    if (digit === 0) zero ||= out !== "";
    else {
      out += `${zero ? "零" : ""}${DIGIT_WORDS[digit] ?? ""}${PLACE_WORDS[index] ?? ""}`;
      zero = false;
    }
  });
  return out;
}

/** The standard written form of 0 ≤ value < 1e8 (一十二 at the start; callers also take 十二). */
function written(value: number): string {
  if (value === 0) return "零";
  const high = Math.floor(value / 10_000);
  const low = value % 10_000;
  if (high === 0) return writtenSection(low);
  return `${writtenSection(high)}万${low === 0 ? "" : `${low < 1000 ? "零" : ""}${writtenSection(low)}`}`;
}

/**
 * True when `token` is how `value` is written: 两 for 二 and 〇 for 零 are usual, as is 十 for a
 * leading 一十. Anything else (万万, 十十, 十一百, 一千五) is no numeral: reading it would invent a value.
 */
function wellFormed(token: string, value: number): boolean {
  const standard = written(value);
  const typed = token.replaceAll("两", "二").replaceAll("〇", "零");
  return typed === standard || (standard.startsWith("一十") && typed === standard.slice(1));
}

/** Parses one number token; undefined for anything it does not understand. */
export function parseNumber(token: string): number | undefined {
  // NFKC turns full-width digits into ASCII ones (callers pass NUMBER_PATTERN tokens only).
  const ascii = token.normalize("NFKC");
  if (/^[0-9]+$/.test(ascii)) return Number(ascii);
  const chars = [...token];
  if (chars.length === 0 || !chars.every((char) => char in DIGITS || char in UNITS || char === "万")) return undefined;
  // 二〇二一: digits read one by one.
  if (chars.every((char) => char in DIGITS)) return Number(chars.map((char) => DIGITS[char]).join(""));
  const value = readPlaces(chars);
  return value !== undefined && wellFormed(token, value) ? value : undefined;
}

/** The value of digits and place words (十百千万), read leniently; wellFormed() judges the form. */
function readPlaces(chars: readonly string[]): number | undefined {
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
