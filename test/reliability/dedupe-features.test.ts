// The update-id dedupe beyond the interview: an invitation, a submission, an approval and a return
// comment delivered twice (a crash before Telegram or intake.json knew they were done) change the
// stored state once, and the repeat gets the same answer instead of a refusal.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startInterview } from "../../src/core/interview/engine.ts";
import type { Report } from "../../src/core/report/schema.ts";
import { callbackQuery, textMessage, textOf, user } from "../support/bot-harness.ts";
import { busyReport } from "../support/report-builders.ts";
import { codeOf, startWorld, type World } from "../telegram/supervision-support.ts";

const admin = user({ id: 9001 });
const supervisor = user({ id: 9101 });
const officer = user({ id: 9201 });

let w: World;
beforeAll(async () => {
  w = await startWorld("2025-01-20T02:00:00Z");
});
afterAll(() => w.close());

const say = async (text: string, from = admin) => textOf((await w.h.send(textMessage(text, from)))[0]);
/** Feeds the very same update twice, as a re-delivery would; returns the two first replies. */
async function twice(update: Parameters<World["h"]["send"]>[0]): Promise<[string, string]> {
  const first = textOf((await w.h.send(update)).find((call) => call.method === "sendMessage"));
  const second = textOf((await w.h.send(update)).find((call) => call.method === "sendMessage"));
  return [first, second];
}
const history = async () => (await w.app.store.doc("lifecycle/d1.json", (await import("zod")).z.any(), {}).read()) as { years: Record<string, { action: string }[]> };

describe("re-delivered updates of the organisation features", () => {
  it("an invitation redeemed by a re-delivered /start is the same redemption", async () => {
    await say("/addoffice 奉化区政务公开办");
    await say("/adddept o1 奉化区应急管理局");
    const supCode = codeOf(await say("/invite o1 supervisor"));
    const [first, second] = await twice(textMessage(`/start ${supCode}`, supervisor));
    expect(first).toContain("欢迎");
    expect(second).toBe(first);
    const officerCode = codeOf(await say("/invite d1 officer"));
    expect(await say(`/start ${officerCode}`, officer)).toContain("欢迎");
    // Another update with the used code is still refused.
    expect(await say(`/start ${supCode}`, supervisor)).toBe("该邀请链接已被使用过，请重新索取。");
    const org = await w.app.store.doc("org.json", (await import("zod")).z.any(), {}).read() as { members: unknown[] };
    expect(org.members).toHaveLength(2);
  });

  it("a submission and an approval delivered twice are made once and answered alike", async () => {
    const report: Report = { ...busyReport(2024), meta: { agency: "奉化区应急管理局", year: 2024 } };
    const interview = startInterview({ agency: "奉化区应急管理局", year: 2024 }, { prefill: report });
    await w.app.store.reports.updateReport({ departmentId: "d1", year: 2024 }, () => ({ report, status: "draft", interview }), { by: "test", at: w.clock.now });
    const [submitted, again] = await twice(textMessage("/submit", officer));
    expect(submitted).toContain("已报送");
    expect(again).toBe(submitted);
    const [approved, approvedAgain] = await twice(callbackQuery("sv:ap:d1:2024", supervisor));
    expect(approved).toContain("审核通过");
    expect(approvedAgain).toBe(approved);
    expect((await history()).years["2024"]?.map((event) => event.action)).toEqual(["submit", "approve"]);
    expect((await w.app.store.reports.getReport({ departmentId: "d1", year: 2024 }))?.status).toBe("approved");
  });

  it("a return comment delivered twice returns the report once", async () => {
    await say("/reopen 补充说明", officer);
    await say("/submit", officer);
    await w.h.send(callbackQuery("sv:rn:d1:2024", supervisor));
    const [returned, again] = await twice(textMessage("请补充第五部分", supervisor));
    expect(returned).toContain("退回");
    expect(again).toBe(returned);
    expect((await history()).years["2024"]?.map((event) => event.action)).toEqual(["submit", "approve", "reopen", "submit", "return"]);
  });
});
