// The seed report's answers as a DingTalk officer gives them, and its final .docx read back:
// shared by the end-to-end and the reliability scenarios.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { expect } from "vitest";
import { importReport } from "../../src/core/import/import-report.ts";
import { INPUT_CELL_IDS } from "../../src/core/report/cells.ts";
import type { Report } from "../../src/core/report/schema.ts";
import type { SentMessage } from "../support/fake-dingtalk.ts";
import type { DingOfficer } from "./dingtalk-harness.ts";

export const seed = JSON.parse(readFileSync(join(import.meta.dirname, "..", "fixtures", "seed-2021.report.json"), "utf8")) as Report;
const text = (id: string): string => seed.text[id] ?? "";

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
    () => o.tap("按此保存"), // the split is shown before it is saved
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
