// The checker's rules as data (spec "Rules"; 国办公开办函〔2021〕30号): ids, severities and the soft
// checks' thresholds, inspectable and testable against the sentences.
import type { Finding, Severity } from "./findings.ts";

export interface RuleSpec {
  readonly id: string;
  readonly severity: Severity;
  readonly description: string;
}

export const THRESHOLDS = {
  /** Character-bigram Dice similarity from which two texts count as 雷同 (near-identical). */
  similarity: 0.9,
  /** Shorter texts are not compared: one-liners like 「本年度未收取信息处理费」 are meant to repeat. */
  similarityMinChars: 40,
  /** 一、总体情况 (the s1.* texts, intro excluded) may not exceed this (the notice's limit). */
  section1MaxChars: 1000,
  /** （六）其他处理 above this share of new + carried-over applications may hide refusals without a lawful ground. */
  otherHandlingShare: 0.3,
  /** …but only from this many cases, so that 1 of 2 applications does not raise a warning. */
  otherHandlingMinCases: 5,
  /** A count above this is implausible for one agency in one year: ask to confirm (typo, extra zeros). */
  maxCount: 100_000,
  /** Fees above this many 万元 (1 billion yuan) are implausible: probably typed in 元. */
  maxFeesWanYuan: 100_000,
} as const;

export const RULES = [
  // Hard rules: a report that breaks one cannot be finalised.
  { id: "value-invalid", severity: "error", description: "Every count is a whole number ≥ 0; fees are ≥ 0 with at most 6 decimals; no value above 1e9; ids are known." },
  { id: "t3-row-total", severity: "error", description: "Table 3, every row: 总计 = sum of the six applicant columns (printed totals are compared cell by cell)." },
  { id: "t3-result-total", severity: "error", description: "Table 3, every column: （七）总计 = sum of the result rows （一）…（六）." },
  { id: "t3-balance", severity: "error", description: "Table 3, every column: 一 + 二 = 三（七）总计 + 四 (the printed 勾稽关系)." },
  { id: "t4-group-total", severity: "error", description: "Table 4, each group: 总计 = 结果维持 + 结果纠正 + 其他结果 + 尚未审结." },
  { id: "narrative-placeholder", severity: "error", description: "A text still carries a generated draft's placeholder 「（请补充…）」." },
  // Soft checks: warnings the officer confirms or fixes.
  { id: "carried-over-mismatch", severity: "warning", description: "Table 3 二、上年结转 should equal last year's 四、结转下年度继续办理." },
  { id: "in-force-mismatch", severity: "warning", description: "Table 2 现行有效件数 should equal last year's 现行有效 + 本年制发 − 本年废止." },
  { id: "narrative-similar", severity: "warning", description: "A narrative part is identical or nearly identical to last year's (内容雷同)." },
  { id: "s5-repeated", severity: "warning", description: "五、存在的主要问题及改进情况 repeats last year's (the notice forbids 年年雷同)." },
  { id: "narrative-number-mismatch", severity: "warning", description: "A number stated in the narrative contradicts the tables." },
  { id: "s6-fee-silent", severity: "warning", description: "六、其他需要报告的事项 does not say whether 信息处理费 was collected." },
  { id: "s1-too-long", severity: "warning", description: "一、总体情况 is longer than the notice's 1000 characters." },
  { id: "other-handling-high", severity: "warning", description: "（六）其他处理 is high relative to the year's applications." },
  { id: "magnitude-implausible", severity: "warning", description: "A count above 100 000 or fees above 100 000 万元: please confirm." },
] as const satisfies readonly RuleSpec[];

export type RuleId = (typeof RULES)[number]["id"];

const SEVERITY = new Map<string, Severity>(RULES.map((rule) => [rule.id, rule.severity]));

/** A finding of `rule`, its severity taken from the table (declared once, above). */
export function finding(rule: RuleId, fields: Omit<Finding, "rule" | "severity">): Finding {
  return { rule, severity: SEVERITY.get(rule) ?? "error", ...fields };
}
