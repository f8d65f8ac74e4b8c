// Idempotence: a Telegram update delivered twice (crash before the offset was confirmed, webhook
// retry) changes nothing the second time; the officer just sees the current question again.
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Update } from "grammy/types";
import { afterEach, describe, expect, it } from "vitest";
import type { App } from "../../src/app/app.ts";
import { createInterviewService } from "../../src/app/interview-service.ts";
import { personalWorkspaces } from "../../src/app/workspace.ts";
import { openStore, type Store } from "../../src/store/store.ts";
import { tickingClock } from "../app/interview-harness.ts";
import { officerUser, recordProblems, replyVersion, SCRIPT_LENGTH, versionOf } from "./script.ts";
import { openWorld, reportOf, scriptUpdates, type World } from "./world.ts";
import { storedFile } from "../support/stored-file.ts";

let world: World | undefined;
let cleanup: (() => Promise<void>) | undefined;
afterEach(async () => {
  await world?.close();
  world = undefined;
  await cleanup?.();
  cleanup = undefined;
});

const reportFile = (dir: string, officer: number): string => join(dir, "reports", `p${officerUser(officer).id}`, "2021.json");

async function serviceWorld(): Promise<{ store: Store; dir: string; app: App }> {
  const dir = await mkdtemp(join(tmpdir(), "nianbao-dedupe-"));
  const store = await openStore({ dataDir: dir, logger: { warn: () => undefined, error: () => undefined } });
  const app: App = { store, logger: { error: () => undefined, warn: () => undefined, info: () => undefined }, now: tickingClock("2022-01-10T02:00:00.000Z"), randomBytes: (n) => new Uint8Array(n), adminIds: [], botUsername: undefined, workspaces: personalWorkspaces(store) };
  cleanup = async () => {
    await store.close();
    await rm(dir, { recursive: true, force: true });
  };
  return { store, dir, app };
}

describe("interview service: update ids", () => {
  it("applies an update id once; the repeat stores nothing and re-asks the current question", async () => {
    const { dir, app, store } = await serviceWorld();
    const service = createInterviewService(app);
    await service.handle("5001", { type: "text", text: "测试第1号单位应急管理局" }, { updateId: 1 });
    await service.handle("5001", { type: "button", data: "v0:m:ok" }, { updateId: 2 });
    await service.handle("5001", { type: "text", text: "否" }, { updateId: 3 });
    await service.handle("5001", { type: "text", text: "11" }, { updateId: 4 });
    const before = await storedFile(store, reportFile(dir, 1));
    // 「11」 again under the same id would answer the NEXT question (行政规范性文件) without the dedupe.
    const again = await service.handle("5001", { type: "text", text: "11" }, { updateId: 4 });
    expect(await storedFile(store, reportFile(dir, 1))).toEqual(before);
    expect(again.kind).toBe("replies");
    const lines = again.kind === "replies" ? again.replies.flatMap((r) => (r.kind === "message" ? r.lines : [])) : [];
    expect(JSON.stringify(lines)).toContain("interview-ask");
    // A new update with the same text is a new answer.
    await service.handle("5001", { type: "text", text: "12" }, { updateId: 5 });
    const record = JSON.parse((await storedFile(store, reportFile(dir, 1))).toString("utf8")) as { report: { values: Record<string, number> }; handled: number[] };
    expect(record.report.values["t2.rules.inForce"]).toBe(11);
    expect(record.report.values["t2.normative.inForce"]).toBe(12);
    expect(record.handled).toEqual([1, 2, 3, 4, 5]);
  });

  it("records the update that named the agency with the first write of the report", async () => {
    const { dir, app, store } = await serviceWorld();
    const service = createInterviewService(app);
    await service.handle("5001", { type: "text", text: "测试第1号单位应急管理局" }, { updateId: 41 });
    expect((await store.reports.getReport({ departmentId: "p5001", year: 2021 }))?.handled).toEqual([41]);
    const before = await storedFile(store, reportFile(dir, 1));
    await service.handle("5001", { type: "text", text: "测试第1号单位应急管理局" }, { updateId: 41 });
    expect(await storedFile(store, reportFile(dir, 1))).toEqual(before);
    expect(versionOf(await store.reports.getReport({ departmentId: "p5001", year: 2021 }))).toBe(0);
  });

  it("without an update id (the console) every event counts", async () => {
    const { store, app } = await serviceWorld();
    const service = createInterviewService(app);
    await service.handle("5001", { type: "text", text: "测试第1号单位应急管理局" });
    await service.handle("5001", { type: "button", data: "v0:m:ok" });
    await service.handle("5001", { type: "text", text: "否" });
    await service.handle("5001", { type: "text", text: "11" });
    await service.handle("5001", { type: "text", text: "11" });
    const record = await store.reports.getReport({ departmentId: "p5001", year: 2021 });
    expect(record?.report.values["t2.normative.inForce"]).toBe(11);
    expect(record?.handled).toBeUndefined();
  });
});

describe("the bot: the same update twice", () => {
  it("leaves the store file byte-identical after the second handleUpdate of the same update object", async () => {
    const w = (world = await openWorld());
    const updates: Update[] = [];
    for (const update of scriptUpdates(1).slice(0, 6)) updates.push(await w.feed(update));
    const file = reportFile(w.dir, 1);
    const before = await storedFile(w.store, file);
    const sent = w.h.api.messagesTo(5001).length;
    const last = updates[updates.length - 1];
    if (last === undefined) throw new Error("no update");
    await w.h.bot.handleUpdate(last);
    expect(await storedFile(w.store, file)).toEqual(before);
    // The reply is sent again (the first one may never have arrived): the current question, same version.
    const replies = w.h.api.messagesTo(5001).slice(sent);
    expect(replies.length).toBeGreaterThan(0);
    expect(replies.map(replyVersion)).toContain(5);
  });

  it("absorbs every update delivered twice in a row and twice concurrently", async () => {
    const w = (world = await openWorld());
    const updates = scriptUpdates(4);
    for (const [k, update] of updates.entries()) {
      const full = await w.feed(update);
      if (k % 2 === 0) await w.h.bot.handleUpdate(full);
      else await Promise.all([w.h.bot.handleUpdate(full), w.h.bot.handleUpdate(full)]);
    }
    const record = await reportOf(w, 4);
    expect(recordProblems(4, record, SCRIPT_LENGTH - 1, SCRIPT_LENGTH - 1)).toEqual([]);
    expect(versionOf(record)).toBe(SCRIPT_LENGTH - 1);
    // One history entry per changed cell: nothing was applied twice.
    const cells = record?.history.map((entry) => entry.cell) ?? [];
    expect(cells.length).toBe(new Set(cells).size);
  });

  it("absorbs a whole batch re-delivered after a crash (getUpdates without a confirmed offset)", async () => {
    const w = (world = await openWorld());
    const first: Update[] = [];
    const updates = scriptUpdates(5);
    for (const update of updates.slice(0, 12)) first.push(await w.feed(update));
    const file = reportFile(w.dir, 5);
    const before = await storedFile(w.store, file);
    for (const update of first) await w.h.bot.handleUpdate(update);
    expect(await storedFile(w.store, file)).toEqual(before);
    for (const update of updates.slice(12)) await w.feed(update);
    expect(recordProblems(5, await reportOf(w, 5), SCRIPT_LENGTH - 1, SCRIPT_LENGTH - 1)).toEqual([]);
  });
});
