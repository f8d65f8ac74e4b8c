// Local-day arithmetic in Asia/Shanghai (UTC+8, no DST). The machine's zone is UTC, so every local
// date is computed explicitly with @date-fns/tz; a "date" here is a yyyy-MM-dd string of a
// Shanghai calendar day and an "instant" an ISO-8601 string with offset.
import { TZDate } from "@date-fns/tz";
// Per-function entry points: the package index loads all of date-fns, which slows the start.
import { addDays } from "date-fns/addDays";
import { differenceInCalendarDays } from "date-fns/differenceInCalendarDays";
import { format } from "date-fns/format";
import { isValid } from "date-fns/isValid";

export const TIME_ZONE = "Asia/Shanghai";

const DATE_PATTERN = /^\d{4}-\d{2}-\d{2}$/;

/** A TZDate at a local wall-clock time (HH:mm:ss) of a Shanghai date. */
function at(date: string, time = "12:00:00"): TZDate {
  if (!DATE_PATTERN.test(date)) throw new Error(`deadline: not a yyyy-MM-dd date: ${date}`);
  return new TZDate(`${date}T${time}+08:00`, TIME_ZONE);
}

export function isLocalDate(date: string): boolean {
  if (!DATE_PATTERN.test(date)) return false;
  // 2025-02-30 parses as 2 March: only a date that formats back to itself exists.
  const value = at(date);
  return isValid(value) && format(value, "yyyy-MM-dd") === date;
}

/** Shanghai has kept UTC+8 all year since 1991: on the per-answer path a fixed shift is far cheaper than TZDate. */
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

/** The Shanghai wall-clock hour (0–23) of an instant. */
export function localHour(instant: string): number {
  return wallClock(instant).getUTCHours();
}

/** The instant a local time (HH:mm:ss) of a Shanghai date happens, as ISO with +08:00. */
export function localInstant(date: string, time: string): string {
  return format(at(date, time), "yyyy-MM-dd'T'HH:mm:ssXXX");
}

export function addLocalDays(date: string, days: number): string {
  return format(addDays(at(date), days), "yyyy-MM-dd");
}

/** Whole calendar days from `from` to `to` (positive when `to` is later). */
export function localDaysBetween(from: string, to: string): number {
  return differenceInCalendarDays(at(to), at(from));
}
