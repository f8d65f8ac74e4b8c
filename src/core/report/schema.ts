// report.json, the interchange format: the zod schema is the single source of truth for its type.
// Reference: spec report-format.md, "Interchange format".
import { z } from "zod";
import { cellOf, isCellId } from "./cells.ts";
import { HIDDEN_CHARACTERS_MESSAGE, hasHiddenCharacters } from "./names.ts";
import { isNarrativeId } from "./narrative.ts";

export const REPORT_FORMAT = "nianbao.report/1";

/** Fees (万元) carry at most this many decimals: 万元 to the 分 (spec, "Rules"). */
export const FEE_DECIMALS = 6;
/** No cell holds more: a larger figure is a typing slip (the checker warns from 100 000 up). */
export const MAX_VALUE = 1_000_000_000;

export type ValueProblemCode = "unknown-id" | "not-a-number" | "negative" | "fraction" | "too-many-decimals" | "too-large";

/** Decimals of a number as JavaScript prints it (the shortest form that reads back the same). */
function decimalsOf(value: number): number {
  const printed = String(value);
  // Below 1e-6 JavaScript prints an exponent: more decimals than any fee may carry.
  if (printed.includes("e-")) return Number.POSITIVE_INFINITY;
  return printed.split(".")[1]?.length ?? 0;
}

/** Why a value may not stand in a cell, or null when it may. */
export function valueProblem(id: string, value: unknown): ValueProblemCode | null {
  if (!isCellId(id)) return "unknown-id";
  if (typeof value !== "number" || !Number.isFinite(value)) return "not-a-number";
  if (value < 0 || Object.is(value, -0)) return value < 0 ? "negative" : null;
  if (value > MAX_VALUE) return "too-large";
  if (cellOf(id).unit === "count") return Number.isInteger(value) ? null : "fraction";
  return decimalsOf(value) <= FEE_DECIMALS ? null : "too-many-decimals";
}

const isPlainObject = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null && !Array.isArray(value);

/** A name people type: one visible line (no bidi or zero-width characters, see names.ts). */
export const nameSchema = (max: number) =>
  z
    .string()
    .trim()
    .min(1)
    .max(max)
    .refine((name) => !hasHiddenCharacters(name), { message: HIDDEN_CHARACTERS_MESSAGE, params: { problem: HIDDEN_CHARACTERS_MESSAGE } });

export const MetaSchema = z
  .object({
    agency: nameSchema(200).optional(),
    year: z.number().int().min(2000).max(2100).optional(),
    region: nameSchema(200).optional(),
    publishedOn: z.iso.date().optional(),
  })
  .strict();

/** A record whose entries `problem` accepts; zod drops an own `__proto__` key silently, so it is refused first. */
function idRecord<T extends z.ZodType>(entry: T, problem: (id: string, value: unknown) => string | null) {
  const refuse = (ctx: z.RefinementCtx, id: string, code: string) =>
    ctx.addIssue({ code: "custom", path: [id], message: code, params: { problem: code } });
  return z.preprocess(
    (input, ctx) => {
      if (isPlainObject(input) && Object.hasOwn(input, "__proto__")) refuse(ctx, "__proto__", "unknown-id");
      return input;
    },
    z.record(z.string(), entry).superRefine((record, ctx) => {
      for (const [id, value] of Object.entries(record)) {
        const code = problem(id, value);
        if (code !== null) refuse(ctx, id, code);
      }
    }),
  );
}

const ValuesSchema = idRecord(z.unknown(), valueProblem);
const TextSchema = idRecord(z.string().max(100_000), (id) => (isNarrativeId(id) ? null : "unknown-id"));

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

/** True when every entry of `next` that differs from `base` passes `ok` (removed entries need no check). */
function changedEntriesPass(base: Readonly<Record<string, unknown>>, next: unknown, ok: (id: string, value: unknown) => boolean): boolean {
  if (!isPlainObject(next)) return false;
  for (const id of Object.keys(next)) if (next[id] !== base[id] && !ok(id, next[id])) return false;
  return true;
}

/**
 * `next` validated by what changed from the valid `base` (a full parse per answer costs more than the
 * store's work); anything the quick checks refuse goes through ReportSchema for the same errors.
 */
export function checkReportChange(base: Report, next: Report): Report {
  if (next === base) return base;
  const shapeKept = isPlainObject(next) && next.format === base.format && Object.keys(next).length === 4;
  const valuesOk = shapeKept && (next.values === base.values || changedEntriesPass(base.values, next.values, (id, value) => valueProblem(id, value) === null));
  const textOk = shapeKept && (next.text === base.text || changedEntriesPass(base.text, next.text, (id, value) => isNarrativeId(id) && typeof value === "string" && value.length <= 100_000));
  if (!valuesOk || !textOk || !("meta" in next)) return ReportSchema.parse(next);
  // Meta is small and normalised (trimmed) by its schema: parse it whenever it changed.
  return next.meta === base.meta ? next : { ...next, meta: MetaSchema.parse(next.meta) };
}
