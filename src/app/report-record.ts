// The stored form of one report (reports/<departmentId>/<year>.json) and its change history.
import { z } from "zod";
import { emptyReport, ReportSchema } from "../core/report/schema.ts";

/** One report per department and year. */
export const ReportKeySchema = z.object({ departmentId: z.string(), year: z.number().int() }).strict();
export type ReportKey = Readonly<z.infer<typeof ReportKeySchema>>;

/** A report year the store keeps (2000–2100): shells check typed or tapped years with this. */
export function isValidYear(year: number): boolean {
  return Number.isInteger(year) && year >= 2000 && year <= 2100;
}

/** Workflow states a report goes through; the supervision feature owns their meaning. */
export const ReportStatusSchema = z.enum(["draft", "submitted", "returned", "approved", "published"]);
export type ReportStatus = z.infer<typeof ReportStatusSchema>;

/** An instant as ISO 8601 with a zone, e.g. 2022-01-20T09:30:00+08:00 or …Z. */
export const InstantSchema = z.iso.datetime({ offset: true });

/** How many recent update ids a report remembers; re-deliveries come within one getUpdates batch (≤ 100). */
const HANDLED_MAX = 200;

const HistoryValueSchema = z.union([z.number(), z.string(), z.null()]);

/** One changed field: a cell id, a narrative id, `meta.<field>` or `status`; null = absent. */
export const HistoryEntrySchema = z
  .object({
    by: z.string().min(1).max(200),
    at: InstantSchema,
    cell: z.string().min(1).max(200),
    old: HistoryValueSchema,
    new: HistoryValueSchema,
  })
  .strict();
type HistoryEntry = z.infer<typeof HistoryEntrySchema>;
type CellChange = Pick<HistoryEntry, "cell" | "old" | "new">;

/** Chat update ids already applied, most recent last (bounded). */
export const HandledSchema = z.array(z.number().int().nonnegative()).max(HANDLED_MAX);

export const ReportRecordSchema = z
  .object({
    report: ReportSchema,
    status: ReportStatusSchema,
    /** The interview engine's state; validated by its owner, opaque here. */
    interview: z.unknown().optional(),
    history: z.array(HistoryEntrySchema),
    updatedAt: InstantSchema,
    /** Bumped on every update; lets the index tell a newer entry from an older one. */
    revision: z.number().int().nonnegative(),
    /** Written in the same atomic update as the change: a re-delivered update changes nothing again. */
    handled: HandledSchema.optional(),
  })
  .strict();
export type ReportRecord = z.infer<typeof ReportRecordSchema>;

/** What an update may change; history, revision and updatedAt are kept by the store. */
export type ReportDraft = Pick<ReportRecord, "report" | "status" | "interview" | "handled">;

/** The record a report starts from before its first update (never written as is). */
export function newReportRecord(year: number): ReportRecord {
  return { report: emptyReport({ year }), status: "draft", history: [], updatedAt: "1970-01-01T00:00:00Z", revision: 0 };
}

function diffRecords(prefix: string, before: Readonly<Record<string, unknown>>, after: Readonly<Record<string, unknown>>): CellChange[] {
  const changes: CellChange[] = [];
  // A part the update did not touch is the same object (the interview copies only what it changes).
  if (before === after) return changes;
  const compare = (key: string): void => {
    const old = toHistoryValue(before[key]);
    const next = toHistoryValue(after[key]);
    if (old !== next) changes.push({ cell: `${prefix}${key}`, old, new: next });
  };
  // Keys of `before`, then those only `after` has (no set of both per answer).
  for (const key of Object.keys(before)) compare(key);
  for (const key of Object.keys(after)) if (!Object.hasOwn(before, key)) compare(key);
  return changes;
}

function toHistoryValue(value: unknown): number | string | null {
  return typeof value === "number" || typeof value === "string" ? value : null;
}

/** Every field that differs between two versions: values, narrative text, meta and status. */
export function diffReports(before: ReportDraft, after: ReportDraft): CellChange[] {
  const changes = [
    ...diffRecords("", before.report.values, after.report.values),
    ...diffRecords("", before.report.text, after.report.text),
    ...diffRecords("meta.", before.report.meta, after.report.meta),
  ];
  if (before.status !== after.status) changes.push({ cell: "status", old: before.status, new: after.status });
  return changes;
}

/** The chat update asking: the same update delivered again (a crash, a webhook retry) is answered as before and changes nothing. */
export interface Via {
  readonly updateId?: number;
}

/** `handled` with this update added (the oldest forgotten past HANDLED_MAX). */
export function rememberUpdate(handled: readonly number[] | undefined, updateId: number | undefined): number[] | undefined {
  if (updateId === undefined) return handled === undefined ? undefined : [...handled];
  return [...(handled ?? []), updateId].slice(-HANDLED_MAX);
}

export function wasHandled(handled: readonly number[] | undefined, updateId: number | undefined): boolean {
  return updateId !== undefined && handled?.includes(updateId) === true;
}
