// The report index: one small shard per department (index/reports/<departmentId>.json) holding
// status and progress per year, so a dashboard never opens report files and an answer rewrites a
// few hundred bytes of index instead of one file that grows with the number of reports.
import { z } from "zod";
import { INPUT_CELL_IDS } from "../core/report/cells.ts";
import { NARRATIVE_PARTS } from "../core/report/narrative.ts";
import { InstantSchema, ReportStatusSchema, type ReportRecord } from "./report-record.ts";

const REQUIRED_TEXT_IDS = NARRATIVE_PARTS.filter((part) => !part.optional).map((part) => part.id);

export const ProgressSchema = z
  .object({
    /** Input cells answered, out of `cellsTotal` (derived totals do not count). */
    cells: z.number().int().nonnegative(),
    cellsTotal: z.number().int().nonnegative(),
    /** Required narrative parts with text, out of `textsTotal`. */
    texts: z.number().int().nonnegative(),
    textsTotal: z.number().int().nonnegative(),
  })
  .strict();
export type Progress = z.infer<typeof ProgressSchema>;

export const IndexEntrySchema = z
  .object({
    departmentId: z.string(),
    year: z.number().int(),
    status: ReportStatusSchema,
    progress: ProgressSchema,
    updatedAt: InstantSchema,
    revision: z.number().int().nonnegative(),
  })
  .strict();
export type IndexEntry = z.infer<typeof IndexEntrySchema>;

export const IndexShardSchema = z.object({ entries: z.array(IndexEntrySchema) }).strict();
export type IndexShard = z.infer<typeof IndexShardSchema>;
export const EMPTY_SHARD: IndexShard = { entries: [] };

export function progressOf(record: ReportRecord): Progress {
  const { values, text } = record.report;
  return {
    cells: INPUT_CELL_IDS.filter((id) => values[id] !== undefined).length,
    cellsTotal: INPUT_CELL_IDS.length,
    texts: REQUIRED_TEXT_IDS.filter((id) => (text[id] ?? "").trim() !== "").length,
    textsTotal: REQUIRED_TEXT_IDS.length,
  };
}

export function indexEntryOf(departmentId: string, year: number, record: ReportRecord): IndexEntry {
  return { departmentId, year, status: record.status, progress: progressOf(record), updatedAt: record.updatedAt, revision: record.revision };
}

/** The shard with `entry` in place of an older one for its year (an older entry never wins). */
export function withEntry(shard: IndexShard, entry: IndexEntry): IndexShard {
  const existing = shard.entries.find((e) => e.year === entry.year);
  if (existing !== undefined && existing.revision > entry.revision) return shard;
  const entries = [...shard.entries.filter((e) => e.year !== entry.year), entry].sort((a, b) => a.year - b.year);
  return { entries };
}
