import { describe, expect, it } from "vitest";
import { campaignYear, daysLeft, deadlineFor, setDeadline } from "../../../src/core/deadline/calendar.ts";
import { addLocalDays, localDate, localHour, localDaysBetween } from "../../../src/core/deadline/shanghai.ts";

describe("Shanghai days", () => {
  it("puts 2025-01-30T16:30Z on 31 January, 00:30", () => {
    expect(localDate("2025-01-30T16:30:00Z")).toBe("2025-01-31");
    expect(localHour("2025-01-30T16:30:00Z")).toBe(0);
    expect(localDate("2025-01-30T15:59:59Z")).toBe("2025-01-30");
    expect(localHour("2025-01-30T15:59:59Z")).toBe(23);
  });
  it("reads instants with other offsets", () => {
    expect(localDate("2025-01-31T00:30:00+08:00")).toBe("2025-01-31");
    expect(localDate("2024-12-31T23:00:00-05:00")).toBe("2025-01-01");
  });
  it("counts calendar days", () => {
    expect(addLocalDays("2025-01-31", 1)).toBe("2025-02-01");
    expect(addLocalDays("2024-03-01", -1)).toBe("2024-02-29");
    expect(localDaysBetween("2025-01-17", "2025-01-31")).toBe(14);
    expect(localDaysBetween("2025-02-03", "2025-01-31")).toBe(-3);
  });
});

describe("deadlines", () => {
  it("defaults to 31 January of the next year, on time until that Shanghai day ends", () => {
    const deadline = deadlineFor([], "oA", 2024);
    expect(deadline).toEqual({ year: 2024, date: "2025-01-31" });
    expect(daysLeft("2025-01-31T15:59:59Z", deadline)).toBe(0);
    expect(daysLeft("2025-01-31T16:00:00Z", deadline)).toBe(-1);
  });
  it("lets an office set an earlier date, for itself and that year only", () => {
    const set = setDeadline([], "oA", 2024, "2025-01-20");
    if (!set.ok) throw new Error(set.error);
    expect(deadlineFor(set.calendar, "oA", 2024)).toMatchObject({ date: "2025-01-20" });
    expect(deadlineFor(set.calendar, "oB", 2024).date).toBe("2025-01-31");
    expect(deadlineFor(set.calendar, "oA", 2025).date).toBe("2026-01-31");
    const again = setDeadline(set.calendar, "oA", 2024, "2025-01-25");
    expect(again.ok && again.calendar).toEqual([{ officeId: "oA", year: 2024, date: "2025-01-25" }]);
  });
  it("refuses later, impossible and in-year dates", () => {
    expect(setDeadline([], "oA", 2024, "2025-02-01")).toEqual({ ok: false, error: "later-than-default" });
    expect(setDeadline([], "oA", 2024, "2025-02-30")).toEqual({ ok: false, error: "bad-date" });
    expect(setDeadline([], "oA", 2024, "20250120")).toEqual({ ok: false, error: "bad-date" });
    expect(setDeadline([], "oA", 2024, "2024-12-31")).toEqual({ ok: false, error: "inside-report-year" });
    expect(setDeadline([], "oA", 2024, "2025-01-31").ok).toBe(true);
    expect(setDeadline([], "oA", 2024, "2025-01-01").ok).toBe(true);
  });
  it("counts days left by Shanghai date", () => {
    const deadline = deadlineFor([], "oA", 2024);
    expect(daysLeft("2025-01-30T15:59:59Z", deadline)).toBe(1);
    expect(daysLeft("2025-01-30T16:30:00Z", deadline)).toBe(0);
    expect(daysLeft("2025-01-31T15:59:59Z", deadline)).toBe(0);
    expect(daysLeft("2025-01-31T16:00:00Z", deadline)).toBe(-1);
    expect(daysLeft("2025-01-01T00:00:00Z", deadline)).toBe(30);
  });
  it("collects the previous Shanghai year until November, then the current one", () => {
    expect(campaignYear("2025-01-15T00:00:00Z")).toBe(2024);
    expect(campaignYear("2024-12-31T16:00:00Z")).toBe(2024);
    expect(campaignYear("2024-12-31T15:59:59Z")).toBe(2024);
    expect(campaignYear("2024-10-15T00:00:00Z")).toBe(2023);
  });
});

describe("campaignYear", () => {
  it.each([
    ["2026-01-15T02:00:00Z", 2025],
    ["2026-10-31T15:59:59Z", 2025], // 31 Oct 23:59:59 in Shanghai
    ["2026-10-31T16:00:00Z", 2026], // 1 Nov 00:00 in Shanghai
    ["2026-12-31T12:00:00Z", 2026],
  ])("at %s collects %i", (now, year) => expect(campaignYear(now)).toBe(year));
});
