// The seed report (a real 2021 report of 奉化区应急管理局) filled in DingTalk through the real
// Stream SDK and robot API against the fake DingTalk, from the first message to the final .docx,
// which is read back with the importer and compared — the Telegram scenario over another door.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { importReport } from "../../src/core/import/import-report.ts";
import { INPUT_CELL_IDS } from "../../src/core/report/cells.ts";
import type { Report } from "../../src/core/report/schema.ts";
import type { SentMessage } from "../support/fake-dingtalk.ts";
import { openDingOfficer, type DingOfficer } from "./dingtalk-harness.ts";

const seed = JSON.parse(readFileSync(join(import.meta.dirname, "..", "fixtures", "seed-2021.report.json"), "utf8")) as Report;
const text = (id: string): string => seed.text[id] ?? "";

let officer: DingOfficer | undefined;
afterEach(async () => officer?.close());

/** Answers the seed's interview; `between` runs after each step (faults, reconnects). */
export async function answerSeed(o: DingOfficer, between: (step: number) => Promise<void> = async () => undefined): Promise<SentMessage[]> {
  const steps: (() => Promise<SentMessage[]>)[] = [
    () => o.tap("正确"),
    () => o.tap("否"),
    ...["0", "0", "64", "83", "0", "0"].map((answer) => () => o.say(answer)),
    () => o.tap("否"),
    () => o.tap("全部填0"),
    () => o.tap("否"),
    () => o.tap("全部填0"),
    () => o.say(["一、总体情况", text("s1.summary"), `（一）主动公开情况。${text("s1.active")}`, `（二）依申请公开情况。${text("s1.onRequest")}`,
      `（三）政府信息管理情况。${text("s1.management")}`, `（四）政府信息公开平台建设情况。${text("s1.platform")}`, `（五）监督保障情况。${text("s1.oversight")}`].join("\n")),
    () => o.say(text("s5.problems")),
    () => o.say(text("s6.other")),
  ];
  let last: SentMessage[] = [];
  for (const [i, run] of steps.entries()) {
    last = await run();
    await between(i);
  }
  return last;
}

export async function finalDocument(o: DingOfficer, messages: readonly SentMessage[]): Promise<{ fileName: string; report: Report }> {
  const file = messages.find((m) => m.msgKey === "sampleFile");
  const upload = o.fake.uploads.get(file?.param["mediaId"] ?? "");
  if (file === undefined || upload === undefined) throw new Error(`no file among: ${o.texts(messages).join(" | ")}`);
  const imported = await importReport({ name: upload.fileName, bytes: upload.bytes });
  if (!imported.ok) throw new Error(`import failed: ${imported.reason}`);
  return { fileName: file.param["fileName"] ?? "", report: imported.report };
}

export function expectSeed(report: Report): void {
  for (const id of INPUT_CELL_IDS) expect([id, report.values[id]]).toEqual([id, seed.values[id]]);
  expect(report.text).toEqual(seed.text);
  expect(report.meta).toMatchObject({ agency: "奉化区应急管理局", year: 2021 });
}

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
    expect(o.interactions).toBeLessThanOrEqual(25);
  }, 60_000);
});
