// A supervisor who has only DingTalk reviews a submission there: the ping is a card whose buttons
// read the .docx, return it at a row with a comment (the next message) or approve it, as Telegram's
// buttons do. The officer is on DingTalk too. An officer, or a supervisor of another office, typing
// the review commands changes nothing.
import { describe, expect, it } from "vitest";
import { importReport } from "../../src/core/import/import-report.ts";
import { startInterview } from "../../src/core/interview/engine.ts";
import { T3_ROWS, t3RowLabel } from "../../src/core/report/format.ts";
import type { Report } from "../../src/core/report/schema.ts";
import { translator } from "../../src/i18n.ts";
import { textMessage, textOf, user } from "../support/bot-harness.ts";
import type { SentMessage } from "../support/fake-dingtalk.ts";
import { busyReport, withValues } from "../support/report-builders.ts";
import { codeOf } from "../telegram/supervision-support.ts";
import { cardButtons, crossChannelWorld, tapContent } from "./dingtalk-harness.ts";

const admin = user({ id: 9001, first_name: "管理员" });
const SUPERVISOR = "sup0042";
const OFFICER = "staff0917";
const agency = "奉化区应急管理局";
const report = { ...busyReport(2024), meta: { agency, year: 2024 } };
const zh = translator("zh-CN");
const key = { departmentId: "d1", year: 2024 };

const world = crossChannelWorld("2025-01-20T02:00:00Z");

const say = async (text: string) => textOf((await world.w.h.send(textMessage(text, admin)))[0]);
/** What the sender got back (others' notices are read from world.fake.sent). */
async function ding(staffId: string, text: string, msgId?: string): Promise<SentMessage[]> {
  const before = world.fake.sent.length;
  await world.fake.deliver({ staffId, text, ...(msgId === undefined ? {} : { msgId }) });
  return world.fake.sent.slice(before).filter((m) => m.userId === staffId);
}
const textsOf = (messages: readonly SentMessage[]): string => messages.map((m) => m.param["text"] ?? "").join("\n");
const buttonsOf = (messages: readonly SentMessage[]): [string, string][] =>
  messages.flatMap((m) => cardButtons(m)).map(([title, url]) => [title, tapContent(url)]);
const tap = (messages: readonly SentMessage[], title: string): string => buttonsOf(messages).find(([label]) => label === title)?.[1] ?? `no button ${title}`;
const status = async () => (await world.w.app.store.reports.getReport(key))?.status;

async function store(value: Report): Promise<void> {
  const interview = startInterview({ agency, year: 2024 }, { prefill: value });
  await world.w.app.store.reports.updateReport(key, (record) => ({ report: value, status: record.revision === 0 ? "draft" : record.status, interview }), { by: "test", at: world.w.clock.now });
}

describe("DingTalk: a supervisor reviews a submission", () => {
  it("reads the .docx, returns it at a row with a comment, and approves the fixed report", async () => {
    await say("/addoffice 奉化区政务公开办");
    await say(`/adddept o1 ${agency}`);
    expect(textsOf(await ding(SUPERVISOR, codeOf(await say("/invite o1 supervisor"))))).toContain("欢迎");
    expect(textsOf(await ding(OFFICER, codeOf(await say("/invite d1 officer"))))).toContain("欢迎");
    await store(report);

    // The officer submits; the supervisor's ping is one card with the three review buttons.
    const before = world.fake.sent.length;
    await ding(OFFICER, "/submit");
    const ping = world.fake.sent.slice(before).filter((m) => m.userId === SUPERVISOR);
    expect(textsOf(ping)).toBe(zh("sup-notify-submitted", { department: agency, year: "2024" }));
    expect(buttonsOf(ping)).toEqual([
      [zh("org-btn-approve"), "/approve d1 2024"],
      [zh("org-btn-return"), "/return d1 2024"],
      [zh("org-btn-download"), "/read d1 2024"],
    ]);

    // Read: the .docx comes as a file and reads back with the stored figures.
    const [file] = await ding(SUPERVISOR, tap(ping, zh("org-btn-download")));
    expect(file?.msgKey).toBe("sampleFile");
    const read = await importReport({ name: file?.param["fileName"] ?? "", bytes: world.fake.uploads.get(file?.param["mediaId"] ?? "")?.bytes ?? new Uint8Array() });
    expect(read.ok && read.report.values["t3.new.natural"]).toBe(report.values["t3.new.natural"]);

    // An officer typing the supervisor's commands is refused, and nothing changes.
    expect(textsOf(await ding(OFFICER, "/approve d1 2024"))).toBe(zh("sup-denied", { action: "approveReport" }));
    expect(textsOf(await ding(OFFICER, "/return d1 2024"))).toBe(zh("sup-denied", { action: "returnReport" }));
    expect(await status()).toBe("submitted");

    // Return: which section, which row, then the comment as the next message.
    const sections = await ding(SUPERVISOR, tap(ping, zh("org-btn-return")));
    expect(textsOf(sections)).toContain(zh("org-return-where"));
    const rows = await ding(SUPERVISOR, tap(sections, "三、收到和处理政府信息公开申请情况"));
    const rowLabel = t3RowLabel(T3_ROWS.find((row) => row.key === "new")!);
    const asked = await ding(SUPERVISOR, tap(rows, rowLabel));
    expect(textsOf(asked)).toBe(zh("org-return-comment", { where: rowLabel }));
    const officerSeen = world.fake.sent.length;
    const comment = "自然人新收申请数与登记台账不一致，请核对。";
    expect(textsOf(await ding(SUPERVISOR, comment, "msgcomment1"))).toBe(zh("org-returned-done", { department: agency, year: "2024" }));
    expect(await status()).toBe("returned");
    // The officer's card opens exactly that question.
    const returned = world.fake.sent.slice(officerSeen).filter((m) => m.userId === OFFICER);
    expect(textsOf(returned)).toContain("被退回修改");
    expect(textsOf(await ding(OFFICER, tapContent(cardButtons(returned[0]!)[0]?.[1] ?? "")))).toContain("本年新收政府信息公开申请数量");
    // The comment delivered again (same msgId, its ack lost): acked, not answered twice, nothing changes.
    const history = (await world.w.app.store.reports.getReport(key))?.revision;
    expect(await ding(SUPERVISOR, comment, "msgcomment1")).toEqual([]);
    expect((await world.w.app.store.reports.getReport(key))?.revision).toBe(history);

    // Fixed and resubmitted: the supervisor approves from the new card.
    await store(withValues(report, { "t3.new.natural": 8, "t3.granted.natural": 2 }));
    const resubmitted = world.fake.sent.length;
    await ding(OFFICER, "/submit");
    const again = world.fake.sent.slice(resubmitted).filter((m) => m.userId === SUPERVISOR);
    expect(textsOf(await ding(SUPERVISOR, tap(again, zh("org-btn-approve"))))).toBe(zh("org-approved-done", { department: agency, year: "2024" }));
    expect(await status()).toBe("approved");
    expect(textsOf(world.fake.sent.filter((m) => m.userId === OFFICER).slice(-1))).toContain("审核通过");
    expect(world.fake.unacked()).toEqual([]);
  }, 60_000);

  it("refuses a review of another office's department, typed or forged, and changes nothing", async () => {
    await say("/addoffice 鄞州区政务公开办");
    await say("/adddept o2 鄞州区司法局");
    const other = { departmentId: "d2", year: 2024 };
    const otherReport = { ...busyReport(2024), meta: { agency: "鄞州区司法局", year: 2024 } };
    await world.w.app.store.reports.updateReport(other, () => ({ report: otherReport, status: "submitted", interview: startInterview({ agency: "鄞州区司法局", year: 2024 }, { prefill: otherReport }) }), { by: "test", at: world.w.clock.now });
    const uploads = world.fake.uploads.size;
    expect(textsOf(await ding(SUPERVISOR, "/approve d2 2024"))).toBe(zh("sup-denied", { action: "approveReport" }));
    expect(textsOf(await ding(SUPERVISOR, "/read d2 2024"))).toBe(zh("sup-denied", { action: "viewReport" }));
    expect(textsOf(await ding(SUPERVISOR, "/return d2 2024 whole"))).toBe(zh("sup-denied", { action: "returnReport" }));
    expect(textsOf(await ding(SUPERVISOR, "不予通过"))).not.toContain("退回修改");
    expect((await world.w.app.store.reports.getReport(other))?.status).toBe("submitted");
    expect(world.fake.uploads.size).toBe(uploads);
  }, 60_000);
});
