// Local days in Asia/Shanghai (UTC+8, no DST since 1991): a "date" is a yyyy-MM-dd Shanghai calendar
// day, an "instant" an ISO-8601 string with offset. The machine's own zone never counts.
import { TZDate } from "@date-fns/tz";
// Per-function entry points: the package index loads all of date-fns, which slows the start.
import { addDays } from "date-fns/addDays";
import { differenceInCalendarDays } from "date-fns/differenceInCalendarDays";
import { format } from "date-fns/format";
import { isValid } from "date-fns/isValid";

export const TIME_ZONE = "Asia/Shanghai";

const DATE_PATTERN = /^\d{4}-\d{2}-\d{2}$/;

/** Noon of a Shanghai date. */
function at(date: string): TZDate {
  if (!DATE_PATTERN.test(date)) throw new Error(`deadline: not a yyyy-MM-dd date: ${date}`);
  return new TZDate(`${date}T12:00:00+08:00`, TIME_ZONE);
}

export function isLocalDate(date: string): boolean {
  if (!DATE_PATTERN.test(date)) return false;
  // 2025-02-30 parses as 2 March: only a date that formats back to itself exists.
  const value = at(date);
  return isValid(value) && format(value, "yyyy-MM-dd") === date;
}

/** On the per-answer path a fixed shift is far cheaper than a TZDate per call. */
const SHANGHAI_OFFSET_MS = 8 * 60 * 60 * 1000;

/** The instant shifted so that its UTC fields read Shanghai's wall clock. */
function wallClock(instant: string): Date {
  const ms = Date.parse(instant);
  if (Number.isNaN(ms)) throw new Error(`deadline: not an ISO instant: ${instant}`);
  return new Date(ms + SHANGHAI_OFFSET_MS);
}

/** The Shanghai calendar date of an instant: 2025-01-30T16:30:00Z → 2025-01-31. */
export function localDate(instant: string): string {
  return wallClock(instant).toISOString().slice(0, 10);
}

/** The Shanghai date and time to the minute: 2025-01-30T16:30:00Z → "2025-01-31 00:30". */
export function localDateTime(instant: string): string {
  return wallClock(instant).toISOString().slice(0, 16).replace("T", " ");
}

export function localHour(instant: string): number {
  return wallClock(instant).getUTCHours();
}

export function addLocalDays(date: string, days: number): string {
  return format(addDays(at(date), days), "yyyy-MM-dd");
}

/** Whole calendar days from `from` to `to` (positive when `to` is later). */
export function localDaysBetween(from: string, to: string): number {
  return differenceInCalendarDays(at(to), at(from));
}
