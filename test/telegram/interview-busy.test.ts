// A busy report (figures in every table) through the real bot, with the mistakes officers make:
// words for numbers, full-width digits, 「八十三」, a negative number, 5 000 characters, an
// over-allocation, /back, /skip and a return via /edit, and a cell corrected from /review.
import { afterEach, describe, expect, it } from "vitest";
import { importReport } from "../../src/core/import/import-report.ts";
import { INPUT_CELL_IDS } from "../../src/core/report/cells.ts";
import { busyReport, BUSY_TEXTS } from "../support/report-builders.ts";
import { lastDocument, median, openOfficer, type Officer } from "../app/interview-harness.ts";

let officer: Officer | undefined;
afterEach(async () => officer?.close());

const text = (id: string): string => BUSY_TEXTS[id] ?? "";
const ones = "1 1 1 1 1 1";

describe("interview: a busy report with mistakes corrected", () => {
  it("ends with a final .docx that reads back as the intended figures", async () => {
    const intended = busyReport(2022);
    const o = (officer = await openOfficer({ now: "2023-01-10T02:00:00.000Z" }));
    const expectLast = (fragment: string): void => expect(o.lastTexts().join("\n")).toContain(fragment);

    await o.say("/start");
    await o.say("测试区应急管理局");
    await o.tap("正确");
    await o.tap("是"); // table 2: rules issued or repealed
    await o.say("很多");
    expectLast("「很多」不是数字");
    await o.say("2 1 15");
    await o.say("12 3 80");
    await o.say("６４０"); // full-width digits
    await o.say("八十三");
    await o.say("-5");
    expectLast("是负数");
    await o.say("5");
    await o.say("1".repeat(5000));
    expectLast("内容太长");
    await o.say("/skip"); // fees: come back later via /edit

    await o.tap("是"); // table 3: applications
    await o.say("7 8 9 10 11 12"); // 一、新收
    await o.say(ones); // 二、上年结转
    await o.say("100 2 3 4 5 6"); // more than was received: refused
    expectLast("超出");
    await o.say("1 2 3 4 5 6"); // （一）予以公开
    await o.say(ones); // （二）部分公开
    await o.say("0"); // （三）1
    await o.say("0"); // （三）2
    await o.say("1 0 0 0 0 0"); // （三）3: a slip …
    await o.say("/back"); // … taken back
    await o.say("0");
    await o.say(ones); // （三）4 保护第三方合法权益
    await o.tap("其余全部为0");
    await o.say(ones); // （四）1
    await o.tap("其余全部为0");
    await o.say("0"); // （五）1
    await o.say(ones); // （五）2 重复申请
    await o.tap("其余全部为0");
    await o.say(ones); // （六）1
    await o.tap("其余全部为0");
    await o.tap("确认结转"); // 四、结转下年度 = 2 each

    await o.tap("是"); // table 4
    await o.say("3 1 1 1"); // 行政复议 with a wrong 尚未审结, corrected from /review below
    await o.say("2 0 1 1");
    await o.say("1 1 0 0");

    await o.tap("跳过"); // optional intro
    await o.say(["一、总体情况", `（一）主动公开情况。${text("s1.active")}`, `（二）依申请公开情况。${text("s1.onRequest")}`,
      `（三）政府信息管理情况。${text("s1.management")}`, `（四）政府信息公开平台建设情况。${text("s1.platform")}`, `（五）监督保障情况。${text("s1.oversight")}`].join("\n"));
    await o.tap("按此保存"); // the split is shown before it is saved
    await o.say(text("s5.problems"));
    await o.say(text("s6.other"));
    expectLast("行政事业性收费");

    await o.say("/edit"); // back to the skipped fees
    await o.tap("二、主动公开政府信息情况");
    await o.tap("行政事业性收费");
    await o.say("12.5");
    await o.say("/review");
    expect(o.lastTexts().join("\n")).toMatch(/<pre>[\s\S]*行政复议\n +3 +1 +1 +1 +6/u);
    await o.tap("✏️ 行政复议");
    expectLast("当前已填：3 1 1 1");
    const last = await o.say("3 1 1 0");

    const doc = lastDocument(last);
    expect(doc?.fileName).toMatch(/^测试区应急管理局2022年政府信息公开工作年度报告-定稿-v\d+\.docx$/);
    const imported = await importReport({ name: doc?.fileName ?? "", bytes: doc?.bytes ?? new Uint8Array() });
    if (!imported.ok) throw new Error(`import failed: ${imported.reason}`);
    for (const id of INPUT_CELL_IDS) expect([id, imported.report.values[id]]).toEqual([id, intended.values[id]]);
    // Every printed total agreed with the typed cells (the importer notes any it had to keep).
    expect(imported.notes.filter((note) => note.code.startsWith("printed-total") || note.code.startsWith("cell-"))).toEqual([]);
    expect(imported.report.text).toEqual(intended.text);
    expect(imported.report.meta).toMatchObject({ agency: "测试区应急管理局", year: 2022 });

    expect(o.interactions).toBeLessThanOrEqual(60);
    console.info(`busy report via Telegram: ${o.interactions} interactions (mistakes included), answer latency p50 ${median(o.latencies).toFixed(1)} ms`);
  });
});
