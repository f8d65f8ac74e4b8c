// The terminal channel in-process: piped lines through the real service and store; buttons by
// number, #number and text; documents written under the exports folder.
import { mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PassThrough } from "node:stream";
import { afterEach, describe, expect, it } from "vitest";
import { createInterviewService } from "../../src/app/interview-service.ts";
import { personalWorkspaces } from "../../src/app/personal-workspaces.ts";
import { consoleEvent } from "../../src/app/typed-input.ts";
import { runConsole } from "../../src/console/run-console.ts";
import { translator } from "../../src/i18n.ts";
import { openStore, type Store } from "../../src/store/store.ts";
import { silentLogger } from "../../src/store/store-logger.ts";
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
  it("reads commands, numbers, #numbers, labels and answers", () => {
    expect(consoleEvent("/edit 二", buttons, false)).toEqual({ type: "command", name: "edit", arg: "二" });
    expect(consoleEvent("/review", buttons, true)).toEqual({ type: "command", name: "review" });
    expect(consoleEvent("2", buttons, false)).toEqual({ type: "button", data: "v1:g:n" });
    expect(consoleEvent("2", buttons, true)).toEqual({ type: "text", text: "2" });
    expect(consoleEvent("#2", buttons, true)).toEqual({ type: "button", data: "v1:g:n" });
    expect(consoleEvent("是", buttons, true)).toEqual({ type: "button", data: "v1:g:y" });
    expect(consoleEvent("3", buttons, false)).toEqual({ type: "text", text: "3" });
    expect(consoleEvent("   ", buttons, false)).toBeUndefined();
    expect(consoleEvent("/lang", buttons, false)).toEqual({ type: "text", text: "/lang" });
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
    input.end(["奉化区应急管理局", "1", "否", "7", "#2", "/export", ""].join("\n"));
    await session.done;
    const out = printed.join("\n");
    expect(out).toContain("请先发送您单位的全称");
    expect(out).toContain("[1] ✅ 正确，开始填写");
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
});
