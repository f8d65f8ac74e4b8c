// The office summary as a short message: what was added up and what was left out (sup-summary-*).
import { departmentById } from "../org/org-ops.ts";
import type { Org } from "../org/org-schema.ts";
import type { OfficeSummary } from "./aggregate.ts";
import type { Line } from "./line.ts";

export function summaryLines(summary: OfficeSummary, org: Org): Line[] {
  const names = (entries: readonly { departmentId: string }[]): string =>
    entries.map(({ departmentId }) => departmentById(org, departmentId)?.name ?? departmentId).join("、");
  const lines: Line[] = [
    {
      key: "sup-summary-title",
      params: {
        office: summary.report.meta.agency ?? "",
        year: String(summary.report.meta.year ?? ""),
        include: summary.include,
        included: summary.included.length,
      },
    },
  ];
  if (summary.missing.length > 0) lines.push({ key: "sup-summary-missing", params: { names: names(summary.missing) } });
  if (summary.failing.length > 0) lines.push({ key: "sup-summary-failing", params: { names: names(summary.failing) } });
  if (summary.missingCells.length > 0) lines.push({ key: "sup-summary-missing-cells", params: { count: summary.missingCells.length } });
  return lines;
}
