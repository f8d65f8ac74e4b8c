// Last year's report sent as a file in DingTalk: downloaded through the robot API's message-file
// download (fake DingTalk), imported by the app's last-year import like Telegram's, stored as
// approved where the interview looks; a file larger than the limit is cut off on the stream and
// named too large; a file that is not a report is named as such and nothing is stored.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { translator } from "../../src/i18n.ts";
import { importFailureSentence } from "../../src/findings-text.ts";
import type { ZeroStream } from "../support/fake-dingtalk.ts";
import { publishedText } from "../support/published-text.ts";
import { busyReport, withPrintedTotals } from "../support/report-builders.ts";
import { cardButtons, openDingOfficer, tapContent, type DingOfficer } from "./dingtalk-harness.ts";

let officer: DingOfficer | undefined;
afterEach(async () => officer?.close());
const MB = 1024 * 1024;
// The campaign of 2022, collected in 2023: the seed (2021) is last year.
const NOW = "2023-01-05T02:00:00.000Z";
const zh = translator("zh-CN");
const seedText = new Uint8Array(readFileSync(join(import.meta.dirname, "..", "fixtures", "seed-2021.txt")));

async function begin(o: DingOfficer): Promise<void> {
  await o.say("你好");
  await o.say("奉化区应急管理局");
}

const earlierYears = async (o: DingOfficer): Promise<number[]> =>
  (await o.store.reports.listReports([`pdingtalk-${o.staffId}`])).map((entry) => entry.year).filter((year) => year < 2022);

describe("DingTalk: last year's report sent as a file", () => {
  it("is downloaded, imported and stored as approved where the interview looks; sent again, it is not imported twice", async () => {
    const o = (officer = await openDingOfficer({ now: NOW }));
    await begin(o);
    o.interactions += 1;
    const { messageId } = await o.fake.deliver({ staffId: o.staffId, file: { fileName: "2021年报.txt", bytes: seedText } });
    const said = o.texts(o.fake.sent.slice(-1)).join("");
    expect(said).toMatch(/^已导入 2021 年度年报（\d+ 个单元格），填写 2022 年度年报时将作为上年数据使用。$/u);
    const stored = await o.store.reports.getReport({ departmentId: `pdingtalk-${o.staffId}`, year: 2021 });
    expect(stored?.status).toBe("approved");
    expect(stored?.report.values["t2.licensing"]).toBe(64);
    expect(stored?.report.meta.agency).toBe("奉化区应急管理局");
    expect(o.fake.calls.some((call) => call.path === "/v1.0/robot/messageFiles/download" && call.status === 200)).toBe(true);

    // DingTalk delivers the same message again after a restart (its ack was lost): stored once.
    const revision = stored?.revision;
    await o.restart();
    await o.fake.redeliver(messageId);
    expect((await o.store.reports.getReport({ departmentId: `pdingtalk-${o.staffId}`, year: 2021 }))?.revision).toBe(revision);
    expect(o.fake.unacked()).toEqual([]);
  }, 60_000);

  it("a file larger than 20 MB is cut off while streaming and named too large; nothing is stored", async () => {
    const o = (officer = await openDingOfficer({ now: NOW }));
    await begin(o);
    const zeros: ZeroStream = { actualSize: 76 * MB, served: 0 };
    const before = o.fake.sent.length;
    await o.fake.deliver({ staffId: o.staffId, file: { fileName: "去年的年报.docx", zeros } });
    const texts = o.texts(o.fake.sent.slice(before));
    expect(texts[0]).toBe(zh("org-import-failed", { reason: importFailureSentence(zh, "too-large") }));
    // Stopped near the limit (plus what the sockets buffer), far from the 76 MB on offer.
    expect(zeros.served).toBeLessThan(40 * MB);
    expect(await earlierYears(o)).toEqual([]);
    expect(o.fake.unacked()).toEqual([]);
  }, 120_000);

  it("a damaged file is named so, the interview says what it waits for, and nothing is stored", async () => {
    const o = (officer = await openDingOfficer({ now: NOW }));
    await begin(o);
    const before = o.fake.sent.length;
    await o.fake.deliver({ staffId: o.staffId, file: { fileName: "去年的年报.docx", bytes: new TextEncoder().encode("not a zip at all") } });
    const texts = o.texts(o.fake.sent.slice(before));
    expect(texts[0]).toMatch(/^无法导入该文件：/u);
    expect(texts.length).toBeGreaterThan(1);
    expect(await earlierYears(o)).toEqual([]);
  }, 60_000);

  it("rows whose figures ran together are offered as cards; a tap stores that reading, a forged one changes nothing", async () => {
    const o = (officer = await openDingOfficer({ now: NOW }));
    await begin(o);
    const printed = publishedText(withPrintedTotals(busyReport(2021)), "joined");
    expect(printed).toContain("行政规范性文件12380");
    const before = o.fake.sent.length;
    await o.fake.deliver({ staffId: o.staffId, file: { fileName: "2021年报.txt", bytes: new TextEncoder().encode(printed.replace("行政规范性文件12380", "行政规范性文件8855698")) } });
    const sent = o.fake.sent.slice(before);
    const cards = sent.filter((m) => m.msgKey.startsWith("sampleActionCard") && (m.param["text"] ?? "").includes("8855698"));
    expect(cards.length).toBeGreaterThan(0);
    // Each reading is a button (five to a card) that sends the command naming it.
    const button = cards.flatMap(cardButtons).find(([title]) => title === "88 | 55 | 698");
    expect(button && tapContent(button[1])).toBe("/reading 2021 t2.normative 88,55,698");
    const key = { departmentId: `pdingtalk-${o.staffId}`, year: 2021 };
    const normative = async (): Promise<unknown[]> => {
      const values = (await o.store.reports.getReport(key))?.report.values ?? {};
      return [values["t2.normative.issued"], values["t2.normative.repealed"], values["t2.normative.inForce"]];
    };
    expect(await normative()).toEqual([undefined, undefined, undefined]);

    // Forged: a wrong count of figures, another year, someone else's tap.
    expect(o.texts(await o.say("/reading 2021 t2.normative 88,55"))).toEqual([zh("chk-choice-refused")]);
    expect(o.texts(await o.say("/reading 2020 t2.normative 88,55,698"))).toEqual([zh("chk-choice-refused")]);
    const other = await o.fake.deliver({ staffId: "stranger01", text: "/reading 2021 t2.normative 1,2,3" });
    expect(other.messageId).toBeDefined();
    expect(await normative()).toEqual([undefined, undefined, undefined]);

    expect(o.texts(await o.tap("88 | 55 | 698"))).toEqual([zh("chk-chosen", { row: "行政规范性文件", values: "88 | 55 | 698" })]);
    expect(await normative()).toEqual([88, 55, 698]);
    expect(o.fake.unacked()).toEqual([]);
  }, 60_000);
});
