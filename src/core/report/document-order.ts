// Where a cell or narrative part stands in the printed document: intro, then each section's
// narrative parts followed by its table's cells. Findings are listed in this order.
import { CELLS } from "./cells.ts";
import { NARRATIVE_PARTS, SECTIONS } from "./narrative.ts";

const ORDER: readonly string[] = [
  ...NARRATIVE_PARTS.filter((part) => part.section === null).map((part) => part.id),
  ...SECTIONS.flatMap((section) => [
    ...NARRATIVE_PARTS.filter((part) => part.section === section.key).map((part) => part.id),
    ...CELLS.filter((cell) => cell.table === section.table).map((cell) => cell.id),
  ]),
];

const POSITION = new Map(ORDER.map((id, index) => [id, index]));

/** Position of an id in the document; ids that are not part of it (unknown ids) come first. */
export function documentPosition(id: string | undefined): number {
  return id === undefined ? -1 : (POSITION.get(id) ?? -1);
}
