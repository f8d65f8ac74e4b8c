// A supervisor on DingTalk (invited by an admin on Telegram, one app on one store): /status shows
// the office's board, /summary offers submitted/all on a card whose buttons send the command, and
// the summary comes back as text and as .docx and .xlsx files, read back here. Someone who is no
// supervisor is told so and gets nothing.
import JSZip from "jszip";
import { describe, expect, it } from "vitest";
import { importReport } from "../../src/core/import/import-report.ts";
import { startInterview } from "../../src/core/interview/engine.ts";
import { translator } from "../../src/i18n.ts";
import { textMessage, textOf, user } from "../support/bot-harness.ts";
import type { SentMessage } from "../support/fake-dingtalk.ts";
import { busyReport } from "../support/report-builders.ts";
import { codeOf } from "../telegram/supervision-support.ts";
import { cardButtons, crossChannelWorld, tapContent } from "./dingtalk-harness.ts";

const admin = user({ id: 9001, first_name: "管理员" });
const SUPERVISOR = "sup0042";
const agency = "奉化区应急管理局";
const zh = translator("zh-CN");

const world = crossChannelWorld("2025-01-20T02:00:00Z");

const say = async (text: string) => textOf((await world.w.h.send(textMessage(text, admin)))[0]);
async function ding(text: string, staffId = SUPERVISOR): Promise<SentMessage[]> {
  const before = world.fake.sent.length;
  await world.fake.deliver({ staffId, text });
  return world.fake.sent.slice(before);
}
const textsOf = (messages: readonly SentMessage[]): string => messages.map((m) => m.param["text"] ?? "").join("\n");

describe("DingTalk: a supervisor's /status and /summary", () => {
  it("shows the board, and sends the summary as text, .docx and .xlsx files", async () => {
    await say("/addoffice 奉化区政务公开办");
    await say(`/adddept o1 ${agency}`);
    await say("/adddept o1 奉化区司法局");
    expect(textsOf(await ding(codeOf(await say("/invite o1 supervisor"))))).toContain("欢迎");
    // One department's report is stored (a draft), the other has none.
    const report = { ...busyReport(2024), meta: { agency, year: 2024 } };
    await world.w.app.store.reports.updateReport({ departmentId: "d1", year: 2024 }, () => ({ report, status: "draft", interview: startInterview({ agency, year: 2024 }, { prefill: report }) }), { by: "test", at: world.w.clock.now });

    const board = textsOf(await ding("/status"));
    expect(board).toContain("奉化区政务公开办");
    expect(board).toContain(agency);
    expect(board).toContain("奉化区司法局");

    const choice = await ding("/summary");
    expect(choice).toHaveLength(1);
    expect(choice[0]?.param["text"]).toBe(zh("org-summary-choose", { year: "2024" }));
    const buttons = cardButtons(choice[0]!).map(([title, url]) => [title, tapContent(url)]);
    expect(buttons).toEqual([[zh("org-btn-summary-submitted"), "/summary 2024 submitted"], [zh("org-btn-summary-all"), "/summary 2024 all"]]);

    const made = await ding(buttons[1]?.[1] ?? "");
    const files = made.filter((m) => m.msgKey === "sampleFile").map((m) => ({ name: m.param["fileName"] ?? "", type: m.param["fileType"], bytes: world.fake.uploads.get(m.param["mediaId"] ?? "")?.bytes }));
    expect(files.map((f) => [f.name, f.type])).toEqual([["奉化区政务公开办2024年政府信息公开工作年度报告（汇总）.docx", "docx"], ["奉化区政务公开办2024年政府信息公开工作年度报告（汇总）.xlsx", "xlsx"]]);
    expect(textsOf(made)).toContain(zh("org-summary-draft"));
    // The .docx reads back with the one stored department's figures; the .xlsx is a real workbook.
    const docx = await importReport({ name: files[0]?.name ?? "", bytes: files[0]?.bytes ?? new Uint8Array() });
    if (!docx.ok) throw new Error(`summary .docx unreadable: ${docx.reason}`);
    expect(docx.report.values["t2.licensing"]).toBe(report.values["t2.licensing"]);
    const workbook = await JSZip.loadAsync(files[1]?.bytes ?? new Uint8Array());
    expect(Object.keys(workbook.files)).toContain("xl/workbook.xml");
    expect(world.fake.unacked()).toEqual([]);
  }, 60_000);

  it("a department's officer supervises no office: told so, and gets no board or file", async () => {
    expect(textsOf(await ding(codeOf(await say("/invite d1 officer")), "clerk0001"))).toContain("欢迎");
    expect(textsOf(await ding("/status", "clerk0001"))).toBe(zh("org-no-office"));
    const before = world.fake.uploads.size;
    expect(textsOf(await ding("/summary 2024 all", "clerk0001"))).toBe(zh("org-no-office"));
    expect(world.fake.uploads.size).toBe(before);
  }, 60_000);
});
