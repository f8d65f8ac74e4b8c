// Local days in Asia/Shanghai: a "date" is a yyyy-MM-dd Shanghai calendar day, an "instant" an ISO-8601
// string with offset. Shanghai has kept UTC+8 all year since 1991, so one fixed shift does all the work
// (the machine's own zone never counts; TZDate per call was far slower on the per-answer path).
export const TIME_ZONE = "Asia/Shanghai";

const SHANGHAI_OFFSET_MS = 8 * 60 * 60 * 1000;
const DAY_MS = 24 * 60 * 60 * 1000;
const DATE_PATTERN = /^\d{4}-\d{2}-\d{2}$/;

/** A date as midnight UTC: days added or between are then exact UTC arithmetic. */
function utcMidnight(date: string): number {
  if (!DATE_PATTERN.test(date)) throw new Error(`deadline: not a yyyy-MM-dd date: ${date}`);
  return Date.parse(`${date}T00:00:00Z`);
}

export function isLocalDate(date: string): boolean {
  // 2025-02-30 parses as 2 March: only a date that formats back to itself exists.
  const ms = Date.parse(`${date}T00:00:00Z`);
  return DATE_PATTERN.test(date) && !Number.isNaN(ms) && new Date(ms).toISOString().slice(0, 10) === date;
}

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
  return new Date(utcMidnight(date) + days * DAY_MS).toISOString().slice(0, 10);
}

/** Whole calendar days from `from` to `to` (positive when `to` is later). */
export function localDaysBetween(from: string, to: string): number {
  return Math.round((utcMidnight(to) - utcMidnight(from)) / DAY_MS);
}
