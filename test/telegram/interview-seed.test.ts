// The seed report (a real 2021 report of 奉化区应急管理局) filled through the real bot in personal
// mode, from /start to the final .docx, which is read back with the importer and compared.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { importReport } from "../../src/core/import/import-report.ts";
import { INPUT_CELL_IDS } from "../../src/core/report/cells.ts";
import type { Report } from "../../src/core/report/schema.ts";
import { lastDocument, median, openOfficer, type Officer } from "../app/interview-harness.ts";

const seed = JSON.parse(readFileSync(join(import.meta.dirname, "..", "fixtures", "seed-2021.report.json"), "utf8")) as Report;
const text = (id: string): string => seed.text[id] ?? "";

let officer: Officer | undefined;
afterEach(async () => officer?.close());

describe("interview: the seed report end to end", () => {
  it("goes from /start to a final .docx that reads back as the seed, in at most 25 interactions", async () => {
    const o = (officer = await openOfficer({ now: "2022-01-10T02:00:00.000Z" }));
    expect((await o.say("/start")).map((c) => c.method)).toEqual(["sendMessage"]);
    expect(o.lastTexts()[0]).toContain("单位的全称");
    await o.say("奉化区应急管理局");
    expect(o.lastTexts().join("\n")).toContain("奉化区应急管理局2021年政府信息公开工作年度报告");
    await o.tap("正确");
    await o.tap("否"); // no 规章 / 规范性文件 issued or repealed
    for (const answer of ["0", "0", "64", "83", "0", "0"]) await o.say(answer);
    await o.tap("否"); // no applications
    await o.tap("全部填0");
    await o.tap("否"); // no 复议 / 诉讼
    await o.tap("全部填0");
    // 一 pasted as one message with its leads; 五 and 六 one message each.
    await o.say(["一、总体情况", text("s1.summary"), `（一）主动公开情况。${text("s1.active")}`, `（二）依申请公开情况。${text("s1.onRequest")}`,
      `（三）政府信息管理情况。${text("s1.management")}`, `（四）政府信息公开平台建设情况。${text("s1.platform")}`, `（五）监督保障情况。${text("s1.oversight")}`].join("\n"));
    await o.tap("按此保存"); // the split is shown before it is saved
    await o.say(text("s5.problems"));
    const last = await o.say(text("s6.other"));

    const doc = lastDocument(last);
    expect(doc?.fileName).toMatch(/^奉化区应急管理局2021年政府信息公开工作年度报告-定稿-v\d+\.docx$/);
    expect(doc?.caption).toContain("定稿");
    const imported = await importReport({ name: doc?.fileName ?? "", bytes: doc?.bytes ?? new Uint8Array() });
    if (!imported.ok) throw new Error(`import failed: ${imported.reason}`);
    for (const id of INPUT_CELL_IDS) expect([id, imported.report.values[id]]).toEqual([id, seed.values[id]]);
    expect(imported.report.text).toEqual(seed.text);
    expect(imported.report.meta).toMatchObject({ agency: "奉化区应急管理局", year: 2021 });

    // What the store holds is the same report, with the engine state beside it.
    const record = await o.store.reports.getReport({ departmentId: "p424242", year: 2021 });
    expect(record?.report.values).toEqual(seed.values);
    expect(record?.history.some((entry) => entry.cell === "t2.licensing" && entry.new === 64 && entry.by === "424242")).toBe(true);

    expect(o.interactions).toBeLessThanOrEqual(25);
    const counted = o.interactions;

    // Any stored year comes back again on request, with a versioned name.
    const again = lastDocument(await o.say("/export 2021"));
    expect(again?.fileName).toMatch(/2021年政府信息公开工作年度报告.*v\d+\.docx$/);
    const reimported = await importReport({ name: again?.fileName ?? "", bytes: again?.bytes ?? new Uint8Array() });
    expect(reimported.ok && reimported.report.values["t2.penalty"]).toBe(83);
    o.interactions = counted;
    console.info(`seed report via Telegram: ${o.interactions} interactions, answer latency p50 ${median(o.latencies).toFixed(1)} ms`);
  });
});
