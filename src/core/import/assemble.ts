// Blocks (from any reader) → report.json and notes; the schema validates the result.
import { deriveTotals } from "../report/arithmetic.ts";
import { DERIVED_CELL_IDS } from "../report/cells.ts";
import { NARRATIVE_PARTS, SECTIONS, type SectionKey } from "../report/narrative.ts";
import { REPORT_FORMAT, parseReport, type Values } from "../report/schema.ts";
import { type ImportNote, type ImportResult, importFailed } from "./import-result.ts";
import { outline, readMeta, readNarrative } from "./outline.ts";
import { readTable2, readTable3, readTable4 } from "./read-tables.ts";
import { counterpartValues, format2019Marker, readTrial } from "./trial-2019.ts";
import { type Block, type Row, rowsOf } from "./rows.ts";

function tableRows(sections: ReadonlyMap<SectionKey, readonly Block[]>, blocks: readonly Block[], table: 2 | 3 | 4): Row[] {
  const key = SECTIONS.find((section) => section.table === table)?.key;
  const own = key === undefined ? undefined : sections.get(key);
  // Without its heading a table is looked for in every grid of the document (labels still decide).
  return rowsOf(own ?? blocks.filter((block) => block.kind === "table"));
}

// A printed total that agrees with its sum is dropped (withTotals() restores it); one that
// disagrees or cannot be verified is kept for the checker to report (spec "Rules").
function reconcileTotals(values: Values): { values: Values; notes: ImportNote[] } {
  const derived = deriveTotals(values);
  const kept: Values = { ...values };
  const notes: ImportNote[] = [];
  for (const id of DERIVED_CELL_IDS) {
    const printed = values[id];
    if (printed === undefined) continue;
    const sum = derived[id];
    if (sum === printed) delete kept[id];
    else if (sum === undefined) notes.push({ code: "printed-total-unverified", cell: id, params: { printed } });
    else notes.push({ code: "printed-total-kept", cell: id, params: { printed, derived: sum } });
  }
  return { values: kept, notes };
}

export function assemble(blocks: readonly Block[]): ImportResult {
  if (blocks.every((block) => (block.kind === "paragraph" ? block.text.trim() === "" : block.rows.every((row) => row.every((cell) => cell.trim() === ""))))) {
    return importFailed("empty");
  }
  const doc = outline(blocks);
  const [rows2, rows3, rows4] = [tableRows(doc.sections, blocks, 2), tableRows(doc.sections, blocks, 3), tableRows(doc.sections, blocks, 4)];
  const marker = format2019Marker(rows2, rows3);
  const tables = [...(marker === null ? [readTable2(rows2)] : []), readTable3(rows3), readTable4(rows4)];
  const read: Record<string, number> = Object.fromEntries(tables.flatMap((table) => Object.entries(table.values)));
  if (doc.sections.size < 2 && Object.keys(read).length === 0) return importFailed("not-a-report");
  // The 2019 trial format is read in its own shape; what corresponds to 2021 rolls forward.
  const trial = marker === null ? null : readTrial(rows2, read, tables.flatMap((table) => table.notes));
  const counterpart = trial === null ? read : counterpartValues(trial.trial);
  const totals = reconcileTotals(counterpart);
  const text = readNarrative(doc);
  const meta = readMeta(doc.title, text);
  const tableNotes = trial === null ? tables.flatMap((table) => table.notes) : [{ code: "trial-format-2019" as const, params: { marker: marker ?? "" } }, ...trial.notes];
  const notes: ImportNote[] = [...meta.notes, ...tableNotes, ...totals.notes];
  for (const section of SECTIONS) {
    if (!doc.sections.has(section.key)) notes.push({ code: "section-missing", params: { heading: section.heading } });
  }
  for (const part of NARRATIVE_PARTS) {
    if (!part.optional && text[part.id] === undefined && (part.section === null || doc.sections.has(part.section))) {
      notes.push({ code: "part-missing", part: part.id });
    }
  }
  // The readers store only values valueProblem() accepts; the schema has the last word all the same.
  const parsed = parseReport({ format: REPORT_FORMAT, meta: meta.meta, text, values: totals.values });
  if (!parsed.ok) return importFailed("unreadable", notes);
  if (trial !== null) return { ok: true, report: parsed.report, format: "2019", trial: trial.trial, notes };
  return { ok: true, report: parsed.report, format: "2021", notes };
}
