// The checker: every hard rule and soft check of the spec, as findings in document order.
// Never throws for bad data; rules whose cells are not all known are simply not evaluated.
// Reference: spec report-format.md, "Rules"; the rule table is RULES in rules.ts.
import { checkContext, type CheckContext } from "./check-context.ts";
import { documentPosition } from "./document-order.ts";
import type { Finding } from "./findings.ts";
import { invalidValues, unbalancedColumns, wrongTotals } from "./hard-rules.ts";
import { contradictingNumbers, feeSilence, leftPlaceholders, repeatedTexts, section1TooLong } from "./narrative-checks.ts";
import type { RuleId } from "./rules.ts";
import type { Report } from "./schema.ts";
import { carriedOverMismatch, implausibleMagnitudes, inForceMismatch, otherHandlingHigh } from "./table-checks.ts";

export { missingParts, type MissingParts } from "./completeness.ts";

export interface Check {
  /** The rules (RULES ids) this check reports. */
  readonly rules: readonly RuleId[];
  readonly run: (ctx: CheckContext) => Finding[];
}

/** Every check, hard rules first; each RULES id is reported by exactly one of them. */
export const CHECKS: readonly Check[] = [
  { rules: ["value-invalid"], run: invalidValues },
  { rules: ["t3-row-total", "t3-result-total", "t4-group-total"], run: wrongTotals },
  { rules: ["t3-balance"], run: unbalancedColumns },
  { rules: ["narrative-placeholder"], run: leftPlaceholders },
  { rules: ["carried-over-mismatch"], run: carriedOverMismatch },
  { rules: ["in-force-mismatch"], run: inForceMismatch },
  { rules: ["narrative-similar", "s5-repeated"], run: repeatedTexts },
  { rules: ["narrative-number-mismatch"], run: contradictingNumbers },
  { rules: ["s6-fee-silent"], run: feeSilence },
  { rules: ["s1-too-long"], run: section1TooLong },
  { rules: ["other-handling-high"], run: otherHandlingHigh },
  { rules: ["magnitude-implausible"], run: implausibleMagnitudes },
];

export interface CheckOptions {
  /** The same agency's previous-year report, for the continuity and 雷同 checks. */
  readonly lastYear?: Report;
}

export function checkReport(report: Report, options: CheckOptions = {}): Finding[] {
  const ctx = checkContext(report, options.lastYear);
  const findings = CHECKS.flatMap((check) => check.run(ctx));
  // Stable sort: within one position, the order of CHECKS (hard before soft) is kept.
  return findings
    .map((item, index) => ({ item, index, position: documentPosition(item.cells[0]) }))
    .sort((a, b) => a.position - b.position || a.index - b.index)
    .map(({ item }) => item);
}
