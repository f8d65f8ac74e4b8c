// One organisation over two channels: the admin and the supervisor on Telegram (the real bot
// against the fake Bot API), the officer on DingTalk (the real Stream SDK against the fake
// DingTalk), one app on one store. Invitation → submit → ping → return at a cell → the officer's
// button opens that question → fix → resubmit → approve — each message on the recipient's channel.
import { describe, expect, it } from "vitest";
import { startInterview } from "../../src/core/interview/engine.ts";
import { T3_ROWS, t3RowLabel } from "../../src/core/report/format.ts";
import type { Report } from "../../src/core/report/schema.ts";
import { callbackQuery, textMessage, textOf, user } from "../support/bot-harness.ts";
import type { SentMessage } from "../support/fake-dingtalk.ts";
import { busyReport, withValues } from "../support/report-builders.ts";
import { buttonsOf, codeOf } from "../telegram/supervision-support.ts";
import { cardButtons, crossChannelWorld, tapContent } from "./dingtalk-harness.ts";

const admin = user({ id: 9001, first_name: "管理员" });
const supervisor = user({ id: 9101, first_name: "公开办" });
const STAFF = "staff0917";
const agency = "奉化区应急管理局";
const report = { ...busyReport(2024), meta: { agency, year: 2024 } };

const world = crossChannelWorld("2025-01-20T02:00:00Z");

const say = async (text: string, from = admin) => textOf((await world.w.h.send(textMessage(text, from)))[0]);
const lastTo = (id: number) => world.w.h.api.messagesTo(id).at(-1);
async function ding(text: string): Promise<SentMessage[]> {
  const before = world.fake.sent.length;
  await world.fake.deliver({ staffId: STAFF, text });
  return world.fake.sent.slice(before);
}
const textsOf = (messages: readonly SentMessage[]): string => messages.map((m) => m.param["text"] ?? "").join("\n");

async function store(value: Report): Promise<void> {
  const interview = startInterview({ agency, year: 2024 }, { prefill: value });
  await world.w.app.store.reports.updateReport({ departmentId: "d1", year: 2024 }, (record) => ({ report: value, status: record.revision === 0 ? "draft" : record.status, interview }), { by: "test", at: world.w.clock.now });
}

describe("supervision across channels: officer on DingTalk, supervisor on Telegram", () => {
  it("invites, submits, returns at a cell, fixes, resubmits and approves, each message on its person's channel", async () => {
    await say("/addoffice 奉化区政务公开办");
    await say(`/adddept o1 ${agency}`);
    const supLink = await say("/invite o1 supervisor");
    const officerLink = await say(`/invite d1 officer`);
    await say(`/start ${codeOf(supLink)}`, supervisor);

    // Before joining, the officer learns how; the code sent as a message joins them.
    expect(textsOf(await ding("你好"))).toContain("邀请");
    expect(textsOf(await ding(codeOf(officerLink)))).toContain(`欢迎！您已作为部门填报人加入「${agency}」。`);
    expect(textsOf(await ding(codeOf(officerLink)))).not.toContain("欢迎");

    await store(report);
    expect(textsOf(await ding("/submit"))).toContain(`已报送「${agency}」2024 年度年报`);
    const ping = lastTo(supervisor.id);
    expect(textOf(ping)).toBe(`「${agency}」已报送 2024 年度政府信息公开工作年度报告，请审核。`);
    expect(buttonsOf(ping).map((b) => b.callback_data)).toEqual(["sv:ap:d1:2024", "sv:rt:d1:2024", "sv:dl:d1:2024"]);

    // The supervisor returns it at one row, on Telegram.
    await world.w.h.send(callbackQuery("sv:rt:d1:2024", supervisor));
    const s3 = buttonsOf(lastTo(supervisor.id)).find((b) => b.text.startsWith("三、"))?.callback_data ?? "";
    await world.w.h.send(callbackQuery(s3, supervisor));
    const newRow = buttonsOf(lastTo(supervisor.id)).find((b) => b.text === t3RowLabel(T3_ROWS.find((row) => row.key === "new")!));
    await world.w.h.send(callbackQuery(newRow?.callback_data ?? "", supervisor));
    const before = world.fake.sent.length;
    expect(await say("自然人新收申请数与登记台账不一致，请核对。", supervisor)).toBe(`已将「${agency}」2024 年度年报退回修改。`);

    // The officer hears of it on DingTalk, with a card whose button opens exactly that question.
    const returned = world.fake.sent.slice(before);
    expect(returned.map((m) => [m.userId, m.msgKey])).toEqual([[STAFF, "sampleActionCard"]]);
    expect(returned[0]?.param["text"]).toMatch(/被退回修改。需修改：.*本年新收政府信息公开申请数量/u);
    const [[title, url] = ["", ""]] = cardButtons(returned[0]!);
    expect(title).toBe("去修改");
    expect(textsOf(await ding(tapContent(url)))).toContain("请填写「一、本年新收政府信息公开申请数量」");

    // Fixed (one more request received and granted keeps the balance), resubmitted, approved.
    await store(withValues(report, { "t3.new.natural": 8, "t3.granted.natural": 2 }));
    expect(textsOf(await ding("/submit"))).toContain("已报送");
    expect(textOf(lastTo(supervisor.id))).toBe(`「${agency}」已按退回意见修改并重新报送 2024 年度年报，请审核。`);
    const beforeApproval = world.fake.sent.length;
    await world.w.h.send(callbackQuery("sv:ap:d1:2024", supervisor));
    expect(textsOf(world.fake.sent.slice(beforeApproval))).toContain("审核通过");
    expect((await world.w.app.store.reports.getReport({ departmentId: "d1", year: 2024 }))?.status).toBe("approved");
    expect(world.fake.unacked()).toEqual([]);
  }, 60_000);
});
