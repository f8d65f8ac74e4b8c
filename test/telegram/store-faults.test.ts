// Storage faults are told, not hidden (issue 11, item 7): a report file damaged on disk answers
// "this report is damaged; the office has been told" (and the admins are told which file and what
// may be lost), and a full disk answers "not saved — the disk is full; earlier answers are safe".
// Real bot over HTTP, real store files: real corrupted bytes, a disk failure injected in the adapter.
import { writeFileSync } from "node:fs";
import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import type { WriteText } from "../../src/store/durable-file.ts";
import { openOfficer, type Officer } from "../app/interview-harness.ts";
import { textOf } from "../support/bot-harness.ts";

const NOW = "2022-01-10T02:00:00.000Z";
const REPORT_FILE = join("reports", "p424242", "2021.json");
const ADMIN = 9001;

const officers: Officer[] = [];
afterEach(async () => {
  for (const o of officers.splice(0)) await o.close();
});

async function midway(o: Officer): Promise<void> {
  await o.say("/start");
  await o.say("奉化区应急管理局");
  await o.tap("正确");
  await o.tap("否");
  await o.say("3");
  await o.say("4");
}

const toAdmin = (calls: Awaited<ReturnType<Officer["say"]>>) => calls.filter((c) => c.method === "sendMessage" && c.params["chat_id"] === ADMIN).map(textOf);
const toOfficer = (calls: Awaited<ReturnType<Officer["say"]>>) => calls.filter((c) => c.method === "sendMessage" && c.params["chat_id"] !== ADMIN).map(textOf);

describe("storage faults", () => {
  it("a damaged report answers that it is damaged, tells the admins once, and is left as found", async () => {
    const first = await openOfficer({ now: NOW });
    await midway(first);
    await first.close({ keepDir: true });
    // A disk that lost the end of the file and wrote garbage in its place.
    const file = join(first.dir, REPORT_FILE);
    const bytes = await readFile(file);
    const damaged = Buffer.concat([bytes.subarray(0, Math.floor(bytes.length * 0.6)), Buffer.from([0x00, 0xff, 0x13, 0x37])]);
    await writeFile(file, damaged);

    const o = await openOfficer({ now: NOW, dir: first.dir, adminIds: [String(ADMIN)] });
    officers.push(o);
    const calls = await o.say("5");
    const [reply] = toOfficer(calls);
    expect(reply).toContain("这份报告（p424242 2021）的数据文件已损坏，无法读取；已通知管理员。");
    // What may be lost: everything after the backup, which holds the version before the last answer.
    expect(reply).toMatch(/最后一份完好的副本保存于 2022-01-10 \d\d:\d\d，此后的修改可能已丢失。/);
    const [notice] = toAdmin(calls);
    expect(notice).toContain("reports/p424242/2021.json");
    expect(notice).toContain("npx nianbao doctor");
    // Every later message says the same; the admins are not told again.
    const again = await o.say("/report");
    expect(toOfficer(again).join("\n")).toContain("已损坏");
    expect(toAdmin(again)).toEqual([]);
    expect(await readFile(file)).toEqual(damaged);
  });

  it("a full disk answers 'not saved — the disk is full', keeps the earlier answers, and saves once space is back", async () => {
    const first = await openOfficer({ now: NOW });
    await midway(first);
    await first.close({ keepDir: true });
    const file = join(first.dir, REPORT_FILE);
    const before = await readFile(file);

    let full = true;
    const writeText: WriteText = (fd, text) => {
      if (full) throw Object.assign(new Error("ENOSPC: no space left on device, write"), { code: "ENOSPC" });
      writeFileSync(fd, text);
    };
    const o = await openOfficer({ now: NOW, dir: first.dir, writeText });
    officers.push(o);
    const calls = await o.say("64");
    expect(toOfficer(calls)).toEqual(["未保存——服务器磁盘已满。您之前的回答都安全；请在管理员腾出空间后重试。"]);
    expect(await readFile(file)).toEqual(before);
    full = false;
    await o.say("64");
    const record = await o.store.reports.getReport({ departmentId: "p424242", year: 2021 });
    expect([record?.report.values["t2.rules.inForce"], record?.report.values["t2.normative.inForce"], record?.report.values["t2.licensing"]]).toEqual([3, 4, 64]);
  });
});
