// A supervisor sends published report files to the bot and gets the findings back, through the
// real bot against the fake Bot API: a PDF, text whose figures ran together, a damaged file.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { callbackQuery, document, textMessage, textOf, user } from "../support/bot-harness.ts";
import { publishedText } from "../support/published-text.ts";
import { busyReport, withPrintedTotals } from "../support/report-builders.ts";
import { buttonsOf, codeOf, startWorld, type World } from "./supervision-support.ts";

const FIXTURES = join(import.meta.dirname, "..", "fixtures");
const supervisor = user({ id: 9401 });
const officer = user({ id: 9402 });
let w: World;
const say = async (text: string, from = user({ id: 9001 })) => textOf((await w.h.send(textMessage(text, from)))[0]);

beforeAll(async () => {
  w = await startWorld("2025-01-20T02:00:00Z");
  await say("/addoffice 甲区政务公开办");
  await say("/adddept o1 甲区应急管理局");
  await say(`/start ${codeOf(await say("/invite o1 supervisor"))}`, supervisor);
  await say(`/start ${codeOf(await say("/invite d1 officer"))}`, officer);
});
afterAll(() => w.close());

async function send(bytes: Uint8Array, name: string, from = supervisor): Promise<string[]> {
  const calls = await w.h.send(document(w.h.api, bytes, name, from));
  return calls.filter((call) => call.method === "sendMessage").map(textOf);
}

describe("a supervisor checks published files in the bot", () => {
  it("reads a published PDF and answers with what it found", async () => {
    const [reply] = await send(new Uint8Array(readFileSync(join(FIXTURES, "import", "huaian-2024.pdf"))), "淮安2024.pdf");
    expect(reply).toContain("淮安市人民政府 2024 年度");
    expect(reply).toContain("0 处错误");
    expect(reply).toContain("447228");
  });

  it("lists the readings of figures that ran together, and the rules a report broke", async () => {
    const report = withPrintedTotals(busyReport());
    // 三（七）printed one too high in 自然人 and in its row total: the report breaks the column rules.
    const plusOne = (id: string) => (report.values[id] ?? 0) + 1;
    const broken = { ...report, values: { ...report.values, "t3.resultTotal.natural": plusOne("t3.resultTotal.natural"), "t3.resultTotal.total": plusOne("t3.resultTotal.total") } };
    const text = publishedText(broken, "joined").replace("行政规范性文件12380", "行政规范性文件8855698");
    const [reply] = await send(new TextEncoder().encode(text), "某局2022.txt");
    expect(reply).toContain("88 55 698");
    expect(reply).toMatch(/✖ .*（七）总计·自然人/u);
  });

  it("names a file it cannot read", async () => {
    const [reply] = await send(new TextEncoder().encode("%PDF-1.7\n1 0 obj\n<<"), "坏文件.pdf");
    expect(reply).toContain("无法读取「坏文件.pdf」");
    expect(reply).toContain("PDF 文件已损坏");
  });

  it("leaves an officer's file to the officer's features", async () => {
    const replies = await send(new Uint8Array(readFileSync(join(FIXTURES, "import", "huaian-2024.pdf"))), "去年.pdf", officer);
    expect(replies.join("\n")).not.toContain("处错误");
  });
});

describe("an officer's last-year file with figures that read several ways", () => {
  it("asks which reading is right, and one tap stores it", async () => {
    const text = publishedText(withPrintedTotals(busyReport(2023)), "joined").replace("行政规范性文件12380", "行政规范性文件8855698");
    const calls = await w.h.send(document(w.h.api, new TextEncoder().encode(text), "2023年报.txt", officer));
    const question = calls.find((call) => call.method === "sendMessage" && textOf(call).includes("行政规范性文件"));
    expect(textOf(question)).toContain("8855698");
    const button = buttonsOf(question).find((candidate) => candidate.text === "88 | 55 | 698");
    expect(button).toBeDefined();
    expect((await w.app.store.reports.getReport({ departmentId: "d1", year: 2023 }))?.report.values["t2.normative.inForce"]).toBeUndefined();
    // Another user's forged tap changes nothing.
    await w.h.send(callbackQuery(button?.callback_data ?? "", supervisor));
    expect((await w.app.store.reports.getReport({ departmentId: "d1", year: 2023 }))?.report.values["t2.normative.inForce"]).toBeUndefined();
    await w.h.send(callbackQuery(button?.callback_data ?? "", officer));
    const stored = await w.app.store.reports.getReport({ departmentId: "d1", year: 2023 });
    expect([stored?.report.values["t2.normative.issued"], stored?.report.values["t2.normative.repealed"], stored?.report.values["t2.normative.inForce"]]).toEqual([88, 55, 698]);
  });
});
