// Printed totals (the derived cells a document carries). One that agrees with the sum of its
// typed cells adds nothing and is dropped (withTotals() restores it); one that disagrees, or whose
// addends could not all be read, is kept so the checker reports it against the derived sum
// (spec "Rules": an imported document whose printed totals disagree is reported, cell by cell).
import { deriveTotals } from "../report/arithmetic.ts";
import { DERIVED_CELL_IDS } from "../report/cells.ts";
import type { Values } from "../report/schema.ts";
import type { ImportNote } from "./import-result.ts";

export function reconcileTotals(values: Values): { values: Values; notes: ImportNote[] } {
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
