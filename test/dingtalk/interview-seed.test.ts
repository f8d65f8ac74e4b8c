// The seed report (a real 2021 report of 奉化区应急管理局) filled in DingTalk through the real
// Stream SDK and robot API against the fake DingTalk, from the first message to the final .docx,
// which is read back with the importer and compared — the Telegram scenario over another door.
import { afterEach, describe, expect, it } from "vitest";
import { openDingOfficer, type DingOfficer } from "./dingtalk-harness.ts";
import { answerSeed, expectSeed, finalDocument, seed } from "./seed-steps.ts";

let officer: DingOfficer | undefined;
afterEach(async () => officer?.close());

describe("DingTalk: the seed report end to end", () => {
  it("goes from the first message to a final .docx that reads back as the seed", async () => {
    const o = (officer = await openDingOfficer({ now: "2022-01-10T02:00:00.000Z" }));
    const first = await o.say("你好");
    expect(first.map((m) => m.msgKey)).toEqual(["sampleMarkdown"]);
    expect(o.texts(first)[0]).toContain("单位的全称");
    const intro = await o.say("奉化区应急管理局");
    expect(o.texts(intro).join("\n")).toContain("奉化区应急管理局2021年政府信息公开工作年度报告");
    const last = await answerSeed(o);

    const { fileName, report } = await finalDocument(o, last);
    expect(fileName).toMatch(/^奉化区应急管理局2021年政府信息公开工作年度报告-定稿-v\d+\.docx$/);
    expectSeed(report);
    const record = await o.store.reports.getReport({ departmentId: "pdingtalk-manager4242", year: 2021 });
    expect(record?.report.values).toEqual(seed.values);
    expect(record?.history.some((entry) => entry.cell === "t2.licensing" && entry.new === 64 && entry.by === "dingtalk-manager4242")).toBe(true);

    // Every callback acknowledged; every message DingTalk's: Markdown, cards, files, no HTML.
    expect(o.fake.unacked()).toEqual([]);
    for (const m of o.fake.sent) {
      expect(m.userId).toBe("manager4242");
      expect(m.param["text"] ?? "").not.toMatch(/<\/?(b|i|pre|code|a)\b|&(amp|lt|gt);/u);
    }
    expect(o.fake.calls.filter((c) => c.status >= 400)).toEqual([]);
    console.info(`seed report via DingTalk: ${o.interactions} interactions, ${o.fake.sent.length} messages sent`);
    const counted = o.interactions;
    // Any stored year comes back on request as a file, with a versioned name.
    const again = (await o.say("/export 2021")).find((m) => m.msgKey === "sampleFile");
    expect(again?.param["fileName"]).toMatch(/2021年政府信息公开工作年度报告.*v\d+\.docx$/u);
    expect(again?.param["fileType"]).toBe("docx");
    o.interactions = counted;
    expect(o.interactions).toBeLessThanOrEqual(25);
  }, 60_000);
});
