// One row's numbers as officers type them (`3 0 1`, `3，0，1`, 「三」, `64件`, `自然人3 其他1`, `0` for all
// zero). Every refusal names what was wrong; nothing here guesses.
import { MAX_VALUE } from "../report/schema.ts";
import { parseNumber } from "../report/chinese-number.ts";

/** A row answer longer than this is not a row (a pasted document, a slip). */
export const MAX_ROW_CHARS = 300;

export type NumberProblem =
  | { code: "empty" }
  | { code: "too-long"; max: number }
  | { code: "not-number"; token: string }
  | { code: "malformed-numeral"; token: string }
  | { code: "negative"; token: string }
  | { code: "fraction"; token: string }
  | { code: "decimals"; token: string; max: number }
  | { code: "too-large"; token: string }
  | { code: "count"; expected: number; got: number }
  | { code: "duplicate-name"; name: string };

type NumberParse = { ok: true; values: number[] } | { ok: false; problem: NumberProblem };

interface NumberSpec {
  readonly count: number;
  /** Column names that may label numbers (`自然人3`); unnamed columns are then 0. */
  readonly names?: readonly string[];
  /** Decimals allowed (0 for counts; FEE_DECIMALS for fees in 万元). */
  readonly decimals: number;
}

const ZERO_WORDS = /^(?:0|零|〇|无|没有|none|no|nil)$/iu;
const SEPARATORS = /[\s,;、；|]+/u;
const UNIT_SUFFIX = /(?:件|宗|个|项|次|条|人|万元|元)$/u;
/** A number after a column name: digits or a Chinese numeral, maybe signed, maybe with a unit. */
const NAMED_TOKEN = "(?:[-−负])?[0-9.零〇一二两三四五六七八九十百千万亿]+(?:件|宗|个|项|次|条|人|万元|元)?";
const ARABIC = /^([-−]?)(\d+)(?:\.(\d+))?$/u;

// Officers type counts the way they speak them (「一百零五」); the narrative checks' reader reads them.
const CHINESE_NUMERAL = /^[零〇一二两三四五六七八九十百千万]+$/u;

function normalise(text: string): string {
  // NFKC turns full-width digits, commas, colons and spaces into their ASCII forms.
  return text.normalize("NFKC").trim();
}

type TokenParse = { ok: true; value: number } | { ok: false; problem: NumberProblem };
type TokenCode = "negative" | "fraction" | "malformed-numeral" | "not-number" | "too-large";

export function parseToken(raw: string, decimals: number): TokenParse {
  const refused = (code: TokenCode): TokenParse => ({ ok: false, problem: { code, token: raw } });
  const token = raw.replace(UNIT_SUFFIX, "");
  const arabic = ARABIC.exec(token);
  let value: number;
  if (arabic !== null) {
    const [, sign = "", whole = "", fraction = ""] = arabic;
    if (sign !== "") return refused("negative");
    const significant = fraction.replace(/0+$/u, "");
    if (significant.length > 0 && decimals === 0) return refused("fraction");
    if (significant.length > decimals) return { ok: false, problem: { code: "decimals", token: raw, max: decimals } };
    value = Number(`${whole}.${fraction === "" ? "0" : fraction}`);
  } else {
    const sign = /^(?:负|-|−)/u.exec(token)?.[0] ?? "";
    const numeral = token.slice(sign.length);
    const chinese = CHINESE_NUMERAL.test(numeral) ? parseNumber(numeral) : undefined;
    // 十十, 万万, 十一百: numeral characters, but no number anyone writes; say so rather than "not a number".
    if (chinese === undefined) return refused(CHINESE_NUMERAL.test(numeral) ? "malformed-numeral" : "not-number");
    // 负零 like -0: a sign has no place in a count or a fee, whatever follows it.
    if (sign !== "") return refused("negative");
    value = chinese;
  }
  return value > MAX_VALUE ? refused("too-large") : { ok: true, value };
}

function parseNamed(text: string, spec: NumberSpec, names: readonly string[]): NumberParse | undefined {
  const normalised = names.map((name) => normalise(name));
  const ordered = [...normalised].sort((a, b) => b.length - a.length);
  const escaped = ordered.map((name) => name.replace(/[.*+?^${}()|[\]\\]/gu, "\\$&"));
  const pattern = new RegExp(`(${escaped.join("|")})\\s*[:=]?\\s*(${NAMED_TOKEN})?`, "gu");
  if (!normalised.some((name) => text.includes(name))) return undefined;
  const values: number[] = new Array<number>(spec.count).fill(0);
  const seen = new Set<string>();
  for (const match of text.matchAll(pattern)) {
    const [, name = "", token = ""] = match;
    if (seen.has(name)) return { ok: false, problem: { code: "duplicate-name", name } };
    seen.add(name);
    const parsed = parseToken(token, spec.decimals);
    if (!parsed.ok) return { ok: false, problem: token === "" ? { code: "not-number", token: name } : parsed.problem };
    values[normalised.indexOf(name)] = parsed.value;
  }
  const rest = text.replace(pattern, " ").trim();
  if (rest.split(SEPARATORS).some((token) => token !== "")) {
    return { ok: false, problem: { code: "not-number", token: rest.split(SEPARATORS).find((token) => token !== "") ?? rest } };
  }
  return { ok: true, values };
}

/** Parses one row's numbers; `0` (or 无) alone is an all-zero row. */
export function parseNumbers(input: string, spec: NumberSpec): NumberParse {
  if (input.length > MAX_ROW_CHARS) return { ok: false, problem: { code: "too-long", max: MAX_ROW_CHARS } };
  const text = normalise(input);
  if (text === "") return { ok: false, problem: { code: "empty" } };
  if (ZERO_WORDS.test(text)) return { ok: true, values: new Array<number>(spec.count).fill(0) };
  if (spec.names !== undefined && spec.count > 1) {
    const named = parseNamed(text, spec, spec.names);
    if (named !== undefined) return named;
  }
  const tokens = text.split(SEPARATORS).filter((token) => token !== "");
  const values: number[] = [];
  for (const token of tokens) {
    const parsed = parseToken(token, spec.decimals);
    if (!parsed.ok) return parsed;
    values.push(parsed.value);
  }
  if (values.length !== spec.count) return { ok: false, problem: { code: "count", expected: spec.count, got: values.length } };
  return { ok: true, values };
}
