// The question plan, derived from the format data: every question the interview may ask, in order.
import { INPUT_CELL_IDS, cellOf } from "../report/cells.ts";
import { T2_BLOCKS, T3_APPLICANT_COLUMNS, T3_ROWS, T4_GROUPS, T4_OUTCOME_COLUMNS } from "../report/format.ts";
import { t2CellId, t3CellId, t3RowLabel, t4CellId } from "../report/format.ts";
import type { T2Block, T2Row, T3Row, T4Group } from "../report/format.ts";
import { INTRO_LABEL, NARRATIVE_PARTS, SECTIONS, reportTitle } from "../report/narrative.ts";
import type { NarrativePart, SectionKey } from "../report/narrative.ts";
import type { ReportMeta } from "../report/schema.ts";

export type PlanSection = "meta" | SectionKey | "finish";

interface Base {
  readonly id: string;
  readonly section: PlanSection;
}

/** Cells asked in one message; a "no" at the gate `gateId` has filled some or all of them with 0. */
interface Cells extends Base {
  readonly cells: readonly string[];
  readonly gateId?: string;
  /** The official label of what is asked (document content). */
  readonly label: string;
}

export type Question =
  | (Base & { kind: "meta" })
  /** Answered "no", fills `gate.cells` with 0 (after a confirmation when `gate.confirm`). */
  | (Base & { kind: "gate"; gate: { key: string; cells: readonly string[]; confirm: boolean } })
  | (Cells & { kind: "t2-row"; block: T2Block; row: T2Row })
  | (Cells & { kind: "t3-row"; row: T3Row })
  | (Cells & { kind: "t3-remainder"; row: T3Row })
  | (Cells & { kind: "t4-group"; group: T4Group })
  | (Base & { kind: "narrative"; part: NarrativePart; label: string })
  | (Base & { kind: "finish" });

export type CellQuestion = Extract<Question, { cells: readonly string[] }>;

const gate = (table: 2 | 3 | 4, key: string, cells: readonly string[], confirm: boolean): Question => ({
  id: `gate:t${table}`,
  section: `s${table}`,
  kind: "gate",
  gate: { key, cells, confirm },
});

const inputsOf = (table: string): string[] => INPUT_CELL_IDS.filter((id) => id.startsWith(`${table}.`));

// Table 2, 第二十条第（一）项: an office that issued and repealed nothing still states its stock,
// so its gate zero-fills every column but 现行有效件数.
function t2Questions(): Question[] {
  return T2_BLOCKS.flatMap((block, index): Question[] => {
    const gated = index === 0 && block.columns.some((column) => column.key === "inForce");
    const rows = block.rows.map((row): Question => {
      const cells = block.columns.map((column) => t2CellId(row, column));
      const base = { id: `row:t2.${row.key}`, section: "s2" as const, cells, label: `${block.article} ${row.label}` };
      return { ...base, kind: "t2-row", block, row, ...(gated ? { gateId: "gate:t2" } : {}) };
    });
    if (!gated) return rows;
    const flowColumns = block.columns.filter((column) => column.key !== "inForce");
    const flows = block.rows.flatMap((row) => flowColumns.map((column) => t2CellId(row, column)));
    return [gate(2, "interview-gate-t2", flows, false), ...rows];
  });
}

function t3Questions(): Question[] {
  const rows = T3_ROWS.filter((row) => row.derived !== true).map((row): Question => {
    const cells = T3_APPLICANT_COLUMNS.map((column) => t3CellId(row.key, column.key));
    const label = t3RowLabel(row);
    const base = { id: `row:t3.${row.key}`, section: "s3" as const, row, cells, gateId: "gate:t3", label };
    return row.part === "carriedForward" ? { ...base, kind: "t3-remainder" } : { ...base, kind: "t3-row" };
  });
  return [gate(3, "interview-gate-t3", inputsOf("t3"), true), ...rows];
}

function t4Questions(): Question[] {
  const groups = T4_GROUPS.map((group): Question => {
    const cells = T4_OUTCOME_COLUMNS.map((column) => t4CellId(group.key, column.key));
    const label = cellOf(cells[0] ?? "").rowLabel;
    return { id: `row:t4.${group.key}`, section: "s4", kind: "t4-group", group, cells, gateId: "gate:t4", label };
  });
  return [gate(4, "interview-gate-t4", inputsOf("t4"), true), ...groups];
}

function narrativeQuestions(): Question[] {
  return NARRATIVE_PARTS.map((part) => ({
    id: `text:${part.id}`,
    // The opening paragraph before 一 is edited with section 一; it has no heading: it stands under the title.
    section: part.section ?? "s1",
    kind: "narrative",
    part,
    label: part.lead ?? (part.section === null ? INTRO_LABEL : sectionTitle(part.section, {})),
  }));
}

/** Tables first, so that 一（一）（二） and 六 can start from drafts written from the figures. */
export const PLAN: readonly Question[] = [
  { id: "meta", section: "meta", kind: "meta" },
  ...t2Questions(),
  ...t3Questions(),
  ...t4Questions(),
  ...narrativeQuestions(),
  { id: "finish", section: "finish", kind: "finish" },
];

const BY_ID = new Map(PLAN.map((question, index) => [question.id, { question, index }]));

export function isQuestionId(id: string): boolean {
  return BY_ID.has(id);
}

export function questionById(id: string): Question {
  const found = BY_ID.get(id);
  if (found === undefined) throw new Error(`interview: unknown question ${id}`);
  return found.question;
}

export function questionIndex(id: string): number {
  return BY_ID.get(id)?.index ?? -1;
}

/** Sections in the order /edit lists them: meta first, then 一…六. */
export const EDIT_SECTIONS: readonly PlanSection[] = ["meta", ...SECTIONS.map((section) => section.key)];

/** A section's official heading; the report title for meta and finish. */
export function sectionTitle(section: PlanSection, meta: ReportMeta): string {
  return SECTIONS.find((candidate) => candidate.key === section)?.heading ?? reportTitle(meta);
}
