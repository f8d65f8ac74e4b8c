// End to end over the fake Bot API with several people in one run: an admin builds the office and
// invites; two officers submit (answers prefilled through the store and the engine, submission
// through the bot); a return on one cell reaches the officer with a button that opens exactly
// that question; resubmit, approve, reopen; the supervisor's pings, /status and /summary files.
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { importReport } from "../../src/core/import/import-report.ts";
import { startInterview } from "../../src/core/interview/engine.ts";
import { PLAN } from "../../src/core/interview/plan.ts";
import { InterviewStateSchema } from "../../src/core/interview/state.ts";
import { INPUT_CELL_IDS } from "../../src/core/report/cells.ts";
import { T3_COLUMNS, T3_ROWS, t3CellId, t3RowLabel } from "../../src/core/report/format.ts";
import type { Report } from "../../src/core/report/schema.ts";
import { busyReport, withValues, zeroReport } from "../support/report-builders.ts";
import { callbackQuery, textMessage, textOf, user } from "../support/bot-harness.ts";
import { readDocx } from "../support/docx-xml.ts";
import { buttonsOf, codeOf, startWorld, type World } from "./supervision-support.ts";

const admin = user({ id: 9001, first_name: "管理员" });
const supervisor = user({ id: 9101, first_name: "公开办" });
const officerA = user({ id: 9201, first_name: "应急" });
const officerB = user({ id: 9202, first_name: "教育" });

let w: World;
beforeAll(async () => {
  // 2025-01-20 10:00 Shanghai: the 2024 reports are due on 2025-01-31.
  w = await startWorld("2025-01-20T02:00:00Z");
});
afterAll(() => w.close());

const say = async (text: string, from = admin) => textOf((await w.h.send(textMessage(text, from)))[0]);
const lastTo = (id: number) => w.h.api.messagesTo(id).at(-1);

async function prefill(departmentId: string, report: Report): Promise<void> {
  const interview = startInterview({ agency: report.meta.agency ?? "", year: 2024 }, { prefill: report });
  await w.app.store.reports.updateReport({ departmentId, year: 2024 }, () => ({ report, status: "draft", interview }), { by: "test", at: w.clock.now });
}

const agencyA = "奉化区应急管理局";
const agencyB = "奉化区教育局";
const reportA = { ...busyReport(2024), meta: { agency: agencyA, year: 2024 } };
const reportB = { ...zeroReport(2024), meta: { agency: agencyB, year: 2024 } };

describe("supervision over the bot", () => {
  it("an admin creates the office, two departments and three invitations; each link is redeemed once", async () => {
    expect(await say("/addoffice 奉化区政务公开办")).toBe("已添加单位「奉化区政务公开办」（编号 o1）。");
    expect(await say(`/adddept o1 ${agencyA}`)).toBe(`已在「奉化区政务公开办」下添加部门「${agencyA}」（编号 d1）。`);
    expect(await say(`/adddept 奉化区政务公开办 ${agencyB}`)).toBe(`已在「奉化区政务公开办」下添加部门「${agencyB}」（编号 d2）。`);
    const supLink = await say("/invite o1 supervisor");
    expect(supLink).toContain("邀请加入：奉化区政务公开办");
    expect(supLink).toMatch(/https:\/\/t\.me\/nianbao_test_bot\?start=[A-Za-z0-9_-]{22}\n/);
    const linkA = await say(`/invite ${agencyA} officer`);
    const linkB = await say("/invite d2 officer 3d");
    expect(await say(`/start ${codeOf(supLink)}`, supervisor)).toBe("欢迎！您已作为政务公开办工作人员加入「奉化区政务公开办」。\n发送 /status 查看各部门进度，发送 /summary 汇总数据。");
    expect(await say(`/start ${codeOf(linkA)}`, officerA)).toContain(`欢迎！您已作为部门填报人加入「${agencyA}」。`);
    // The first question comes at once (issue 11 item 5), not "send /report".
    const joined = w.h.api.messagesTo(officerA.id).map(textOf).join("\n");
    expect(joined).toContain("信息是否正确");
    expect(joined).not.toContain("发送 /report 开始填写");
    expect(await say(`/start ${codeOf(linkB)}`, officerB)).toContain(`加入「${agencyB}」`);
    // Nothing answered yet: /report starts, it does not "continue where you left off".
    const first = await say("/report", officerB);
    expect(first).toContain("开始填写");
    expect(first).not.toContain("从上次停下的地方继续");
    expect(await say(`/start ${codeOf(linkB)}`, user({ id: 9999 }))).toBe("该邀请链接已被使用过，请重新索取。");
    expect(await say("/orgs")).toBe(`🏛 奉化区政务公开办（o1）：工作人员 1 人，未使用的邀请 0 个\n  · ${agencyA}（d1）：填报人 1 人\n  · ${agencyB}（d2）：填报人 1 人`);
  });

  it("an incomplete report is refused with what is missing; complete ones reach the supervisor", async () => {
    await prefill("d1", withValues(reportA, { "t3.new.natural": undefined }));
    const refused = await say("/submit", officerA);
    expect(refused).toBe("还不能报送：0 处必须改正的错误，1 项尚未填写。\n○ 未填写：一、本年新收政府信息公开申请数量·自然人");
    expect(w.h.api.messagesTo(supervisor.id)).toHaveLength(1); // only the welcome

    await prefill("d1", reportA);
    await prefill("d2", reportB);
    expect(await say("/submit", officerA)).toBe(`已报送「${agencyA}」2024 年度年报，政务公开办审核后会通知您。`);
    const ping = lastTo(supervisor.id);
    expect(textOf(ping)).toBe(`「${agencyA}」已报送 2024 年度政府信息公开工作年度报告，请审核。`);
    expect(buttonsOf(ping).map((b) => b.callback_data)).toEqual(["sv:ap:d1:2024", "sv:rt:d1:2024", "sv:dl:d1:2024"]);
    expect(await say("/submit", officerB)).toContain("已报送");
    expect(textOf(lastTo(supervisor.id))).toBe(`「${agencyB}」已报送 2024 年度政府信息公开工作年度报告，请审核。`);
    expect(await say("/submit", officerB)).toBe("年报当前状态为「已报送」，不能进行此操作。");
  });

  it("a submitted report is frozen: the officer can look but not change a figure", async () => {
    const key = { departmentId: "d1", year: 2024 };
    const before = await w.app.store.reports.getReport(key);
    expect(before?.status).toBe("submitted");
    await say("/edit t2.penalty", officerA);
    expect(await say("999", officerA)).toContain("年报已报送");
    const after = await w.app.store.reports.getReport(key);
    expect(after?.report.values).toEqual(before?.report.values);
    expect(after?.status).toBe("submitted");
  });

  it("/status shows the board of the office", async () => {
    const board = await say("/status", supervisor);
    const lines = board.split("\n");
    expect(lines[0]).toBe("奉化区政务公开办 · 2024 年度年报 · 截止 2025-01-31（还有 11 天）");
    expect(lines.slice(1, 3).sort()).toEqual([
      `🟢 ${agencyA}：已报送 ${INPUT_CELL_IDS.length}/${INPUT_CELL_IDS.length}，01-20`,
      `🟢 ${agencyB}：已报送 ${INPUT_CELL_IDS.length}/${INPUT_CELL_IDS.length}，01-20`,
    ]);
    expect(lines[3]).toBe("已报送 2 · 未报送 0 · 逾期 0");
  });

  it("a return on one cell reaches the officer with a button that opens exactly that question", async () => {
    await w.h.send(callbackQuery("sv:rt:d1:2024", supervisor));
    const sections = buttonsOf(lastTo(supervisor.id));
    expect(sections.map((b) => b.text)).toContain("三、收到和处理政府信息公开申请情况");
    const s3 = sections.find((b) => b.text.startsWith("三、"))?.callback_data ?? "";
    await w.h.send(callbackQuery(s3, supervisor));
    const rows = buttonsOf(lastTo(supervisor.id));
    const newRow = rows.find((b) => b.text === t3RowLabel(T3_ROWS.find((row) => row.key === "new")!));
    expect(newRow).toBeDefined();
    await w.h.send(callbackQuery(newRow?.callback_data ?? "", supervisor));
    expect(textOf(lastTo(supervisor.id))).toMatch(/^请输入退回意见（针对：/);
    expect(await say("自然人新收申请数与登记台账不一致，请核对。", supervisor)).toBe(`已将「${agencyA}」2024 年度年报退回修改。`);

    const message = lastTo(officerA.id);
    expect(textOf(message)).toMatch(/^您部门的 2024 年度年报被退回修改。需修改：.*本年新收政府信息公开申请数量.*。\n意见：自然人新收申请数与登记台账不一致，请核对。$/);
    const [button] = buttonsOf(message);
    expect(button?.text).toBe("去修改");
    // Tapping it (through the bot, as the officer would) opens the question of the t3 "new" row.
    await w.h.send(callbackQuery(button?.callback_data ?? "", officerA));
    expect(textOf(lastTo(officerA.id))).toContain("请填写「一、本年新收政府信息公开申请数量」");
    const stored = await w.app.store.reports.getReport({ departmentId: "d1", year: 2024 });
    // The record keeps the state without its report (the record's own `report` is the one).
    expect(stored?.interview).not.toHaveProperty("report");
    const state = InterviewStateSchema.parse({ ...(stored?.interview as object), report: stored?.report });
    const question = PLAN.find((candidate) => "cells" in candidate && candidate.cells.includes("t3.new.natural"));
    expect(state.current).toBe(question?.id);
    expect(stored?.status).toBe("returned");
  });

  it("the officer fixes and resubmits, the supervisor approves, the officer reopens: each step pings", async () => {
    // One more request received and granted keeps the balance (三 = 二 + 四).
    const fixed = withValues(reportA, { "t3.new.natural": 8, "t3.granted.natural": 2 });
    await w.app.store.reports.updateReport({ departmentId: "d1", year: 2024 }, (record) => ({ ...record, report: fixed }), { by: "test", at: w.clock.now });
    // The final document of the fixed report comes with 报送 as a button (issue 11 item 5).
    await say("/export", officerA);
    // 一（二） still says 57 applications: the officer confirms the warning, and the final document comes.
    const confirm = buttonsOf(lastTo(officerA.id)).find((b) => b.text === "✅ 确认 1");
    await w.h.send(callbackQuery(confirm?.callback_data ?? "", officerA));
    const offer = w.h.api.messagesTo(officerA.id).filter((call) => buttonsOf(call).some((b) => b.text === "📤 报送")).at(-1);
    expect(offer).toBeDefined();
    const submit = buttonsOf(offer).find((b) => b.text === "📤 报送");
    await w.h.send(callbackQuery(submit?.callback_data ?? "", officerA));
    expect(textOf(lastTo(officerA.id))).toContain("已报送");
    expect(textOf(lastTo(supervisor.id))).toBe(`「${agencyA}」已按退回意见修改并重新报送 2024 年度年报，请审核。`);

    await w.h.send(callbackQuery("sv:ap:d1:2024", supervisor));
    expect(textOf(lastTo(supervisor.id))).toBe(`已审核通过「${agencyA}」2024 年度年报。`);
    expect(textOf(lastTo(officerA.id))).toBe("您部门的 2024 年度年报已审核通过。");
  });

  it("/summary of submitted reports adds up both departments in the .docx and the .xlsx", async () => {
    await say("/summary", supervisor);
    expect(buttonsOf(lastTo(supervisor.id)).map((b) => b.callback_data)).toEqual(["sv:sum:s:2024", "sv:sum:a:2024"]);
    const before = w.h.api.messagesTo(supervisor.id).length;
    await w.h.send(callbackQuery("sv:sum:s:2024", supervisor));
    const sent = w.h.api.messagesTo(supervisor.id).slice(before);
    expect(sent.map((call) => call.method)).toEqual(["sendMessage", "sendDocument", "sendDocument"]);
    expect(textOf(sent[0])).toBe("奉化区政务公开办 2024 年度汇总（仅已报送）：已汇总 2 个部门。");
    const a = withValues(reportA, { "t3.new.natural": 8, "t3.granted.natural": 2 }).values;
    const b = reportB.values;
    const expected = (id: string): number => (a[id] ?? NaN) + (b[id] ?? NaN);

    const docx = sent[1]?.files[0];
    expect(docx?.filename).toBe("奉化区政务公开办2024年政府信息公开工作年度报告（汇总）.docx");
    const content = await readDocx(docx?.bytes ?? new Uint8Array());
    // Set on two lines, broken after the office (GB/T 9704 title layout).
    expect(content.paragraphs[0]?.text).toBe("奉化区政务公开办\n2024年政府信息公开工作年度报告（汇总）");
    expect(content.headers.join("")).toBe(""); // complete: not a draft
    const imported = await importReport({ name: "summary.docx", bytes: docx?.bytes ?? new Uint8Array() });
    expect(imported.ok).toBe(true);
    if (!imported.ok) return;
    for (const id of INPUT_CELL_IDS) expect(imported.report.values[id], id).toBe(expected(id));
    expect(imported.report.values["t2.licensing"]).toBe(640);
    expect(imported.report.values["t3.new.natural"]).toBe(8);

    const xlsx = sent[2]?.files[0];
    expect(xlsx?.filename).toBe("奉化区政务公开办2024年政府信息公开工作年度报告（汇总）.xlsx");
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(xlsx?.bytes ?? new Uint8Array()) as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet("表三");
    let checked = 0;
    sheet?.eachRow((row) => {
      const t3Row = T3_ROWS.find((candidate) => t3RowLabel(candidate) === row.getCell(1).value);
      if (t3Row === undefined) return;
      T3_COLUMNS.forEach((column, i) => {
        const id = t3CellId(t3Row.key, column.key);
        if (!INPUT_CELL_IDS.includes(id)) return;
        expect(row.getCell(i + 2).value, id).toBe(expected(id));
        checked += 1;
      });
    });
    expect(checked).toBeGreaterThan(100);
  });

  it("reopening an approved report tells the supervisor; the pings came in order", async () => {
    expect(await say("/reopen 需要补充行政复议数据", officerA)).toBe("已重新打开 2024 年度年报，可以继续修改；改好后请发送 /submit 重新报送。");
    const pings = w.h.api.messagesTo(supervisor.id).map(textOf).filter((text) => text.startsWith("「"));
    expect(pings).toEqual([
      `「${agencyA}」已报送 2024 年度政府信息公开工作年度报告，请审核。`,
      `「${agencyB}」已报送 2024 年度政府信息公开工作年度报告，请审核。`,
      `「${agencyA}」已按退回意见修改并重新报送 2024 年度年报，请审核。`,
      `「${agencyA}」重新打开了已审核通过的 2024 年度年报，正在修改。说明：需要补充行政复议数据`,
    ]);
    const board = await say("/status", supervisor);
    expect(board).toContain(`⚪ ${agencyA}：填写中`);
    expect(board).toContain("已报送 1 · 未报送 1 · 逾期 0");
  });
});
