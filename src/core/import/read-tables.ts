// Tables 2, 3 and 4 (spec "Table 2"…"Table 4"). Rows are found by label anywhere in the section, so
// header rows and drifted labels do not matter; table-3 labels match with or without their groups.
import { T2_BLOCKS, T3_COLUMNS, T3_ROWS, T4_COLUMNS, T4_GROUPS, type T3Row } from "../report/format.ts";
import { t2CellId, t3CellId, t3RowLabel, t4CellId } from "../report/format.ts";
import type { ImportNote } from "./import-result.ts";
import { bestMatch, labelKey } from "./normalise.ts";
import { missingRows, printedApart, readings, readTable2Text, readTable3Text, type TableSpec } from "./read-run-together.ts";
import { isBlankCell, isNumberCell, labelThenValues, resolveValues, type Row, storeReadings } from "./rows.ts";
import { storeRow, type TableRead, tokensOf } from "./rows.ts";

const T2: TableSpec = {
  table: 2,
  groupSize: null,
  rows: T2_BLOCKS.flatMap((block) =>
    block.rows.map((row) => ({
      key: row.key,
      label: row.label,
      ids: block.columns.map((column) => t2CellId(row, column)),
      // 规范性文件: the drifted label many reports print for 行政规范性文件.
      keys: [labelKey(row.label), ...(row.key === "normative" ? [labelKey("规范性文件")] : [])],
      derived: false,
    })),
  ),
};

function variants(row: T3Row): string[] {
  const own = row.level3 ?? row.level2 ?? row.level1;
  const forms = [own, `${row.level2 ?? ""}${own}`, `${row.level1}${own}`, t3RowLabel(row)];
  return [...new Set(forms.map(labelKey))];
}

const T3: TableSpec = {
  table: 3,
  groupSize: T3_COLUMNS.length,
  rows: T3_ROWS.map((row) => ({
    key: row.key,
    label: t3RowLabel(row),
    ids: T3_COLUMNS.map((column) => t3CellId(row.key, column.key)),
    keys: variants(row),
    derived: row.derived === true,
  })),
};

function readGrid(rows: readonly Row[], spec: TableSpec): TableRead {
  const values: Record<string, number> = {};
  const notes: ImportNote[] = [];
  const seen = new Set<number>();
  const candidates = spec.rows.map((row) => row.keys);
  // A label printed on a line of its own (a cell with a line break) names the next row whose label cells are empty.
  let pending = "";
  for (const row of rows) {
    const { label: printed, values: cells } = labelThenValues(row);
    const label = printed.join("").trim() === "" && pending !== "" ? pending : printed.join("");
    pending = cells.length === 0 ? printed.join("") : "";
    if (cells.length === 0) continue;
    // Table 3: fewer than seven blank value cells make a group label row (（三）不予公开).
    const blankGroupRow = row.exact && cells.length < T3_COLUMNS.length && cells.every((cell) => cell.trim() === "");
    if (spec.table === 3 && blankGroupRow) continue;
    const index = bestMatch(labelKey(label), candidates);
    const target = spec.rows[index];
    if (target === undefined) continue;
    if (seen.has(index)) {
      notes.push({ code: "row-duplicate", params: { row: target.label } });
      continue;
    }
    seen.add(index);
    const width = target.ids.length;
    // A single-column block's value cell spans three columns: its text is in the first.
    const own = width === 1 ? [cells.find((cell) => cell.trim() !== "") ?? ""] : cells;
    const resolved = resolveValues(own, width, row.exact, spec.groupSize);
    storeRow(target.ids, resolved, { label: target.label, text: cells.join(" ") }, values, notes);
  }
  if (seen.size === 0) return { values, notes: [...notes, { code: "table-missing", params: { table: spec.table } }] };
  return { values, notes: [...notes, ...missingRows(spec, seen)] };
}

/** Text without a grid may have lost its cell boundaries: its rows are anchored on their labels. */
function withoutGrid(rows: readonly Row[]): boolean {
  return rows.length > 0 && rows.every((row) => !row.exact);
}

export function readTable2(rows: readonly Row[]): TableRead {
  return withoutGrid(rows) ? readTable2Text(rows, T2) : readGrid(rows, T2);
}

export function readTable3(rows: readonly Row[]): TableRead {
  return withoutGrid(rows) ? readTable3Text(rows, T3) : readGrid(rows, T3);
}

// Table 4: one row of 15 numbers without row labels. Beyond this many readings it is unreadable.
const T4_MAX_READINGS = 24;
const GROUP = T4_COLUMNS.length;
const IDS = T4_GROUPS.flatMap((group) => T4_COLUMNS.map((column) => t4CellId(group.key, column.key)));
const LABEL = T4_GROUPS.map((group) => group.sub ?? group.kind).join("、");

export function readTable4(rows: readonly Row[]): TableRead {
  const values: Record<string, number> = {};
  const notes: ImportNote[] = [];
  const cells: string[] = [];
  let exact = true;
  for (const row of rows) {
    const { values: rowCells } = labelThenValues(row);
    const dataRow = rowCells.some(isNumberCell) || (row.exact && rowCells.length === IDS.length && rowCells.every(isBlankCell));
    if (!dataRow) continue;
    cells.push(...rowCells);
    exact &&= row.exact;
  }
  if (cells.length === 0) return { values, notes: [{ code: "table-missing", params: { table: 4 } }] };
  if (!exact) readRunTogether(tokensOf(cells), values, notes);
  else storeRow(IDS, resolveValues(cells, IDS.length, true, GROUP), { label: LABEL, text: cells.join(" ") }, values, notes);
  return { values, notes };
}

/** Every cut whose group totals add up; a group read several ways is listed, never picked. */
function readRunTogether(tokens: readonly string[], values: Record<string, number>, notes: ImportNote[]): void {
  const text = tokens.join(" ");
  const all = readings(tokens, IDS.length, GROUP, T4_MAX_READINGS);
  if (all === "too-many" || all.length === 0 || all.some((reading) => reading.some(Number.isNaN))) {
    storeRow(IDS, { kind: "unreadable" }, { label: LABEL, text }, values, notes);
    return;
  }
  T4_GROUPS.forEach((group, index) => {
    const ids = IDS.slice(index * GROUP, (index + 1) * GROUP);
    const parts = all.map((reading) => reading.slice(index * GROUP, (index + 1) * GROUP));
    const options = [...new Map(parts.map((part) => [part.join(" "), part])).values()];
    const label = [group.kind, group.sub].filter((part) => part !== undefined).join("·");
    storeReadings({ ids, label }, tokens, options, all.length === 1 && printedApart(tokens, IDS.length), values, notes);
  });
}
