import { describe, expect, it } from "vitest";
import { dueReminders, type Reminder, type ReportState } from "../../../src/core/deadline/reminders.ts";
import type { Calendar } from "../../../src/core/deadline/calendar.ts";
import type { Org } from "../../../src/core/org/org-schema.ts";
import { sampleOrg } from "../org/sample-org.ts";

const HOUR = 3_600_000;
const iso = (ms: number): string => new Date(ms).toISOString();
/** Shanghai wall clock → ISO instant (UTC+8, no DST), written without the code under test. */
const sh = (date: string, time = "00:00"): string => new Date(`${date}T${time}:00+08:00`).toISOString();
const shDate = (instant: string): string => new Date(Date.parse(instant) + 8 * HOUR).toISOString().slice(0, 10);
const shHour = (instant: string): number => new Date(Date.parse(instant) + 8 * HOUR).getUTCHours();

interface Sent {
  key: string;
  at: string;
  reminder: Reminder;
}

/** Runs the sweep every `stepMinutes` from `from` to `to`, feeding the sent keys back, like the scheduler. */
function simulate(options: {
  org: Org;
  from: string;
  to: string;
  stepMinutes: number;
  reports: (now: string) => ReportState[];
  calendar?: Calendar;
  down?: [string, string];
  sent?: Set<string>;
}): Sent[] {
  const sent = options.sent ?? new Set<string>();
  const log: Sent[] = [];
  for (let t = Date.parse(options.from); t <= Date.parse(options.to); t += options.stepMinutes * 60_000) {
    const now = iso(t);
    if (options.down !== undefined && t >= Date.parse(options.down[0]) && t < Date.parse(options.down[1])) continue;
    for (const reminder of dueReminders({ now, org: options.org, reports: options.reports(now), calendar: options.calendar ?? [], sent, year: 2024 })) {
      expect(sent.has(reminder.key)).toBe(false);
      sent.add(reminder.key);
      log.push({ key: reminder.key, at: now, reminder });
    }
  }
  return log;
}

/** Office oA only: dA1 never submits, dA2 submits on 26 January, dA3 has no officer. */
function oneOffice(): Org {
  const org = sampleOrg();
  return { ...org, members: org.members.filter((m) => m.userId !== "u-officerB" && m.userId !== "u-supervisorB") };
}
const states = (now: string): ReportState[] => [
  { departmentId: "dA1", year: 2024, status: "draft" },
  { departmentId: "dA2", year: 2024, status: Date.parse(now) >= Date.parse(sh("2025-01-26", "10:00")) ? "submitted" : "draft" },
];

describe("dueReminders over a campaign, day by day", () => {
  const log = simulate({ org: oneOffice(), from: sh("2025-01-11"), to: sh("2025-02-03", "23:50"), stepMinutes: 10, reports: states });

  it("reminds a department that never submits at 14, 7, 3, 1 days before and every overdue day", () => {
    expect(log.filter((s) => s.key.startsWith("remind:dA1:")).map((s) => s.key)).toEqual([
      "remind:dA1:2024:d14:2025-01-17",
      "remind:dA1:2024:d7:2025-01-24",
      "remind:dA1:2024:d3:2025-01-28",
      "remind:dA1:2024:d1:2025-01-30",
      "remind:dA1:2024:overdue:2025-02-01",
      "remind:dA1:2024:overdue:2025-02-02",
      "remind:dA1:2024:overdue:2025-02-03",
    ]);
  });
  it("sends each at the first sweep from 09:00 Shanghai on its day", () => {
    for (const sent of log.filter((s) => s.key.startsWith("remind:"))) {
      expect(sent.at).toBe(sh(sent.key.slice(-10), "09:00"));
    }
  });
  it("stops reminding a department once it has submitted", () => {
    expect(log.filter((s) => s.key.startsWith("remind:dA2:")).map((s) => s.key)).toEqual(["remind:dA2:2024:d14:2025-01-17", "remind:dA2:2024:d7:2025-01-24"]);
  });
  it("reminds nobody where there is nobody to remind", () => {
    expect(log.some((s) => s.key.includes("dA3"))).toBe(false);
  });
  it("sends the officers the right text and addressees", () => {
    const d3 = log.find((s) => s.key === "remind:dA1:2024:d3:2025-01-28")?.reminder;
    expect(d3).toMatchObject({ kind: "officer", userIds: ["u-officer"], messageKey: "sup-remind-before", params: { days: 3, deadline: "2025-01-31", department: "奉化区应急管理局" } });
    const late = log.find((s) => s.key === "remind:dA1:2024:overdue:2025-02-02")?.reminder;
    expect(late).toMatchObject({ messageKey: "sup-remind-overdue", params: { days: 2 } });
  });
  it("sends the supervisors a digest each morning of the last 7 days and while anything is overdue", () => {
    const digests = log.filter((s) => s.key.startsWith("digest:"));
    expect(digests.map((s) => s.key.slice(-10))).toEqual([
      "2025-01-24", "2025-01-25", "2025-01-26", "2025-01-27", "2025-01-28", "2025-01-29", "2025-01-30", "2025-01-31",
      "2025-02-01", "2025-02-02", "2025-02-03",
    ]);
    for (const digest of digests) expect(shHour(digest.at)).toBe(9);
    expect(digests[0]?.reminder).toMatchObject({ userIds: ["u-supervisor"], params: { submitted: 0, pending: 3, overdue: 0, when: "left", days: 7 } });
    // dA2 submitted at 10:00 on the 26th, after that morning's digest.
    expect(digests[3]?.reminder.params).toMatchObject({ submitted: 1, pending: 2, pendingNames: "奉化区应急管理局、奉化区水利局" });
    expect(digests[7]?.reminder.params).toMatchObject({ when: "today", overdue: 0 });
    expect(digests[8]?.reminder.params).toMatchObject({ when: "overdue", days: 1, overdue: 2 });
  });
  it("never sends a key twice", () => {
    expect(new Set(log.map((s) => s.key)).size).toBe(log.length);
  });
  it("sends nothing before 09:00 Shanghai", () => {
    for (const sent of log) expect(shHour(sent.at)).toBeGreaterThanOrEqual(9);
  });
});

describe("dueReminders edge cases", () => {
  const org = oneOffice();
  const draft: ReportState[] = [{ departmentId: "dA1", year: 2024, status: "draft" }];
  const due = (now: string, reports: ReportState[] = draft, sent: string[] = []) => dueReminders({ now, org, reports, calendar: [], sent: new Set(sent), year: 2024 });

  it("waits for 09:00 on the day (08:59 nothing, 09:00 the reminder)", () => {
    expect(due(sh("2025-01-17", "08:59")).filter((r) => r.kind === "officer")).toEqual([]);
    expect(due(sh("2025-01-17", "09:00")).filter((r) => r.departmentId === "dA1").map((r) => r.key)).toEqual(["remind:dA1:2024:d14:2025-01-17"]);
  });
  it("nothing before the window opens", () => {
    expect(due(sh("2025-01-16", "12:00"))).toEqual([]);
  });
  it("treats a returned report as not submitted and an approved one as done", () => {
    expect(due(sh("2025-01-24", "10:00"), [{ departmentId: "dA1", year: 2024, status: "returned" }]).some((r) => r.key === "remind:dA1:2024:d7:2025-01-24")).toBe(true);
    expect(due(sh("2025-01-24", "10:00"), [{ departmentId: "dA1", year: 2024, status: "approved" }]).some((r) => r.departmentId === "dA1")).toBe(false);
  });
  it("ignores reports of another year", () => {
    expect(due(sh("2025-01-24", "10:00"), [{ departmentId: "dA1", year: 2023, status: "approved" }]).some((r) => r.departmentId === "dA1")).toBe(true);
  });
  it("accepts sent keys as an array or a set", () => {
    const first = due(sh("2025-01-24", "10:00"));
    const keys = first.map((r) => r.key);
    expect(keys.length).toBeGreaterThan(0);
    expect(due(sh("2025-01-24", "10:05"), draft, keys)).toEqual([]);
    expect(dueReminders({ now: sh("2025-01-24", "10:05"), org, reports: draft, calendar: [], sent: new Set(keys), year: 2024 })).toEqual([]);
  });
  it("follows an office's earlier date", () => {
    const calendar: Calendar = [{ officeId: "oA", year: 2024, date: "2025-01-20" }];
    const keys = dueReminders({ now: sh("2025-01-13", "09:30"), org, reports: draft, calendar, sent: new Set(), year: 2024 }).map((r) => r.key);
    expect(keys).toContain("remind:dA1:2024:d7:2025-01-13");
  });
  it("defaults to collecting the previous Shanghai year", () => {
    const reminders = dueReminders({ now: sh("2025-01-30", "09:30"), org, reports: draft, calendar: [], sent: new Set() });
    expect(reminders.find((r) => r.departmentId === "dA1")?.key).toBe("remind:dA1:2024:d1:2025-01-30");
  });
  it("handles the Shanghai day boundary at 16:00 UTC", () => {
    // 2025-01-30T16:30Z is 31 January 00:30 in Shanghai: still before 09:00, so only what was due by the 30th.
    const reminders = due("2025-01-30T16:30:00Z").filter((r) => r.departmentId === "dA1");
    expect(reminders.map((r) => r.key)).toEqual(["remind:dA1:2024:d1:2025-01-30"]);
    expect(reminders[0]?.params).toMatchObject({ days: 0 });
  });
});

describe("catching up after downtime", () => {
  it("sends only the most recent missed reminder once, then carries on", () => {
    const log = simulate({
      org: oneOffice(),
      from: sh("2025-01-11"),
      to: sh("2025-02-01", "23:50"),
      stepMinutes: 30,
      reports: () => [{ departmentId: "dA1", year: 2024, status: "draft" }],
      // Down from the 16th to midday on the 29th: d14 (17th), d7 (24th), d3 (28th) were missed.
      down: [sh("2025-01-16"), sh("2025-01-29", "12:10")],
    });
    const officer = log.filter((s) => s.key.startsWith("remind:dA1:"));
    expect(officer.map((s) => [s.key, s.at])).toEqual([
      ["remind:dA1:2024:d3:2025-01-28", sh("2025-01-29", "12:30")],
      ["remind:dA1:2024:d1:2025-01-30", sh("2025-01-30", "09:00")],
      ["remind:dA1:2024:overdue:2025-02-01", sh("2025-02-01", "09:00")],
    ]);
    expect(officer[0]?.reminder.params).toMatchObject({ days: 2 });
    // The digest of the restart day comes once; missed mornings are not replayed.
    expect(log.filter((s) => s.key.startsWith("digest:")).map((s) => shDate(s.at))).toEqual(["2025-01-29", "2025-01-30", "2025-01-31", "2025-02-01"]);
  });
  it("a restart with the stored keys sends nothing again", () => {
    const sent = new Set<string>();
    const reports = () => [{ departmentId: "dA1", year: 2024, status: "draft" as const }];
    simulate({ org: oneOffice(), from: sh("2025-01-28", "08:00"), to: sh("2025-01-28", "12:00"), stepMinutes: 15, reports, sent });
    const size = sent.size;
    expect(size).toBeGreaterThan(0);
    const again = simulate({ org: oneOffice(), from: sh("2025-01-28", "12:00"), to: sh("2025-01-28", "23:00"), stepMinutes: 15, reports, sent });
    expect(again).toEqual([]);
  });
});
