// Findings as data; shells phrase them through Fluent (`findings-<rule>` in findings.ftl).

export type Severity = "error" | "warning";

export interface Finding {
  /** Rule id, e.g. "t3-row-total", "t3-balance", "carried-over-mismatch", "s6-fee-silent". */
  readonly rule: string;
  /** error = hard rule (blocks finalising); warning = soft check the officer confirms or fixes. */
  readonly severity: Severity;
  /** Cell ids (or narrative ids) involved, the first being the one to fix. */
  readonly cells: readonly string[];
  readonly expected?: number;
  readonly actual?: number;
  /** Extra values for the sentence (labels, column names, similarity…). Strings or numbers only. */
  readonly params?: Readonly<Record<string, string | number>>;
}

export function errorsOf(findings: readonly Finding[]): Finding[] {
  return findings.filter((finding) => finding.severity === "error");
}

export function warningsOf(findings: readonly Finding[]): Finding[] {
  return findings.filter((finding) => finding.severity === "warning");
}
