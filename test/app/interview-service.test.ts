// The shell-neutral service over a real store in a temp folder.
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { App } from "../../src/app/app.ts";
import { createInterviewService, type InterviewService, type ServiceOutcome } from "../../src/app/interview-service.ts";
import { checkAgency, personalWorkspaces } from "../../src/app/workspace.ts";
import { documentFileName } from "../../src/app/report-document.ts";
import { openStore, type Store } from "../../src/store/store.ts";
import { silentLogger } from "../store/helpers.ts";
import { busyReport } from "../support/report-builders.ts";
import { tickingClock } from "./interview-harness.ts";
import { storedFile } from "../support/stored-file.ts";

let dir = "";
let store: Store;
let warnings: string[];
let service: InterviewService;
const KEY = { departmentId: "p7", year: 2021 };

function appWith(workspaces: App["workspaces"]): App {
  return { store, logger: { error: () => undefined, info: () => undefined, warn: (_obj, msg) => void warnings.push(msg ?? "") }, now: tickingClock("2022-01-10T02:00:00.000Z"), randomBytes: (n) => new Uint8Array(n), adminIds: [], botUsername: undefined, workspaces };
}

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), "nianbao-service-"));
  store = await openStore({ dataDir: dir, logger: silentLogger });
  warnings = [];
  service = createInterviewService(appWith(personalWorkspaces(store)));
});
afterEach(async () => {
  await store.close();
  await rm(dir, { recursive: true, force: true });
});

const keys = (outcome: ServiceOutcome): string[] =>
  outcome.kind === "replies" ? outcome.replies.flatMap((r) => (r.kind === "message" ? r.lines.map((l) => ("key" in l ? l.key : "finding")) : [`document:${r.final}`])) : [outcome.kind];

describe("interview service", () => {
  it("asks for the agency first, refuses bad names, then starts the interview", async () => {
    expect(await service.handle("7", { type: "command", name: "start" })).toEqual({ kind: "ask-agency" });
    expect(await service.handle("7", { type: "text", text: "局" })).toEqual({ kind: "ask-agency", problem: "length" });
    expect(await service.handle("7", { type: "text", text: "奉化区\u0007应急管理局" })).toEqual({ kind: "ask-agency", problem: "control" });
    expect(await store.reports.getReport(KEY)).toBeNull();
    const outcome = await service.handle("7", { type: "text", text: "  奉化区应急管理局 " });
    expect(keys(outcome)).toContain("interview-welcome");
    expect((await store.user("7").read())["agency"]).toBe("奉化区应急管理局");
    expect((await store.reports.getReport(KEY))?.report.meta.agency).toBe("奉化区应急管理局");
  });

  it("tells a stranger to get an invitation and stores nothing", async () => {
    const closed = createInterviewService(appWith(async () => ({ kind: "stranger" })));
    expect(await closed.handle("8", { type: "text", text: "你好" })).toEqual({ kind: "stranger" });
    expect(await store.reports.listReports()).toEqual([]);
  });

  it("does not write when a step changes nothing", async () => {
    await service.handle("7", { type: "text", text: "奉化区应急管理局" });
    const file = join(dir, "reports", "p7", "2021.json");
    const before = await storedFile(store, file);
    expect(keys(await service.handle("7", { type: "unsupported", kind: "sticker" }))).toContain("interview-unsupported");
    await service.handle("7", { type: "command", name: "help" });
    expect(await storedFile(store, file)).toEqual(before);
  });

  it("restarts a stored state that no longer validates from the saved answers", async () => {
    await service.handle("7", { type: "text", text: "奉化区应急管理局" });
    await store.reports.updateReport(KEY, (record) => ({ ...record, report: { ...record.report, values: { "t2.licensing": 64 } }, interview: { format: "nianbao.interview/0", mystery: true } }), { by: "test", at: "2022-01-10T03:00:00Z" });
    const outcome = await service.handle("7", { type: "command", name: "report" });
    expect(outcome.kind).toBe("replies");
    expect(warnings).toEqual([expect.stringContaining("restarting")]);
    const record = await store.reports.getReport(KEY);
    expect(record?.report.values["t2.licensing"]).toBe(64);
    expect((record?.interview as { format: string }).format).toBe("nianbao.interview/1");
  });

  it("keeps the report once in the record, and reads a state stored with a copy of it (older files)", async () => {
    await service.handle("7", { type: "text", text: "奉化区应急管理局" });
    const kept = await store.reports.getReport(KEY);
    expect(kept?.interview).toBeTypeOf("object");
    expect(kept?.interview).not.toHaveProperty("report");
    // An older file: the state carried its own (here stale) copy of the report.
    await store.reports.updateReport(KEY, (record) => ({ ...record, report: { ...record.report, values: { "t2.rules.inForce": 9 } }, interview: { ...(record.interview as object), report: record.report } }), { by: "test", at: "2022-01-10T03:00:00Z" });
    await store.close();
    store = await openStore({ dataDir: dir, logger: silentLogger });
    service = createInterviewService(appWith(personalWorkspaces(store)));
    const before = await store.reports.getReport(KEY);
    // A step that moves on saves the state: built on the record's report, the 9 survives.
    await service.handle("7", { type: "command", name: "skip" });
    const record = await store.reports.getReport(KEY);
    expect(warnings).toEqual([]);
    expect(record?.revision).toBe((before?.revision ?? 0) + 1);
    expect(record?.report.values["t2.rules.inForce"]).toBe(9);
    expect(record?.interview).not.toHaveProperty("report");
  });

  it("starts from last year's agency and offers last year to the engine, not its figures", async () => {
    const lastYear = busyReport(2020);
    lastYear.meta.region = "奉化区";
    await store.user("7").update((s) => ({ ...s, agency: "奉化区应急管理局" }));
    await store.reports.updateReport({ departmentId: "p7", year: 2020 }, (r) => ({ ...r, report: lastYear }), { by: "test", at: "2021-01-10T03:00:00Z" });
    await service.handle("7", { type: "command", name: "start" });
    const record = await store.reports.getReport(KEY);
    expect(record?.report.meta).toEqual({ agency: "奉化区应急管理局", year: 2021, region: "奉化区" });
    expect(record?.report.values).toEqual({});
  });

  it("renders documents with a versioned name", async () => {
    await service.handle("7", { type: "text", text: "奉化区应急管理局" });
    const outcome = await service.handle("7", { type: "command", name: "export" });
    const doc = outcome.kind === "replies" ? outcome.replies.find((r) => r.kind === "document") : undefined;
    const revision = (await store.reports.getReport(KEY))?.revision;
    expect(doc?.kind === "document" && doc.fileName).toBe(`奉化区应急管理局2021年政府信息公开工作年度报告-草稿-v${revision}.docx`);
    expect(doc?.kind === "document" && Buffer.from(doc.bytes).subarray(0, 2).toString()).toBe("PK");
    expect(documentFileName({ format: "nianbao.report/1", meta: { agency: "a/b", year: 2021 }, text: {}, values: {} }, true, 4)).toBe("a_b2021年政府信息公开工作年度报告-定稿-v4.docx");
    expect(checkAgency("奉化区应急管理局")).toEqual({ ok: true, agency: "奉化区应急管理局" });
  });
});
