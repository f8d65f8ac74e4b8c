// The office summary: input cells of tables 2–4 added up across departments, totals derived again
// (arithmetic.ts). An unanswered cell is not 0: missing in any included report, it stays missing in
// the sum. Fees (万元) add as whole millionths in a bigint (no binary-fraction drift).
import { isDelivered, type Status } from "../lifecycle/transitions.ts";
import { departmentById, departmentsOf, officeById } from "../org/org-ops.ts";
import type { Org } from "../org/org-schema.ts";
import { withTotals } from "../report/arithmetic.ts";
import { INPUT_CELL_IDS, cellOf } from "../report/cells.ts";
import { FEE_DECIMALS, REPORT_FORMAT, type Report, type Values } from "../report/schema.ts";
import type { Line } from "./line.ts";

export interface DepartmentReport {
  readonly departmentId: string;
  readonly status: Status;
  readonly report: Report;
}

export type Include = "submitted" | "all";

export interface AggregateInput {
  readonly org: Org;
  readonly officeId: string;
  readonly year: number;
  readonly reports: readonly DepartmentReport[];
  /** "submitted" = submitted or approved only. */
  readonly include: Include;
  /** Hard-rule violations of one report (the caller passes the checker). */
  readonly hardErrors: (report: Report) => number;
}

export interface OfficeSummary {
  readonly report: Report;
  readonly include: Include;
  /** Department ids whose report was added, in org order. */
  readonly included: readonly string[];
  readonly missing: readonly { departmentId: string; reason: "no-report" | "not-submitted" }[];
  readonly failing: readonly { departmentId: string; count: number }[];
  /** Input cells left out of the sum, with the included departments that have not answered them. */
  readonly missingCells: readonly { cell: string; departments: readonly string[] }[];
}

const SCALE = 10n ** BigInt(FEE_DECIMALS);

/** A fee as whole millionths, read from its printed digits (valid fees print without exponent). */
function toUnits(value: number): bigint {
  const [whole = "0", fraction = ""] = String(value).split(".");
  return BigInt(whole) * SCALE + BigInt(fraction.padEnd(FEE_DECIMALS, "0").slice(0, FEE_DECIMALS));
}

function fromUnits(units: bigint): number {
  const fraction = (units % SCALE).toString().padStart(FEE_DECIMALS, "0");
  return Number(`${units / SCALE}.${fraction}`);
}

function addUp(id: string, values: readonly number[]): number {
  if (cellOf(id).unit === "count") return values.reduce((sum, value) => sum + value, 0);
  return fromUnits(values.reduce((sum, value) => sum + toUnits(value), 0n));
}

/** A report without meta.year is taken to be of the year asked for (the store keys it by year). */
function sameYear(report: Report, year: number): boolean {
  return report.meta.year === undefined || report.meta.year === year;
}

export function aggregateOffice(input: AggregateInput): OfficeSummary {
  const office = officeById(input.org, input.officeId);
  if (office === undefined) throw new Error(`summary: unknown office ${input.officeId}`);
  const included: DepartmentReport[] = [];
  const missing: OfficeSummary["missing"][number][] = [];
  for (const department of departmentsOf(input.org, office.id)) {
    const entry = input.reports.find((candidate) => candidate.departmentId === department.id && sameYear(candidate.report, input.year));
    if (entry === undefined) missing.push({ departmentId: department.id, reason: "no-report" });
    else if (input.include === "submitted" && !isDelivered(entry.status)) missing.push({ departmentId: department.id, reason: "not-submitted" });
    else included.push(entry);
  }
  const sums: Values = {};
  const missingCells: { cell: string; departments: string[] }[] = [];
  for (const id of INPUT_CELL_IDS) {
    const lacking = included.filter((entry) => entry.report.values[id] === undefined).map((entry) => entry.departmentId);
    if (lacking.length > 0) {
      missingCells.push({ cell: id, departments: lacking });
      continue;
    }
    if (included.length > 0) sums[id] = addUp(id, included.map((entry) => entry.report.values[id] ?? 0));
  }
  const failing = included
    .map((entry) => ({ departmentId: entry.departmentId, count: input.hardErrors(entry.report) }))
    .filter((entry) => entry.count > 0);
  return {
    report: { format: REPORT_FORMAT, meta: { agency: office.name, year: input.year }, text: {}, values: withTotals(sums) },
    include: input.include,
    included: included.map((entry) => entry.departmentId),
    missing,
    failing,
    missingCells,
  };
}

/** The summary as a short message: what was added up and what was left out (sup-summary-*). */
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
