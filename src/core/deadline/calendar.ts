// The reporting calendar per office and report year. Departments submit the previous year's
// report to their 政务公开 office by 31 January (条例 第四十九条、第五十条); an office may set an
// earlier date, never a later one. A deadline is the end of its day: 23:59:59 Asia/Shanghai.
import { z } from "zod";
import { isLocalDate, localDate, localDaysBetween } from "./shanghai.ts";

/** One office's own date for one report year (yyyy-MM-dd, Shanghai). Absent = the default. */
export const OfficeDeadlineSchema = z.object({ officeId: z.string(), year: z.number().int(), date: z.string() }).strict();
export type Calendar = readonly Readonly<z.infer<typeof OfficeDeadlineSchema>>[];

export interface Deadline {
  readonly year: number;
  /** Last Shanghai day on which submitting is on time. */
  readonly date: string;
}

const defaultDeadlineDate = (year: number): string => `${year + 1}-01-31`;

export function deadlineFor(calendar: Calendar, officeId: string, year: number): Deadline {
  const own = calendar.find((entry) => entry.officeId === officeId && entry.year === year);
  return { year, date: own?.date ?? defaultDeadlineDate(year) };
}

export type SetDeadlineError = "bad-date" | "later-than-default" | "inside-report-year";

/** Sets an office's date; it must fall after the report year and no later than 31 January. */
export function setDeadline(
  calendar: Calendar,
  officeId: string,
  year: number,
  date: string,
): { ok: true; calendar: Calendar } | { ok: false; error: SetDeadlineError } {
  if (!isLocalDate(date)) return { ok: false, error: "bad-date" };
  if (date > defaultDeadlineDate(year)) return { ok: false, error: "later-than-default" };
  // The report covers 1 Jan – 31 Dec; it cannot be due before the year is over.
  if (date <= `${year}-12-31`) return { ok: false, error: "inside-report-year" };
  const others = calendar.filter((entry) => !(entry.officeId === officeId && entry.year === year));
  return { ok: true, calendar: [...others, { officeId, year, date }] };
}

/** Days from today (Shanghai) to the deadline day: 0 on the day itself, negative once overdue. */
export function daysLeft(now: string, deadline: Deadline): number {
  return localDaysBetween(localDate(now), deadline.date);
}

/** The report year being collected at `now`: this year from November (drafting may start), else the previous. */
export function campaignYear(now: string): number {
  const [year, month] = localDate(now).split("-").map(Number) as [number, number];
  return month >= 11 ? year : year - 1;
}

/** Fluent cannot compare numbers: say which case applies and the distance in days. */
export function whenParams(daysLeft: number): { when: "today" | "left" | "overdue"; days: number } {
  return { when: daysLeft === 0 ? "today" : daysLeft > 0 ? "left" : "overdue", days: Math.abs(daysLeft) };
}
