// What goes wrong around the interview: a restart mid-way, stale and forged buttons, stickers and
// files, /export of an unfinished report. Real bot over HTTP, real store files compared byte for byte.
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { readDocx } from "../support/docx-xml.ts";
import { callbackQuery, document, photo, sticker, voice } from "../support/bot-harness.ts";
import { keyboardOf, lastDocument, openOfficer, type Officer } from "../app/interview-harness.ts";
import { storedFile } from "../support/stored-file.ts";

const NOW = "2022-01-10T02:00:00.000Z";
const REPORT_FILE = join("reports", "p424242", "2021.json");

const officers: Officer[] = [];
afterEach(async () => {
  for (const o of officers.splice(0)) await o.close();
});

async function started(dir?: string): Promise<Officer> {
  const o = await openOfficer(dir === undefined ? { now: NOW } : { now: NOW, dir });
  officers.push(o);
  return o;
}

/** Past the opening and two answers of table 2: the officer is asked 行政许可's count. */
async function midway(o: Officer): Promise<void> {
  await o.say("/start");
  await o.say("奉化区应急管理局");
  await o.tap("正确");
  await o.tap("否");
  await o.say("3");
  await o.say("4");
  expect(o.lastTexts().join("\n")).toContain("行政许可");
}

/** The question a message asks, from its progress bar on (a note before it shares the message). */
const questionPart = (text: string | undefined): string | undefined => text?.slice(Math.max(0, text.search(/[▓░]/u)));

describe("interview: robustness", () => {
  it("continues at the same question after the bot and the store restart", async () => {
    const first = await openOfficer({ now: NOW });
    await midway(first);
    const question = first.lastTexts().at(-1);
    await first.close({ keepDir: true });

    const second = await started(first.dir);
    await second.say("/report");
    const texts = second.lastTexts();
    expect(texts[0]).toContain("从上次停下的地方继续");
    expect(questionPart(texts.at(-1))).toBe(questionPart(question));
    await second.say("64");
    const record = await second.store.reports.getReport({ departmentId: "p424242", year: 2021 });
    expect([record?.report.values["t2.rules.inForce"], record?.report.values["t2.normative.inForce"], record?.report.values["t2.licensing"]]).toEqual([3, 4, 64]);
  });

  it("answers stale and forged taps, changes nothing, and re-asks the current question", async () => {
    const o = await started();
    await midway(o);
    const before = await storedFile(o.store, join(o.dir, REPORT_FILE));
    const question = o.lastTexts().at(-1);
    const oldGate = o.seen.find((call) => keyboardOf(call).some((b) => b.text === "否"));
    const stale = keyboardOf(oldGate ?? o.seen[0]!).find((b) => b.text === "是")?.callback_data ?? "";
    expect(stale).toMatch(/^v\d+:g:y$/);
    const wrongVersion = stale.replace(/^v\d+/, "v999999");
    for (const data of [stale, wrongVersion, "v1:zz:zz", "Zm9yZ2Vk-random-garbage"]) {
      const calls = await o.raw(callbackQuery(data, o.from, { message_id: 3 }));
      expect(calls.filter((c) => c.method === "answerCallbackQuery")).toHaveLength(1);
      if (data.startsWith("v")) expect(questionPart(o.lastTexts().at(-1))).toBe(questionPart(question));
    }
    expect(await storedFile(o.store, join(o.dir, REPORT_FILE))).toEqual(before);
  });

  it("answers stickers, photos, voice and files helpfully without touching the report", async () => {
    const o = await started();
    await midway(o);
    const before = await storedFile(o.store, join(o.dir, REPORT_FILE));
    const question = o.lastTexts().at(-1);
    for (const update of [sticker(o.from), photo(o.from), voice(o.from), document(o.h.api, Buffer.from("PK"), "去年的年报.docx", o.from)]) {
      await o.raw(update);
      const texts = o.lastTexts();
      expect(texts[0]).toMatch(/文字|导入/u);
      expect(questionPart(texts.at(-1))).toBe(questionPart(question));
    }
    expect(await storedFile(o.store, join(o.dir, REPORT_FILE))).toEqual(before);
  });

  it("/export mid-way sends a draft .docx with the missing cells blank", async () => {
    const o = await started();
    await midway(o);
    const calls = await o.say("/export");
    const doc = lastDocument(calls);
    expect(doc?.fileName).toMatch(/^奉化区应急管理局2021年政府信息公开工作年度报告-草稿-v\d+\.docx$/);
    expect(doc?.caption).toContain("草稿");
    const content = await readDocx(doc?.bytes ?? new Uint8Array());
    expect(content.headers.join("")).toContain("草稿");
    const table2 = content.blocks.find((block) => block.kind === "table");
    if (table2?.kind !== "table") throw new Error("no table in the draft");
    const rows = table2.table.rows.map((row) => row.map((cell) => cell.text));
    const rules = rows.find((row) => row[0] === "规章");
    const licensing = rows.find((row) => row[0] === "行政许可");
    expect(rules?.slice(1)).toEqual(["0", "0", "3"]);
    expect(licensing?.slice(1).every((cell) => cell === "")).toBe(true);
  });
});
