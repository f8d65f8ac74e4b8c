// Access over the bot: forged callbacks and /export naming another department, a supervisor of
// another office, and invitation codes that are guessed, reused or expired; strangers; imports.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createOrgService } from "../../src/app/org-service.ts";
import { busyReport, zeroReport } from "../support/report-builders.ts";
import { callbackQuery, document, textMessage, textOf, user } from "../support/bot-harness.ts";
import { codeOf, startWorld, type World } from "./supervision-support.ts";

const officerA = user({ id: 9201 });
const officerB = user({ id: 9202 });
const supervisorX = user({ id: 9101 });
const supervisorY = user({ id: 9102 });
const stranger = user({ id: 9301 });

let w: World;
const say = async (text: string, from = user({ id: 9001 })) => textOf((await w.h.send(textMessage(text, from)))[0]);
const last = (id: number) => textOf(w.h.api.messagesTo(id).at(-1));

beforeAll(async () => {
  w = await startWorld("2025-01-20T02:00:00Z");
  await say("/addoffice 甲区政务公开办");
  await say("/addoffice 乙区政务公开办");
  await say("/adddept o1 甲区应急管理局");
  await say("/adddept o1 甲区教育局");
  await say("/adddept o2 乙区水利局");
  for (const [target, role, who] of [["d1", "officer", officerA], ["d2", "officer", officerB], ["o1", "supervisor", supervisorX], ["o2", "supervisor", supervisorY]] as const) {
    await say(`/start ${codeOf(await say(`/invite ${target} ${role}`))}`, who);
  }
  for (const [departmentId, report] of [["d1", busyReport(2024)], ["d2", zeroReport(2024)]] as const) {
    await w.app.store.reports.updateReport({ departmentId, year: 2024 }, () => ({ report, status: "submitted" }), { by: "test", at: w.clock.now });
  }
});
afterAll(() => w.close());

describe("who may see and change what", () => {
  it("an officer cannot read, approve or return another department's report with forged callbacks", async () => {
    await w.h.send(callbackQuery("sv:dl:d2:2024", officerA));
    expect(last(officerA.id)).toBe("您没有查看该年报的权限。");
    await w.h.send(callbackQuery("sv:ap:d2:2024", officerA));
    expect(last(officerA.id)).toBe("只有政务公开办可以审核通过年报。");
    await w.h.send(callbackQuery("sv:rt:d2:2024", officerA));
    expect(last(officerA.id)).toBe("只有政务公开办可以退回年报。");
    expect((await w.app.store.reports.getReport({ departmentId: "d2", year: 2024 }))?.status).toBe("submitted");
  });

  it("an officer exports their own year with a versioned name, never another department's", async () => {
    expect(await say("/export 2024 d2", officerA)).toBe("您没有导出该年报的权限。");
    expect(await say("/export 2024 甲区教育局", officerA)).toBe("您没有导出该年报的权限。");
    const [sent] = await w.h.send(textMessage("/export 2024", officerA));
    expect(sent?.method).toBe("sendDocument");
    // Joining already opened the report (its first question came at once), so it is past revision 1.
    expect(sent?.files[0]?.filename).toMatch(/^测试区应急管理局2024年政府信息公开工作年度报告-v\d+\.docx$/u);
    expect(await say("/export 2019", officerA)).toBe("没有找到 2019 年度的年报。");
  });

  it("a supervisor sees only their own office", async () => {
    expect(await say("/status", supervisorY)).toContain("乙区政务公开办 · 2024 年度年报");
    expect(await say("/status", supervisorY)).not.toContain("甲区");
    await w.h.send(callbackQuery("sv:rt:d1:2024", supervisorY));
    expect(last(supervisorY.id)).toBe("只有政务公开办可以退回年报。");
    await w.h.send(callbackQuery("sv:ap:d1:2024", supervisorY));
    expect(last(supervisorY.id)).toBe("只有政务公开办可以审核通过年报。");
    await w.h.send(callbackQuery("sv:dl:d1:2024", supervisorY));
    expect(last(supervisorY.id)).toBe("您没有查看该年报的权限。");
    expect(await say("/export 2024 d1", supervisorY)).toBe("您没有导出该年报的权限。");
    expect(await say("/invite d1 officer", supervisorY)).toBe("您没有邀请他人的权限。");
    expect(await say("/adddept o1 乙区混入部门", supervisorY)).toBe("您没有管理单位和部门的权限。");
    expect(await say("/addoffice 丙区", supervisorX)).toBe("您没有管理单位和部门的权限。");
    expect((await w.app.store.reports.getReport({ departmentId: "d1", year: 2024 }))?.status).toBe("submitted");
  });

  it("officers and strangers cannot see a board", async () => {
    expect(await say("/status", officerA)).toBe("您不是任何政务公开办的工作人员。");
    expect(await say("/summary", stranger)).toBe("您不是任何政务公开办的工作人员。");
  });

  it("invitation codes cannot be guessed, reused or used after expiry", async () => {
    const link = await say("/invite d2 officer 1d");
    const code = codeOf(link);
    expect(code).toMatch(/^[A-Za-z0-9_-]{22}$/);
    // A guess: the same length and alphabet, one character off.
    const guess = `${code.slice(0, -1)}${code.endsWith("A") ? "B" : "A"}`;
    expect(await say(`/start ${guess}`, stranger)).toBe("邀请码无效，请向发出邀请的人重新索取链接。");
    expect(await say(`/start ${"x".repeat(80)}`, stranger)).toBe("邀请码无效，请向发出邀请的人重新索取链接。");
    // Only the hash is stored: org.json does not contain the code.
    expect(readFileSync(join(w.app.store.dataDir, "org.json"), "utf8")).not.toContain(code);
    w.clock.now = "2025-01-21T02:00:01Z";
    expect(await say(`/start ${code}`, stranger)).toBe("该邀请链接已过期，请重新索取。");
    w.clock.now = "2025-01-20T02:00:00Z";
    const fresh = codeOf(await say("/invite d2 officer"));
    expect(await say(`/start ${fresh}`, stranger)).toContain("欢迎！");
    expect(await say(`/start ${fresh}`, user({ id: 9302 }))).toBe("该邀请链接已被使用过，请重新索取。");
    const members = (await createOrgService(w.app).org()).members.filter((member) => member.userId === "9302");
    expect(members).toEqual([]);
  });

  it("someone without an invitation gets the explanation", async () => {
    expect(await say("/start", user({ id: 9400 }))).toContain("需要通过邀请链接加入");
  });

  it("an officer without history imports last year's report as approved, stored where the interview looks", async () => {
    const seed = readFileSync(join(import.meta.dirname, "..", "fixtures", "seed-2021.txt"));
    // Move the clock so the seed's year (2021) is last year of the campaign (2022, collected in 2023).
    w.clock.now = "2023-01-05T02:00:00Z";
    await w.h.send(document(w.h.api, seed, "2021年报.txt", officerB));
    expect(last(officerB.id)).toMatch(/^已导入 2021 年度年报（\d+ 个单元格），填写 2022 年度年报时将作为上年数据使用。$/);
    const stored = await w.app.store.reports.getReport({ departmentId: "d2", year: 2021 });
    expect(stored?.status).toBe("approved");
    const expected = JSON.parse(readFileSync(join(import.meta.dirname, "..", "fixtures", "seed-2021.report.json"), "utf8")) as { values: Record<string, number> };
    expect(stored?.report.values["t3.new.natural"]).toBe(expected.values["t3.new.natural"]);
    w.clock.now = "2025-01-20T02:00:00Z";
  });
});
