// The question plan, derived once from the format data: every question the interview may ask, in
// order. Nothing here re-types a cell id or a label. Reference: 国办公开办函〔2021〕30号 表二–表四.
import { INPUT_CELL_IDS } from "../report/cells.ts";
import {
  T2_BLOCKS,
  T3_APPLICANT_COLUMNS,
  T3_RESULT_GROUPS,
  T3_ROWS,
  T4_GROUPS,
  T4_OUTCOME_COLUMNS,
  t2CellId,
  t3CellId,
  t4CellId,
  type T2Block,
  type T2Row,
  type T3Row,
  type T4Group,
  type Unit,
} from "../report/format.ts";
import { NARRATIVE_PARTS, SECTIONS, type NarrativePart, type SectionKey } from "../report/narrative.ts";

export type PlanSection = "meta" | SectionKey | "finish";

/** A yes/no question that, answered "no", fills `cells` with 0 (after a confirmation when `confirm`). */
export interface Gate {
  readonly key: string;
  readonly cells: readonly string[];
  readonly confirm: boolean;
}

interface Base {
  readonly id: string;
  readonly section: PlanSection;
}

export type Question =
  | (Base & { kind: "meta" })
  | (Base & { kind: "gate"; gate: Gate })
  | (Base & { kind: "t2-row"; block: T2Block; row: T2Row; cells: readonly string[]; unit: Unit; gateId?: string })
  | (Base & { kind: "t3-row"; row: T3Row; cells: readonly string[]; group?: string; gateId: string })
  | (Base & { kind: "t3-remainder"; row: T3Row; cells: readonly string[]; gateId: string })
  | (Base & { kind: "t4-group"; group: T4Group; cells: readonly string[]; gateId: string })
  | (Base & { kind: "narrative"; part: NarrativePart })
  | (Base & { kind: "finish" });

export type CellQuestion = Extract<Question, { cells: readonly string[] }>;

// Table 2, 第二十条第（一）项: an office that issued and repealed nothing still states its stock.
const STOCK_COLUMN = "inForce";
const RULES_BLOCK = T2_BLOCKS[0];

const inputsOf = (table: string): string[] => INPUT_CELL_IDS.filter((id) => id.startsWith(`${table}.`));

const GATE_T2 = "gate:t2";
const GATE_T3 = "gate:t3";
const GATE_T4 = "gate:t4";

function t2Questions(): Question[] {
  return T2_BLOCKS.flatMap((block): Question[] => {
    const gated = block === RULES_BLOCK && block.columns.some((column) => column.key === STOCK_COLUMN);
    const gate: Question[] = gated
      ? [
          {
            id: GATE_T2,
            section: "s2",
            kind: "gate",
            gate: {
              key: "interview-gate-t2",
              cells: block.rows.flatMap((row) =>
                block.columns.filter((column) => column.key !== STOCK_COLUMN).map((column) => t2CellId(row, column)),
              ),
              confirm: false,
            },
          },
        ]
      : [];
    const rows = block.rows.map(
      (row): Question => ({
        id: `row:t2.${row.key}`,
        section: "s2",
        kind: "t2-row",
        block,
        row,
        cells: block.columns.map((column) => t2CellId(row, column)),
        unit: block.unit,
        ...(gated ? { gateId: GATE_T2 } : {}),
      }),
    );
    return [...gate, ...rows];
  });
}

function t3Questions(): Question[] {
  const gate: Question = {
    id: GATE_T3,
    section: "s3",
    kind: "gate",
    gate: { key: "interview-gate-t3", cells: inputsOf("t3"), confirm: true },
  };
  const rows = T3_ROWS.filter((row) => row.derived !== true).map((row): Question => {
    const cells = T3_APPLICANT_COLUMNS.map((column) => t3CellId(row.key, column.key));
    const base = { id: `row:t3.${row.key}`, section: "s3" as const, row, cells, gateId: GATE_T3 };
    if (row.part === "carriedForward") return { ...base, kind: "t3-remainder" };
    const group = T3_RESULT_GROUPS.find((candidate) => candidate.rows.length > 1 && candidate.rows.includes(row));
    return group === undefined ? { ...base, kind: "t3-row" } : { ...base, kind: "t3-row", group: group.key };
  });
  return [gate, ...rows];
}

function t4Questions(): Question[] {
  const gate: Question = {
    id: GATE_T4,
    section: "s4",
    kind: "gate",
    gate: { key: "interview-gate-t4", cells: inputsOf("t4"), confirm: true },
  };
  const groups = T4_GROUPS.map(
    (group): Question => ({
      id: `row:t4.${group.key}`,
      section: "s4",
      kind: "t4-group",
      group,
      cells: T4_OUTCOME_COLUMNS.map((column) => t4CellId(group.key, column.key)),
      gateId: GATE_T4,
    }),
  );
  return [gate, ...groups];
}

function narrative(parts: readonly NarrativePart[]): Question[] {
  // The opening paragraph before 一 is edited with section 一.
  return parts.map((part) => ({ id: `text:${part.id}`, section: part.section ?? "s1", kind: "narrative", part }));
}

const beforeTables = NARRATIVE_PARTS.filter((part) => part.section === null || part.section === "s1");
const afterTables = NARRATIVE_PARTS.filter((part) => !beforeTables.includes(part));

/**
 * Tables come before the narrative so that 一（一）（二） and 六 can start from drafts written
 * from the figures.
 */
export const PLAN: readonly Question[] = [
  { id: "meta", section: "meta", kind: "meta" },
  ...t2Questions(),
  ...t3Questions(),
  ...t4Questions(),
  ...narrative(beforeTables),
  ...narrative(afterTables),
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

/** The question where a cell (or narrative id, or meta field) is answered. */
export function questionOfCell(id: string): Question | undefined {
  if (id.startsWith("meta")) return PLAN[0];
  return PLAN.find(
    (question) =>
      ("cells" in question && question.cells.includes(id)) || (question.kind === "narrative" && question.part.id === id),
  );
}

/** Sections in the order /edit lists them: meta first, then 一…六. */
export const EDIT_SECTIONS: readonly PlanSection[] = ["meta", ...SECTIONS.map((section) => section.key)];

export function sectionHeading(section: PlanSection): string | undefined {
  return SECTIONS.find((candidate) => candidate.key === section)?.heading;
}
