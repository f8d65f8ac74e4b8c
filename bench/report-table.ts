// The printed table: one line per figure with its goal and met/missed, and the machine it ran on.

export interface Row {
  readonly what: string;
  readonly measured: string;
  readonly goal: string;
  /** undefined: informational, no goal. */
  readonly met?: boolean;
}

export interface Machine {
  readonly cores: number;
  readonly node: string;
  readonly cpu: string;
  readonly loadBefore: readonly number[];
  readonly loadAfter: readonly number[];
  readonly threadpool: string;
}

const width = (rows: readonly string[][], column: number): number => Math.max(...rows.map((row) => [...(row[column] ?? "")].length));
const pad = (text: string, to: number): string => text + " ".repeat(Math.max(0, to - [...text].length));

export function formatTable(machine: Machine, rows: readonly Row[]): string {
  const cells = [["figure", "measured", "goal", ""], ...rows.map((r) => [r.what, r.measured, r.goal, r.met === undefined ? "" : r.met ? "met" : "MISSED"])];
  const widths = [0, 1, 2, 3].map((c) => width(cells, c));
  const lines = cells.map((row) => row.map((cell, c) => pad(cell, widths[c] ?? 0)).join("  ").trimEnd());
  const load = (l: readonly number[]): string => l.map((x) => x.toFixed(2)).join(" ");
  return [
    `machine: ${machine.cores} cores (${machine.cpu}), Node ${machine.node}, UV_THREADPOOL_SIZE ${machine.threadpool}`,
    `load average before: ${load(machine.loadBefore)}   after: ${load(machine.loadAfter)}`,
    "",
    lines[0] ?? "",
    "-".repeat([...(lines[0] ?? "")].length),
    ...lines.slice(1),
  ].join("\n");
}
