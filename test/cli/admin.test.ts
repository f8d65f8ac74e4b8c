// `nianbao admin …` in-process against a temp DATA_DIR, read back through the store the bot uses.
import { spawn } from "node:child_process";
import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createOrgService } from "../../src/app/org-service.ts";
import { tempDir } from "../store/helpers.ts";
import { testApp } from "../telegram/supervision-support.ts";
import { runIn, type CliRun } from "./run-in.ts";

let dir: string;
let cleanup: () => Promise<void>;
beforeEach(async () => ({ dir, cleanup } = await tempDir()));
afterEach(() => cleanup());

const cli = (...argv: string[]): Promise<CliRun> => runIn(dir, { DATA_DIR: dir, BOT_USERNAME: "@nianbao_bot", LANG: "zh_CN.UTF-8" }, ["admin", ...argv]);

describe("nianbao admin", () => {
  it("adds an office and departments by name or id, invites, lists; the code works in the bot's store", async () => {
    expect(await cli("add-office", "奉化区政务公开办")).toEqual({ code: 0, out: ["已添加单位「奉化区政务公开办」（编号 o1）。"], err: [] });
    expect((await cli("add-department", "奉化区政务公开办", "奉化区应急管理局")).out).toEqual(["已在「奉化区政务公开办」下添加部门「奉化区应急管理局」（编号 d1）。"]);
    expect((await cli("add-department", "o1", "奉化区教育局")).code).toBe(0);
    const invited = await cli("invite", "奉化区政务公开办", "--role", "supervisor", "--expires", "2d");
    expect(invited.code).toBe(0);
    expect(invited.out[0]).toBe("邀请加入：奉化区政务公开办");
    const link = /https:\/\/t\.me\/nianbao_bot\?start=([A-Za-z0-9_-]{22})/.exec(invited.out[1] ?? "");
    expect(link).not.toBeNull();
    const officer = await cli("invite", "d2", "--role", "officer");
    expect(officer.out[0]).toBe("邀请加入：奉化区教育局");
    expect((await cli("list")).out).toEqual([
      "🏛 奉化区政务公开办（o1）：工作人员 0 人，未使用的邀请 2 个",
      "  · 奉化区应急管理局（d1）：填报人 0 人",
      "  · 奉化区教育局（d2）：填报人 0 人",
    ]);
    const app = await testApp(dir, { now: new Date().toISOString() });
    const redeemed = await createOrgService(app).redeem(link?.[1] ?? "", "555");
    expect(redeemed.ok && redeemed.member).toEqual({ userId: "555", role: "supervisor", officeId: "o1" });
    await app.store.close();
  });

  it("refuses unknown targets, mismatched roles, duplicates and bad usage with exit code 2", async () => {
    expect(await cli("add-department", "不存在的办", "某局")).toEqual({ code: 2, out: [], err: ["找不到该政务公开办。"] });
    await cli("add-office", "甲办");
    expect((await cli("add-office", "甲办")).err).toEqual(["该编号已存在。"]);
    await cli("add-department", "甲办", "甲局");
    expect((await cli("invite", "甲办", "--role", "officer")).err).toEqual(["部门填报人只能邀请到部门，政务公开办工作人员和分管领导只能邀请到单位。"]);
    expect((await cli("invite", "乙局", "--role", "officer")).err).toEqual(["找不到要邀请加入的单位或部门。"]);
    expect((await cli("invite", "甲局", "--role", "admin")).code).toBe(2);
    expect((await cli("invite", "甲局", "--expires", "soon")).code).toBe(2);
    expect((await cli()).code).toBe(2);
    expect((await cli("list")).out[0]).toContain("甲办");
  });

  it("lists and revokes invitations, moves a department, removes a member", async () => {
    await cli("add-office", "甲办");
    await cli("add-office", "乙办");
    await cli("add-department", "甲办", "甲局");
    const link = (await cli("invite", "甲局", "--role", "officer")).out[1] ?? "";
    const listed = (await cli("invitations")).out;
    expect(listed).toHaveLength(1);
    const ref = /^#([0-9a-f]{8})/.exec(listed[0] ?? "")?.[1] ?? "";
    expect((await cli("revoke", `#${ref}`)).out).toEqual([`邀请 #${ref} 已作废，链接不再有效。`]);
    expect((await cli("invitations")).out).toEqual(["目前没有未使用的邀请。"]);
    expect((await cli("revoke", ref)).code).toBe(2);
    expect(link).toContain("start=");
    expect((await cli("move-department", "甲局", "乙办")).out[0]).toContain("乙办");
    expect((await cli("list")).out.join("\n")).toMatch(/乙办[^\n]*\n {2}· 甲局/);
    const invited = await cli("invite", "甲局", "--role", "officer");
    const app = await testApp(dir, { now: new Date().toISOString() });
    expect((await createOrgService(app).redeem(/start=([A-Za-z0-9_-]+)/.exec(invited.out[1] ?? "")?.[1] ?? "", "777")).ok).toBe(true);
    await app.store.close();
    expect((await cli("remove-member", "777")).code).toBe(0);
    expect((await cli("remove-member", "777")).code).toBe(2);
    expect((await cli("remove-member", "abc")).code).toBe(2);
  });

  it("changes nothing while the bot holds the data folder, and says which process to stop", async () => {
    await cli("add-office", "甲办");
    const bot = spawn(process.execPath, ["-e", "setTimeout(() => {}, 20000)"], { stdio: "ignore" });
    try {
      await writeFile(join(dir, ".lock"), `${bot.pid}\n`);
      const refused = await cli("add-office", "乙办");
      expect(refused.code).toBe(3);
      expect(refused.err[0]).toContain(`数据目录正由进程 ${bot.pid} 使用`);
    } finally {
      bot.kill("SIGKILL");
      await new Promise((resolve) => bot.once("exit", resolve));
    }
    // Its owner gone, the folder is taken over: 乙办 was never added.
    expect((await cli("list")).out.join("\n")).not.toContain("乙办");
  });
});
