// report.json, the interchange format: the zod schema is the single source of truth for its type.
// Reference: spec report-format.md, "Interchange format".
import { z } from "zod";
import { cellOf, isCellId } from "./cells.ts";
import { isNarrativeId } from "./narrative.ts";

export const REPORT_FORMAT = "nianbao.report/1";

/** Fees (万元) carry at most this many decimals. */
export const FEE_DECIMALS = 4;

export type ValueProblemCode = "unknown-id" | "not-a-number" | "negative" | "fraction" | "too-many-decimals";

/** Why a value may not stand in a cell, or null when it may. */
export function valueProblem(id: string, value: unknown): ValueProblemCode | null {
  if (!isCellId(id)) return "unknown-id";
  if (typeof value !== "number" || !Number.isFinite(value)) return "not-a-number";
  if (value < 0 || Object.is(value, -0)) return value < 0 ? "negative" : null;
  if (cellOf(id).unit === "count") return Number.isInteger(value) ? null : "fraction";
  return Math.abs(value * 10 ** FEE_DECIMALS - Math.round(value * 10 ** FEE_DECIMALS)) < 1e-6 ? null : "too-many-decimals";
}

export const MetaSchema = z
  .object({
    agency: z.string().trim().min(1).max(200).optional(),
    year: z.number().int().min(2000).max(2100).optional(),
    region: z.string().trim().min(1).max(200).optional(),
    publishedOn: z.iso.date().optional(),
  })
  .strict();

const ValuesSchema = z.record(z.string(), z.unknown()).superRefine((values, ctx) => {
  for (const [id, value] of Object.entries(values)) {
    const problem = valueProblem(id, value);
    if (problem !== null) ctx.addIssue({ code: "custom", path: [id], message: problem, params: { problem } });
  }
});

const TextSchema = z.record(z.string(), z.string().max(100_000)).superRefine((text, ctx) => {
  for (const id of Object.keys(text)) {
    if (!isNarrativeId(id)) ctx.addIssue({ code: "custom", path: [id], message: "unknown-id", params: { problem: "unknown-id" } });
  }
});

export const ReportSchema = z
  .object({
    format: z.literal(REPORT_FORMAT),
    meta: MetaSchema,
    text: TextSchema,
    values: ValuesSchema.transform((values) => values as Record<string, number>),
  })
  .strict();

export type Report = z.infer<typeof ReportSchema>;
export type ReportMeta = z.infer<typeof MetaSchema>;
/** Cell id → number; an absent key is an unanswered cell. */
export type Values = Report["values"];
export type Texts = Report["text"];

export interface SchemaProblem {
  /** Dotted path into report.json, e.g. `values.t3.new.natural`. */
  readonly path: string;
  /** A ValueProblemCode or a zod issue code. */
  readonly code: string;
}

export type ParseResult = { ok: true; report: Report } | { ok: false; problems: SchemaProblem[] };

/** Validates parsed JSON as report.json; never throws. Problems name the offending id. */
export function parseReport(input: unknown): ParseResult {
  const result = ReportSchema.safeParse(input);
  if (result.success) return { ok: true, report: result.data };
  const problems = result.error.issues.map((issue) => {
    const params = (issue as { params?: { problem?: string } }).params;
    const [head, ...rest] = issue.path.map(String);
    // Cell and narrative ids contain dots: keep them whole after the top-level key.
    const path = head === undefined ? "" : rest.length === 0 ? head : `${head}.${rest.join(".")}`;
    return { path, code: params?.problem ?? issue.code };
  });
  return { ok: false, problems };
}

export function emptyReport(meta: ReportMeta = {}): Report {
  return { format: REPORT_FORMAT, meta, text: {}, values: {} };
}
