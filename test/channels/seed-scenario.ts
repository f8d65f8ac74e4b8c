// One behaviour, every transport: the seed report (a real 2021 report of 奉化区应急管理局) filled
// from the first message to the final .docx, read back with the importer and compared. A transport
// brings only a thin driver (channel-drivers.ts): send text, tap a button by its label, read the
// replies, fetch the document it sent. What the officer does and what must come out is said once here.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { expect } from "vitest";
import { importReport } from "../../src/core/import/import-report.ts";
import { INPUT_CELL_IDS } from "../../src/core/report/cells.ts";
import type { Report } from "../../src/core/report/schema.ts";
import type { Store } from "../../src/store/store.ts";

export const seed = JSON.parse(readFileSync(join(import.meta.dirname, "..", "fixtures", "seed-2021.report.json"), "utf8")) as Report;
const text = (id: string): string => seed.text[id] ?? "";

export interface SentDocument {
  readonly fileName: string;
  readonly bytes: Uint8Array;
}

/** What a transport must offer the scenario; each call is one officer interaction. */
export interface ChannelDriver {
  readonly channel: string;
  readonly store: Store;
  /** Who the officer is to the app (history's `by`) and where personal mode keeps the report. */
  readonly personId: string;
  readonly departmentId: string;
  readonly interactions: number;
  say(text: string): Promise<void>;
  /** Taps the button whose label contains `label` on the newest message that has one. */
  tap(label: string): Promise<void>;
  /** The texts the bot sent in answer to the last interaction. */
  replies(): string[];
  /** The last document sent in answer to the last interaction. */
  document(): Promise<SentDocument | undefined>;
}

/** The opening: any first message asks for the body's name; the name starts the 2021 report. */
export async function beginSeed(d: ChannelDriver, firstMessage: string): Promise<void> {
  await d.say(firstMessage);
  expect(d.replies().join("\n")).toContain("单位的全称");
  await d.say("奉化区应急管理局");
  expect(d.replies().join("\n")).toContain("奉化区应急管理局2021年政府信息公开工作年度报告");
}

/** Answers the seed's interview; `between` runs after each step (faults, reconnects). */
export async function answerSeed(d: ChannelDriver, between: (step: number) => Promise<void> = async () => undefined): Promise<void> {
  const steps: (() => Promise<void>)[] = [
    () => d.tap("正确"),
    () => d.tap("否"), // no 规章 / 规范性文件 issued or repealed
    ...["0", "0", "64", "83", "0", "0"].map((answer) => () => d.say(answer)),
    () => d.tap("否"), // no applications
    () => d.tap("全部填0"),
    () => d.tap("否"), // no 复议 / 诉讼
    () => d.tap("全部填0"),
    // 一 pasted as one message with its leads; 五 and 六 one message each.
    () => d.say(["一、总体情况", text("s1.summary"), `（一）主动公开情况。${text("s1.active")}`, `（二）依申请公开情况。${text("s1.onRequest")}`,
      `（三）政府信息管理情况。${text("s1.management")}`, `（四）政府信息公开平台建设情况。${text("s1.platform")}`, `（五）监督保障情况。${text("s1.oversight")}`].join("\n")),
    () => d.tap("按此保存"), // the split is shown before it is saved
    () => d.say(text("s5.problems")),
    () => d.say(text("s6.other")),
  ];
  for (const [i, run] of steps.entries()) {
    await run();
    await between(i);
  }
}

/** The final document of the last interaction, read back with the importer. */
export async function finalDocument(d: ChannelDriver): Promise<{ fileName: string; report: Report }> {
  const doc = await d.document();
  if (doc === undefined) throw new Error(`no document among: ${d.replies().join(" | ")}`);
  const imported = await importReport({ name: doc.fileName, bytes: doc.bytes });
  if (!imported.ok) throw new Error(`import failed: ${imported.reason}`);
  return { fileName: doc.fileName, report: imported.report };
}

export function expectSeed(report: Report): void {
  for (const id of INPUT_CELL_IDS) expect([id, report.values[id]]).toEqual([id, seed.values[id]]);
  expect(report.text).toEqual(seed.text);
  expect(report.meta).toMatchObject({ agency: "奉化区应急管理局", year: 2021 });
}

/** The whole scenario: the seed from the first message to the final .docx, then /export again. */
export async function runSeedScenario(d: ChannelDriver, firstMessage: string): Promise<{ interactions: number }> {
  await beginSeed(d, firstMessage);
  await answerSeed(d);
  const { fileName, report } = await finalDocument(d);
  expect(fileName).toMatch(/^奉化区应急管理局2021年政府信息公开工作年度报告-定稿-v\d+\.docx$/u);
  expectSeed(report);

  // What the store holds is the same report, with who answered what.
  const record = await d.store.reports.getReport({ departmentId: d.departmentId, year: 2021 });
  expect(record?.report.values).toEqual(seed.values);
  expect(record?.history.some((entry) => entry.cell === "t2.licensing" && entry.new === 64 && entry.by === d.personId)).toBe(true);
  const interactions = d.interactions;
  expect(interactions).toBeLessThanOrEqual(25);

  // Any stored year comes back again on request, with a versioned name.
  await d.say("/export 2021");
  const again = await finalDocument(d);
  expect(again.fileName).toMatch(/2021年政府信息公开工作年度报告.*v\d+\.docx$/u);
  expect(again.report.values["t2.penalty"]).toBe(83);
  return { interactions };
}
