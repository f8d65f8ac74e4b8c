// Reminder sweeps with a controlled clock across the deadline and across a restart (a new store on
// the same folder): nothing twice, nothing to a department that has submitted, keys kept on disk.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import type { App } from "../../src/app/app.ts";
import { createReminderService, type SendText } from "../../src/app/reminder-service.ts";
import { emptyOrg, OrgSchema, type Org } from "../../src/core/org/org-schema.ts";
import { startPeriodicSweep } from "../../src/scheduler/periodic-sweep.ts";
import { busyReport, zeroReport } from "../support/report-builders.ts";
import { tempDir } from "../store/helpers.ts";
import { recordingLogger } from "../support/bot-harness.ts";
import { until } from "../support/until.ts";
import { testApp, type Clock } from "../telegram/supervision-support.ts";

const ORG: Org = {
  offices: [{ id: "o1", name: "奉化区政务公开办" }],
  departments: [
    { id: "d1", officeId: "o1", name: "奉化区应急管理局" },
    { id: "d2", officeId: "o1", name: "奉化区教育局" },
  ],
  members: [
    { userId: "201", role: "officer", departmentId: "d1" },
    { userId: "202", role: "officer", departmentId: "d2" },
    { userId: "101", role: "supervisor", officeId: "o1" },
  ],
  invitations: [],
};

let cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
  cleanups = [];
});

type Sent = { userId: string; text: string };

function service(app: App, sent: Sent[], failFor?: string) {
  const send: SendText = async (userId, text) => {
    if (userId === failFor) throw new Error("Forbidden: bot was blocked by the user");
    sent.push({ userId, text });
  };
  const org = () => app.store.doc("org.json", OrgSchema, emptyOrg()).read();
  return createReminderService(app, { org, calendar: async () => [], send });
}

async function setup(dir: string, clock: Clock) {
  const app = await testApp(dir, clock);
  return app;
}

describe("reminder sweep", () => {
  it("sends each reminder once, only to departments that have not submitted, across the deadline and a restart", async () => {
    const { dir, cleanup } = await tempDir();
    cleanups.push(cleanup);
    const clock = { now: "2025-01-16T02:00:00Z" }; // 10:00 Shanghai, 15 days before 31 Jan
    let app = await setup(dir, clock);
    await app.store.doc("org.json", OrgSchema, emptyOrg()).update(() => ORG);
    await app.store.reports.updateReport({ departmentId: "d1", year: 2024 }, () => ({ report: busyReport(2024), status: "submitted" }), { by: "t", at: clock.now });
    await app.store.reports.updateReport({ departmentId: "d2", year: 2024 }, () => ({ report: zeroReport(2024), status: "draft" }), { by: "t", at: clock.now });
    const sent: Sent[] = [];
    let reminders = service(app, sent);

    await reminders.sweep();
    expect(sent).toEqual([]);

    clock.now = "2025-01-17T00:30:00Z"; // 08:30 on the 14-days day: not before 09:00
    await reminders.sweep();
    expect(sent).toEqual([]);
    clock.now = "2025-01-17T01:05:00Z";
    await reminders.sweep();
    await reminders.sweep();
    expect(sent).toEqual([{ userId: "202", text: "提醒：「奉化区教育局」2024 年度政府信息公开工作年度报告尚未报送，距截止日 2025-01-31 还有 14 天。" }]);

    // Restart: a new store instance on the same folder, a new service.
    await app.store.close();
    app = await setup(dir, clock);
    reminders = service(app, sent);
    await reminders.sweep();
    expect(sent).toHaveLength(1);
    const onDisk = JSON.parse(readFileSync(join(dir, "reminders.json"), "utf8")) as { sent: string[] };
    expect(onDisk.sent).toContain("remind:d2:2024:d14:2025-01-17");

    // Seven days before: the officer's reminder and the supervisors' digest.
    clock.now = "2025-01-24T03:00:00Z";
    await reminders.sweep();
    await reminders.sweep();
    expect(sent.slice(1).map((s) => s.userId).sort()).toEqual(["101", "202"]);
    expect(sent.find((s) => s.userId === "101")?.text).toContain("已报送 1 个，未报送 1 个");

    // Down for days across the deadline: only the latest overdue reminder, once.
    clock.now = "2025-02-03T05:00:00Z";
    await app.store.close();
    app = await setup(dir, clock);
    reminders = service(app, sent);
    const before = sent.length;
    await reminders.sweep();
    await reminders.sweep();
    const late = sent.slice(before);
    expect(late.filter((s) => s.userId === "202").map((s) => s.text)).toEqual(["「奉化区教育局」2024 年度政府信息公开工作年度报告已超过截止日 2025-01-31 3 天，请尽快报送。"]);
    expect(late.filter((s) => s.userId === "101")).toHaveLength(1);
    expect(sent.some((s) => s.userId === "201")).toBe(false);

    // Once submitted, no more reminders.
    await app.store.reports.updateReport({ departmentId: "d2", year: 2024 }, (r) => ({ ...r, status: "submitted" }), { by: "t", at: clock.now });
    clock.now = "2025-02-04T05:00:00Z";
    const count = sent.length;
    await reminders.sweep();
    expect(sent).toHaveLength(count);
    await app.store.close();
  });

  it("a failed send is retried by the next sweep without repeating the ones that went out", async () => {
    const { dir, cleanup } = await tempDir();
    cleanups.push(cleanup);
    const clock = { now: "2025-01-24T03:00:00Z" };
    const app = await setup(dir, clock);
    await app.store.doc("org.json", OrgSchema, emptyOrg()).update(() => ({ ...ORG, members: [...ORG.members, { userId: "102", role: "supervisor", officeId: "o1" }] }));
    const sent: Sent[] = [];
    const result = await service(app, sent, "102").sweep();
    expect(result.failed).toEqual([{ key: "digest:o1:2024:2025-01-24", userId: "102" }]);
    expect(sent.map((s) => s.userId).sort()).toEqual(["101", "201", "202"]);
    await service(app, sent).sweep();
    expect(sent.map((s) => s.userId).sort()).toEqual(["101", "102", "201", "202"]);
    await service(app, sent).sweep();
    expect(sent).toHaveLength(4);
    await app.store.close();
  });
});

describe("periodic sweep", () => {
  it("sweeps at start and on every tick, and logs a failing sweep instead of dying", async () => {
    let runs = 0;
    const logger = recordingLogger();
    const scheduler = startPeriodicSweep({
      name: "reminders",
      pattern: "* * * * * *",
      logger,
      sweep: async () => {
        runs += 1;
        if (runs === 1) throw new Error("store unavailable");
      },
    });
    // The run at start failed; a tick after it ran again (seen, not timed: a loaded machine ticks late).
    await until(() => runs >= 2, "a second sweep");
    scheduler.stop();
    const after = runs;
    expect(logger.entries.filter((entry) => entry.level === "error")).toHaveLength(1);
    // Stopped: no tick in the next second and a bit (a slow machine can only make this pass more easily).
    await new Promise((resolve) => setTimeout(resolve, 1_100));
    expect(runs).toBe(after);
  });
});
