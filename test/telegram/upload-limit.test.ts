// An upload's size is what is streamed, not what Telegram's update declares: a file declared at
// 1 kB that is really 76 MB is cut off at the 20 MB limit while downloading, and the officer is
// told why. Real bot, real store, the fake Bot API serving a lying file over HTTP.
import { afterEach, describe, expect, it } from "vitest";
import { messageUpdate, textOf } from "../support/bot-harness.ts";
import { openOfficer, type Officer } from "../app/interview-harness.ts";

const MB = 1024 * 1024;
let officer: Officer | undefined;
afterEach(async () => {
  await officer?.close();
  officer = undefined;
});

describe("uploads", () => {
  it("cut a file declared small but actually large off while streaming, and say it is too large", async () => {
    officer = await openOfficer({ now: "2025-01-05T02:00:00Z" });
    await officer.say("奉化区应急管理局");
    const file = officer.h.api.addOversizedFile("去年的年报.docx", 1_000, 76 * MB);
    const update = messageUpdate({ document: { file_id: file.file_id, file_unique_id: file.file_unique_id, file_name: "去年的年报.docx", file_size: 1_000 } }, officer.from);
    const calls = await officer.raw(update);
    const texts = calls.filter((call) => call.method === "sendMessage").map(textOf);
    expect(texts[0]).toBe("无法导入该文件：文件太大，无法导入（上限 20 MB，Word 正文上限 50 MB）。");
    // Stopped near the limit (plus what the sockets buffer), far from the 76 MB on offer.
    expect(file.served()).toBeLessThan(40 * MB);
    // Nothing was imported as last year's report.
    const years = (await officer.store.reports.listReports([`p${officer.from.id}`])).map((entry) => entry.year);
    expect(years.filter((year) => year < 2024)).toEqual([]);
  }, 120_000);

  it("say a file declared larger than 20 MB is too large without downloading it", async () => {
    officer = await openOfficer({ now: "2025-01-05T02:00:00Z" });
    await officer.say("奉化区应急管理局");
    const file = officer.h.api.addOversizedFile("去年的年报.docx", 30 * MB, 30 * MB);
    const update = messageUpdate({ document: { file_id: file.file_id, file_unique_id: file.file_unique_id, file_name: "去年的年报.docx", file_size: 30 * MB } }, officer.from);
    const calls = await officer.raw(update);
    expect(calls.filter((call) => call.method === "sendMessage").map(textOf)[0]).toBe("无法导入该文件：文件太大，无法导入（上限 20 MB，Word 正文上限 50 MB）。");
    expect(file.served()).toBe(0);
    expect(officer.h.api.calls.filter((call) => call.method === "getFile")).toEqual([]);
  }, 60_000);
});
