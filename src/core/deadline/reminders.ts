// Which reminders are due now (pure). The scheduler sends them and stores each key, so each goes out
// once and, after downtime, only the most recent due one per department. A reminder nobody would
// receive is not returned (it comes once someone joins).
import { isDelivered, type Status } from "../lifecycle/transitions.ts";
import { departmentsOf, officersOf, supervisorsOf } from "../org/org-ops.ts";
import type { Department, Office, Org } from "../org/org-schema.ts";
import { campaignYear, daysLeft, deadlineFor, whenParams, type Calendar, type Deadline } from "./calendar.ts";
import { addLocalDays, localDate, localHour } from "./shanghai.ts";

/** Days before the deadline on which officers of undelivered departments are reminded (and every overdue day). */
const REMINDER_DAYS_BEFORE: readonly number[] = [1, 3, 7, 14];
/** The supervisors' digest runs in the last this-many days before the deadline. */
const DIGEST_DAYS_BEFORE = 7;
/** Nothing is sent before this Shanghai hour. */
const SEND_FROM_HOUR = 9;

export interface ReportState {
  readonly departmentId: string;
  readonly year: number;
  readonly status: Status;
}

export interface Reminder {
  /** Idempotency key: store it once sent. */
  readonly key: string;
  readonly kind: "officer" | "digest";
  readonly departmentId?: string;
  readonly userIds: readonly string[];
  readonly messageKey: string;
  readonly params: Readonly<Record<string, string | number>>;
}

export interface DueRemindersInput {
  /** ISO instant. */
  readonly now: string;
  readonly org: Org;
  readonly reports: readonly ReportState[];
  readonly calendar: Calendar;
  readonly sent: ReadonlySet<string>;
  /** The report year being collected; defaults to the previous Shanghai year. */
  readonly year?: number;
}

/** The latest scheduled officer reminder day on or before `day`, with its kind, or undefined. */
function scheduledPoint(deadline: Deadline, day: string): { kind: string; date: string } | undefined {
  if (day > deadline.date) return { kind: "overdue", date: day };
  for (const before of REMINDER_DAYS_BEFORE) {
    const date = addLocalDays(deadline.date, -before);
    if (date <= day) return { kind: `d${before}`, date };
  }
  return undefined;
}

function officerReminder(office: Office, department: Department, deadline: Deadline, day: string, left: number, org: Org): Reminder | undefined {
  const point = scheduledPoint(deadline, day);
  if (point === undefined) return undefined;
  return {
    key: `remind:${department.id}:${deadline.year}:${point.kind}:${point.date}`,
    kind: "officer",
    departmentId: department.id,
    userIds: officersOf(org, department.id),
    messageKey: left >= 0 ? "sup-remind-before" : "sup-remind-overdue",
    params: { department: department.name, office: office.name, year: String(deadline.year), deadline: deadline.date, days: Math.abs(left) },
  };
}

export function dueReminders(input: DueRemindersInput): Reminder[] {
  const year = input.year ?? campaignYear(input.now);
  const today = localDate(input.now);
  const morning = localHour(input.now) >= SEND_FROM_HOUR;
  // Before 09:00 only what was due by yesterday's send time may still go out.
  const day = morning ? today : addLocalDays(today, -1);
  const statuses = new Map(input.reports.filter((report) => report.year === year).map((report) => [report.departmentId, report.status]));
  const due: Reminder[] = [];
  for (const office of input.org.offices) {
    const deadline = deadlineFor(input.calendar, office.id, year);
    const left = daysLeft(input.now, deadline);
    const departments = departmentsOf(input.org, office.id);
    const pending = departments.filter((department) => !isDelivered(statuses.get(department.id)));
    for (const department of pending) {
      const reminder = officerReminder(office, department, deadline, day, left, input.org);
      if (reminder !== undefined) due.push(reminder);
    }
    if (!morning || pending.length === 0 || left > DIGEST_DAYS_BEFORE) continue;
    due.push({
      key: `digest:${office.id}:${deadline.year}:${today}`,
      kind: "digest",
      userIds: supervisorsOf(input.org, office.id),
      messageKey: "sup-digest",
      params: {
        office: office.name,
        year: String(deadline.year),
        deadline: deadline.date,
        ...whenParams(left),
        submitted: departments.length - pending.length,
        pending: pending.length,
        overdue: left < 0 ? pending.length : 0,
        pendingNames: pending.map((department) => department.name).join("、"),
      },
    });
  }
  return due.filter((reminder) => reminder.userIds.length > 0 && !input.sent.has(reminder.key));
}
