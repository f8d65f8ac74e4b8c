// What is still to be answered: the interview asks for it, finalising refuses without it.
import { INPUT_CELL_IDS } from "./cells.ts";
import { NARRATIVE_PARTS } from "./narrative.ts";
import type { Report } from "./schema.ts";

export interface MissingParts {
  /** Input cells absent from values, in document order. */
  readonly cells: string[];
  /** Non-optional narrative parts that are empty (or only whitespace), in document order. */
  readonly texts: string[];
}

export function missingParts(report: Report): MissingParts {
  const values: Readonly<Record<string, unknown>> = typeof report.values === "object" && report.values !== null ? report.values : {};
  const texts: Readonly<Record<string, unknown>> = typeof report.text === "object" && report.text !== null ? report.text : {};
  return {
    cells: INPUT_CELL_IDS.filter((id) => values[id] === undefined),
    texts: NARRATIVE_PARTS.filter((part) => {
      const text = texts[part.id];
      return !part.optional && (typeof text !== "string" || text.trim() === "");
    }).map((part) => part.id),
  };
}
