// Where a supervisor can point a return, from the format data: each section, and under it its
// table's rows or its narrative parts. Buttons carry an index here (callback data ≤ 64 bytes).
import { CELLS } from "../../core/report/cells.ts";
import type { Jump } from "../../core/lifecycle/lifecycle.ts";
import { NARRATIVE_PARTS, SECTIONS, type SectionKey } from "../../core/report/narrative.ts";

export interface ReturnTarget {
  readonly section: SectionKey;
  /** Official label: the row's label, or the part's lead / the section heading. */
  readonly label: string;
  readonly jump: Jump;
}

function targetsOf(section: (typeof SECTIONS)[number]): ReturnTarget[] {
  if (section.table !== undefined) {
    const seen = new Set<string>();
    return CELLS.filter((cell) => cell.table === section.table && cell.kind === "input").flatMap((cell) => {
      if (seen.has(cell.row)) return [];
      seen.add(cell.row);
      return [{ section: section.key, label: cell.rowLabel, jump: { cell: cell.id } }];
    });
  }
  return NARRATIVE_PARTS.filter((part) => part.section === section.key).map((part) => ({
    section: section.key,
    label: part.lead ?? section.heading,
    jump: { part: part.id },
  }));
}

export const RETURN_TARGETS: readonly ReturnTarget[] = SECTIONS.flatMap(targetsOf);

export function targetsOfSection(section: SectionKey): { index: number; target: ReturnTarget }[] {
  return RETURN_TARGETS.map((target, index) => ({ index, target })).filter((entry) => entry.target.section === section);
}
