// Numbers the narrative states about the tables (「行政许可项目64宗」, 「无行政强制」, spec "Soft checks").
// It claims only what it reads unambiguously: a false warning costs the officer more than a missed one.
import { NUMBER_PATTERN, parseNumber } from "./chinese-number.ts";
import { T2_BLOCKS, T3_TOTAL_COLUMN, t2CellId, t3CellId } from "./format.ts";

export interface NumberClaim {
  /** Sets of cells whose sum would make the statement true; the first is what the words name. */
  readonly sums: readonly (readonly string[])[];
  readonly value: number;
  /** The words as written, for the sentence. */
  readonly phrase: string;
}

interface Topic {
  readonly keyword: string;
  readonly sums: readonly (readonly string[])[];
  /** Gap words that make the number about something else (信息 items, lists) or several things. */
  readonly skip: RegExp;
  /** The clause must speak of applications (收到 alone could be letters or calls). */
  readonly needsApplication?: boolean;
  readonly negations: readonly string[];
}

const SEVERAL = /分别|[和及与]|合计|共计/;
const DECISION_SKIP = /信息|目录|清单|事项|分别|[和及与]/;

// 第二十条第（五）（六）项: single-column count rows whose label (行政许可, 行政处罚, 行政强制) is the keyword.
const DECISION_TOPICS: readonly Topic[] = T2_BLOCKS.filter((block) => block.unit === "count" && block.columns.length === 1).flatMap(
  (block) =>
    block.rows.flatMap((row) =>
      block.columns.map((column) => ({
        keyword: row.label,
        sums: [[t2CellId(row, column)]],
        skip: DECISION_SKIP,
        negations: ["无", "没有", "未发生", "未作出", "未产生"],
      })),
    ),
);

const NEW_TOTAL = t3CellId("new", T3_TOTAL_COLUMN.key);
const CARRIED_TOTAL = t3CellId("carriedOver", T3_TOTAL_COLUMN.key);

const APPLICATION_TOPICS: readonly Topic[] = [
  { keyword: "上年结转", sums: [[CARRIED_TOTAL]], skip: SEVERAL, negations: ["无"] },
  { keyword: "新收", sums: [[NEW_TOTAL]], skip: SEVERAL, negations: ["无", "没有"] },
  // 「共收到申请N件」 often counts the carried-over ones too: either reading is accepted.
  { keyword: "收到", sums: [[NEW_TOTAL], [NEW_TOTAL, CARRIED_TOTAL]], skip: SEVERAL, needsApplication: true, negations: ["没有", "未"] },
];

const NUMBER_TOPICS: readonly Topic[] = [...DECISION_TOPICS, ...APPLICATION_TOPICS];

const KEYWORDS = NUMBER_TOPICS.map((topic) => topic.keyword);
const STOP = "，。；;,.、：:！？!?\\n";
const UNIT = "件|宗|项|个|起|例|次";
const CLAUSE_END = /[，。；;,\n]/;
const JOINED_BEFORE = /[和及与、]/;

function clauseFrom(text: string, index: number): string {
  const rest = text.slice(index);
  const end = rest.search(CLAUSE_END);
  return end < 0 ? rest : rest.slice(0, end);
}

function mentionsOther(gap: string, topic: Topic): boolean {
  return KEYWORDS.some((keyword) => keyword !== topic.keyword && !topic.keyword.includes(keyword) && gap.includes(keyword));
}

function claimsOf(text: string, topic: Topic): NumberClaim[] {
  const claims: NumberClaim[] = [];
  const stated = new RegExp(`${topic.keyword}([^${STOP}0-9０-９]{0,12}?)(${NUMBER_PATTERN})(?:${UNIT})`, "gu");
  for (const match of text.matchAll(stated)) {
    const gap = match[1] ?? "";
    const value = parseNumber(match[2] ?? "");
    if (value === undefined || topic.skip.test(gap) || mentionsOther(gap, topic)) continue;
    // 「行政许可和行政处罚共147件」: the number belongs to both keywords together.
    if (JOINED_BEFORE.test(text.slice(Math.max(0, match.index - 1), match.index))) continue;
    if (topic.needsApplication === true && !clauseFrom(text, match.index).includes("申请")) continue;
    claims.push({ sums: topic.sums, value, phrase: match[0] });
  }
  const negated = new RegExp(`(?:${topic.negations.join("|")})${topic.keyword}`, "gu");
  for (const match of text.matchAll(negated)) {
    const clause = clauseFrom(text, match.index);
    if (topic.needsApplication === true && !clause.includes("申请")) continue;
    claims.push({ sums: topic.sums, value: 0, phrase: clause.length > 40 ? match[0] : clause });
  }
  return claims;
}

/** Every number the text states about a table cell, in topic order, without repeats. */
export function numberClaims(text: string): NumberClaim[] {
  const seen = new Set<string>();
  return NUMBER_TOPICS.flatMap((topic) => claimsOf(text, topic)).filter((claim) => {
    const key = `${claim.sums[0]?.join("+") ?? ""}=${claim.value}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
