// Arguments nobody types on purpose: years outside what the store keeps (2000–2100), forged
// callback data with such years, unknown departments, over-long or unprintable names. Each gets a
// sentence (a forged button: at least its spinner stopped), never the apology of a crashed update,
// and changes nothing.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { translator } from "../../src/i18n.ts";
import { callbackQuery, textMessage, textOf } from "../support/bot-harness.ts";
import { buildTemplate, changedFiles, copyWorld, ROLES, snapshot, type RoleName, type SecurityWorld, type Template } from "./security-world.ts";

const zh = translator("zh-CN");

let template: Template;
let w: SecurityWorld & { dispose(): Promise<void> };
let checks = 0;

beforeAll(async () => {
  template = await buildTemplate();
  w = await copyWorld(template);
}, 60_000);
afterAll(async () => {
  await w.dispose();
  await template.remove();
  console.log(`[security] odd arguments: ${checks} checks passed`);
});

const CASES: [RoleName, "text" | "callback", string][] = [
  ["admin", "callback", "sv:dl:d1:9999"],
  ["admin", "callback", "sv:ap:d1:0000"],
  ["admin", "callback", "sv:rt:d1:1999"],
  ["admin", "callback", "sv:rw:d1:3000:0"],
  ["admin", "callback", "sv:rw:d1:2024:999"],
  ["admin", "callback", "sv:rs:d1:2024:99"],
  ["admin", "callback", `sv:dl:${"a".repeat(64)}:2024`],
  ["supervisorX", "callback", "sv:sum:s:1999"],
  ["supervisorX", "callback", "sv:sum:a:9999"],
  ["supervisorX", "text", "/status 1999"],
  ["supervisorX", "text", "/status 9999"],
  ["supervisorX", "text", "/summary 0000"],
  ["supervisorX", "text", "/deadline 2025-01-25 3000"],
  ["supervisorX", "text", "/deadline 明天"],
  ["supervisorX", "text", `/adddept o1 ${"部".repeat(5000)}`],
  ["admin", "text", `/addoffice ${"\u0000\u202e"}`],
  ["admin", "text", "/export 9999 d1"],
  ["admin", "text", "/export 0000 d1"],
  ["officerA", "text", "/export 1999"],
  ["officerA", "text", "/export 2101"],
  ["admin", "text", "/invite d1 officer 9999d"],
  ["admin", "text", "/invite d1 admin"],
  ["admin", "text", `/invite ${"x".repeat(3000)} officer`],
  ["admin", "text", `/revoke ${"f".repeat(5000)}`],
  ["admin", "text", "/revoke 00"],
  ["admin", "text", "/revoke ../../org.json"],
  ["supervisorX", "text", "/removemember 99999999999999999999999"],
  ["admin", "text", "/removemember -1"],
  ["admin", "text", `/movedept ${"部".repeat(3000)} o2`],
  ["admin", "text", "/movedept d1 o2 o1"],
  ["admin", "text", "/whoami \u0000\u202e"],
];

describe("odd arguments get a sentence, not a crash", () => {
  for (const [role, kind, data] of CASES) {
    it(`${data.slice(0, 40)} by ${role}`, async () => {
      const from = ROLES[role];
      const before = await snapshot(w.dir);
      const errorsBefore = w.h.logger.entries.filter((entry) => entry.level === "error").length;
      const calls = await w.h.send(kind === "text" ? textMessage(data, from) : callbackQuery(data, from));
      const texts = calls.filter((c) => c.method === "sendMessage").map(textOf);
      // A command is answered; a forged button may only stop its spinner.
      if (kind === "text") expect(texts.length, data).toBeGreaterThan(0);
      else expect(calls.some((c) => c.method === "answerCallbackQuery"), data).toBe(true);
      expect(texts, data).not.toContain(zh("bot-error"));
      expect(w.h.logger.entries.filter((entry) => entry.level === "error").slice(errorsBefore), data).toEqual([]);
      // Only naming an office or department (refused here for its name) could have written.
      expect(changedFiles(before, await snapshot(w.dir)), data).toEqual([]);
      checks += 1;
    });
  }
});

describe("names that would garble titles and lists are refused", () => {
  it.each([
    ["/addoffice", `/addoffice 甲区\u202e局`],
    ["/addoffice", `/addoffice ${"办".repeat(61)}`],
    ["/adddept", `/adddept o1 ${"部".repeat(61)}`],
    ["/adddept", `/adddept o1 应急\u0007管理局`],
  ])("%s with a bad name", async (_command, text) => {
    const before = await snapshot(w.dir);
    const calls = await w.h.send(textMessage(text, ROLES.admin));
    expect(textOf(calls[0])).toBe(zh("sup-org-error-bad-name"));
    expect(changedFiles(before, await snapshot(w.dir))).toEqual([]);
    checks += 1;
  });
});
