// One office's status board: every department's state, progress, failing rules, last activity and
// days left, trouble first (overdue, then least progress).
import { deadlineFor, daysLeft, whenParams, type Calendar } from "../deadline/calendar.ts";
import { localDate } from "../deadline/shanghai.ts";
import { isDelivered, type Status } from "../lifecycle/transitions.ts";
import { departmentsOf, officeById } from "../org/org-ops.ts";
import type { Org } from "../org/org-schema.ts";
import { INPUT_CELL_IDS } from "../report/cells.ts";
import type { Line } from "./line.ts";

/** One department's report as the board shows it. */
export interface BoardEntry {
  readonly departmentId: string;
  readonly status: Status;
  /** Input cells answered (of INPUT_CELL_IDS: the same total for every report). */
  readonly done: number;
  readonly hardErrors: number;
  /** ISO instant of the last change. */
  readonly lastActivity?: string;
}

export interface BoardRow extends Omit<BoardEntry, "status"> {
  readonly name: string;
  /** "none" when the department has not started. */
  readonly status: Status | "none";
  readonly overdue: boolean;
}

export interface Board {
  readonly officeId: string;
  readonly officeName: string;
  readonly year: number;
  readonly deadline: string;
  /** Negative = overdue by that many days. */
  readonly daysLeft: number;
  readonly rows: readonly BoardRow[];
}

export interface BoardInput {
  readonly org: Org;
  readonly officeId: string;
  readonly year: number;
  readonly now: string;
  readonly calendar: Calendar;
  readonly entries: readonly BoardEntry[];
}

function compareRows(a: BoardRow, b: BoardRow): number {
  if (a.overdue !== b.overdue) return a.overdue ? -1 : 1;
  const byProgress = a.done - b.done;
  if (byProgress !== 0) return byProgress;
  return a.name.localeCompare(b.name, "zh-CN");
}

export function statusBoard(input: BoardInput): Board {
  const office = officeById(input.org, input.officeId);
  if (office === undefined) throw new Error(`board: unknown office ${input.officeId}`);
  const deadline = deadlineFor(input.calendar, office.id, input.year);
  const left = daysLeft(input.now, deadline);
  const rows = departmentsOf(input.org, office.id).map((department): BoardRow => {
    const entry = input.entries.find((candidate) => candidate.departmentId === department.id);
    const status = entry?.status ?? "none";
    return {
      departmentId: department.id,
      name: department.name,
      status,
      done: entry?.done ?? 0,
      hardErrors: entry?.hardErrors ?? 0,
      ...(entry?.lastActivity === undefined ? {} : { lastActivity: entry.lastActivity }),
      overdue: left < 0 && !isDelivered(status === "none" ? undefined : status),
    };
  });
  return { officeId: office.id, officeName: office.name, year: input.year, deadline: deadline.date, daysLeft: left, rows: [...rows].sort(compareRows) };
}

/** A compact text: a title, one line per department, a tally. Dates are Shanghai MM-dd. */
export function boardLines(board: Board): Line[] {
  const delivered = board.rows.filter((row) => row.status !== "none" && isDelivered(row.status)).length;
  const overdue = board.rows.filter((row) => row.overdue).length;
  const lines: Line[] = [
    { key: "sup-board-title", params: { office: board.officeName, year: String(board.year), deadline: board.deadline, ...whenParams(board.daysLeft) } },
  ];
  if (board.rows.length === 0) return [...lines, { key: "sup-board-empty", params: {} }];
  for (const row of board.rows) {
    lines.push({
      key: "sup-board-row",
      params: {
        name: row.name,
        status: row.status,
        done: row.done,
        total: INPUT_CELL_IDS.length,
        errors: row.hardErrors,
        overdue: row.overdue ? "yes" : "no",
        hasLast: row.lastActivity === undefined ? "no" : "yes",
        last: row.lastActivity === undefined ? "" : localDate(row.lastActivity).slice(5),
      },
    });
  }
  lines.push({ key: "sup-board-tally", params: { delivered, pending: board.rows.length - delivered, overdue } });
  return lines;
}
