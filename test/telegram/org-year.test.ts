// Issue 11 item 2: in organisation mode the office decides the year being collected. The officer
// cannot change it (the office's year is offered; earlier years through /export <year>), and
// /status, /submit, /summary and /export all speak of the same year as the report itself.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startInterview } from "../../src/core/interview/engine.ts";
import { busyReport } from "../support/report-builders.ts";
import { callbackQuery, textMessage, textOf, user } from "../support/bot-harness.ts";
import { readDocx } from "../support/docx-xml.ts";
import { buttonsOf, codeOf, startWorld, type World } from "./supervision-support.ts";

const admin = user({ id: 9001, first_name: "管理员" });
const supervisor = user({ id: 9101, first_name: "公开办" });
const officer = user({ id: 9201, first_name: "应急" });
const agency = "奉化区应急管理局";

let w: World;
beforeAll(async () => {
  // 2025-01-20 in Shanghai: the office collects the 2024 reports.
  w = await startWorld("2025-01-20T02:00:00Z");
});
afterAll(() => w.close());

const say = async (text: string, from = admin) => textOf((await w.h.send(textMessage(text, from)))[0]);
const lastTo = (id: number) => w.h.api.messagesTo(id).at(-1);
const allTo = (id: number) => w.h.api.messagesTo(id);

describe("organisation mode: one year for everything", () => {
  it("offers the office's year and refuses another, typed or forged", async () => {
    await say("/addoffice 奉化区政务公开办");
    await say(`/adddept o1 ${agency}`);
    await say(`/start ${codeOf(await say("/invite o1 supervisor"))}`, supervisor);
    await say(`/start ${codeOf(await say(`/invite ${agency} officer`))}`, officer);
    const question = allTo(officer.id).find((call) => textOf(call).includes("信息是否正确"));
    expect(textOf(question)).toContain("报告年度：2024年");
    expect(textOf(question)).toContain("/export");
    const buttons = buttonsOf(question);
    expect(buttons.map((b) => b.text)).not.toContain("修改年度");

    await say("2021", officer);
    expect(textOf(lastTo(officer.id))).toContain("由政务公开办统一确定");
    const ok = buttons.find((b) => b.callback_data.endsWith(":m:ok"))?.callback_data ?? "";
    await w.h.send(callbackQuery(ok.replace(/:m:ok$/u, ":m:year"), officer));
    expect(allTo(officer.id).map(textOf).join("\n")).not.toContain("请发送报告年度");
    const stored = await w.app.store.reports.getReport({ departmentId: "d1", year: 2024 });
    expect(stored?.report.meta.year).toBe(2024);
  });

  it("a report stored under 2024 that names 2021 is filed, submitted, summed and exported as 2024", async () => {
    const report = { ...busyReport(2021), meta: { agency, year: 2021 } };
    const interview = startInterview({ agency, year: 2021 }, { prefill: report });
    const { report: _dropped, ...kept } = { ...interview, metaConfirmed: true, current: "finish" };
    await w.app.store.reports.updateReport({ departmentId: "d1", year: 2024 }, () => ({ report, status: "draft", interview: kept }), { by: "test", at: w.clock.now });

    await say("/export", officer);
    const document = allTo(officer.id).filter((call) => call.method === "sendDocument").at(-1);
    expect(document?.files[0]?.filename).toMatch(/^奉化区应急管理局2024年政府信息公开工作年度报告-定稿-v\d+\.docx$/u);
    const content = await readDocx(document?.files[0]?.bytes ?? new Uint8Array());
    expect(content.paragraphs[0]?.text).toBe("奉化区应急管理局\n2024年政府信息公开工作年度报告"); // a long title breaks after the body (GB/T 9704)

    expect(await say("/submit", officer)).toBe(`已报送「${agency}」2024 年度年报，政务公开办审核后会通知您。`);
    expect(textOf(lastTo(supervisor.id))).toBe(`「${agency}」已报送 2024 年度政府信息公开工作年度报告，请审核。`);
    expect(await say("/status", supervisor)).toContain(`🟢 ${agency}：已报送`);

    await w.h.send(callbackQuery("sv:sum:s:2024", supervisor));
    const summary = allTo(supervisor.id).filter((call) => call.method === "sendMessage").at(-1);
    expect(textOf(summary)).toContain("已汇总 1 个部门");

    await say("/export 2024", officer);
    const again = allTo(officer.id).filter((call) => call.method === "sendDocument").at(-1);
    expect(again?.files[0]?.filename).toMatch(/^奉化区应急管理局2024年政府信息公开工作年度报告/u);
    const stored = await w.app.store.reports.getReport({ departmentId: "d1", year: 2024 });
    expect(stored?.report.meta.year).toBe(2024);
  });
});
