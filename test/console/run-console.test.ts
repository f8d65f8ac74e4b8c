// The terminal channel in-process: piped lines through the real service and store; buttons by
// number, #number and text; documents written under the exports folder.
import { mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PassThrough } from "node:stream";
import { afterEach, describe, expect, it } from "vitest";
import { createInterviewService } from "../../src/app/interview-service.ts";
import { personalWorkspaces } from "../../src/app/workspace.ts";
import { consoleEvent } from "../../src/app/typed-input.ts";
import { runConsole } from "../../src/console/run-console.ts";
import { translator } from "../../src/i18n.ts";
import { openStore, type Store } from "../../src/store/store.ts";
import { silentLogger } from "../store/helpers.ts";
import { readDocx } from "../support/docx-xml.ts";
import { tickingClock } from "../app/interview-harness.ts";

let dir = "";
let store: Store | undefined;
afterEach(async () => {
  await store?.close();
  store = undefined;
  if (dir !== "") await rm(dir, { recursive: true, force: true });
});

describe("consoleEvent", () => {
  const buttons = [{ label: "是", data: "v1:g:y" }, { label: "否", data: "v1:g:n" }];
  it("reads commands, #numbers, labels and answers; a bare number is always an answer", () => {
    expect(consoleEvent("/edit 二", buttons)).toEqual({ type: "command", name: "edit", arg: "二" });
    expect(consoleEvent("/review", buttons)).toEqual({ type: "command", name: "review" });
    expect(consoleEvent("2", buttons)).toEqual({ type: "text", text: "2" });
    expect(consoleEvent("#2", buttons)).toEqual({ type: "button", data: "v1:g:n" });
    expect(consoleEvent("#3", buttons)).toEqual({ type: "unknown-button", n: 3 });
    expect(consoleEvent("是", buttons)).toEqual({ type: "button", data: "v1:g:y" });
    expect(consoleEvent("   ", buttons)).toBeUndefined();
    expect(consoleEvent("/lang", buttons)).toEqual({ type: "unknown-command", name: "lang" });
  });
});

describe("runConsole", () => {
  it("answers piped lines in order and writes a draft .docx on /export", async () => {
    dir = await mkdtemp(join(tmpdir(), "nianbao-console-"));
    store = await openStore({ dataDir: dir, logger: silentLogger });
    const app = { store, logger: { ...silentLogger, info: () => undefined }, now: tickingClock("2022-01-10T02:00:00.000Z"), randomBytes: (n: number) => new Uint8Array(n), adminIds: [], botUsername: undefined, workspaces: personalWorkspaces(store) };
    const input = new PassThrough();
    const printed: string[] = [];
    const session = runConsole({ service: createInterviewService(app), input, print: (text) => printed.push(text), t: translator("zh-CN"), exportsDir: join(dir, "exports") });
    // All at once, as a pipe delivers them.
    input.end(["奉化区应急管理局", "#1", "否", "7", "#2", "/export", ""].join("\n"));
    await session.done;
    const out = printed.join("\n");
    expect(out).toContain("请先发送您单位的全称");
    expect(out).toContain("[#1] ✅ 正确，开始填写");
    const record = await store.reports.getReport({ departmentId: "pconsole", year: 2021 });
    expect(record?.report.meta.agency).toBe("奉化区应急管理局");
    expect(record?.report.values["t2.rules.inForce"]).toBe(7);
    // "#2" pressed ⬅ 上一题 on the next question: the officer is back at 规章.
    expect(out.split("\n").filter((line) => line.includes("规章」：现行有效件数")).length).toBe(2);
    const files = await readdir(join(dir, "exports"));
    expect(files).toEqual([expect.stringMatching(/^奉化区应急管理局2021年政府信息公开工作年度报告-草稿-v\d+\.docx$/)]);
    expect(out).toContain(join(dir, "exports", files[0] ?? ""));
    expect((await readDocx(await readFile(join(dir, "exports", files[0] ?? "")))).headers.join("")).toContain("草稿");
  });

  it("reads 1 as the figure, typed 跳过 / 上一题 as navigation, refuses unknown commands, and issues a document only when it changed (issue 11 item 5)", async () => {
    dir = await mkdtemp(join(tmpdir(), "nianbao-console-"));
    store = await openStore({ dataDir: dir, logger: silentLogger });
    const app = { store, logger: { ...silentLogger, info: () => undefined }, now: tickingClock("2022-01-10T02:00:00.000Z"), randomBytes: (n: number) => new Uint8Array(n), adminIds: [], botUsername: undefined, workspaces: personalWorkspaces(store) };
    const input = new PassThrough();
    const printed: string[] = [];
    const session = runConsole({ service: createInterviewService(app), input, print: (text) => printed.push(text), t: translator("zh-CN"), exportsDir: join(dir, "exports") });
    // At 规章 (three figures) 「1」 would be refused as too few; at 行政许可 (one figure) it is saved.
    input.end(["奉化区应急管理局", "#1", "是", "跳过", "上一题", "跳过", "跳过", "1", "/lang", "/export", "/review", "/export", "#99", ""].join("\n"));
    await session.done;
    const out = printed.join("\n");
    const record = await store.reports.getReport({ departmentId: "pconsole", year: 2021 });
    expect(record?.report.values["t2.licensing"]).toBe(1);
    expect(record?.report.values["t2.rules.inForce"]).toBeUndefined();
    expect(out).toContain("未知命令「/lang」");
    expect(out).not.toContain("所有问题都已经过了");
    expect(out).toContain("没有编号为 #99 的按钮");
    expect(out).toContain("报告内容没有变化");
    const files = await readdir(join(dir, "exports"));
    expect(files).toEqual([expect.stringMatching(/-草稿-v1\.docx$/u)]);
  });
});
