// Operating a running bot without stopping it, as real processes against the fake Bot API:
// `npx nianbao admin invite` goes to the bot over its control socket and the invitation works in
// the chat at once; `npx nianbao backup` taken while an officer answers holds every answer
// acknowledged before it was asked for, and `restore` puts it into a new folder (refused over a
// running bot). States are observed (replies received, the socket present), never timed.
import { access, mkdtemp, readdir, readFile, rm, stat, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { runCli } from "../../src/cli/run-cli.ts";
import { callbackQuery, textMessage, textOf, user } from "../support/bot-harness.ts";
import { startBotProcess } from "../support/bot-process.ts";
import { FakeBotApi } from "../support/fake-bot-api.ts";
import { until } from "../support/until.ts";

let dir = "";
let api: FakeBotApi | undefined;
afterEach(async () => {
  await api?.close();
  api = undefined;
  if (dir !== "") await rm(dir, { recursive: true, force: true });
});

async function cli(dataDir: string, ...argv: string[]): Promise<{ code: number; out: string[]; err: string[] }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(argv, { out: (l) => out.push(l), err: (l) => err.push(l), cwd: dir, env: { DATA_DIR: dataDir, LANG: "zh_CN.UTF-8" } });
  return { code, out, err };
}

describe("a running bot, administered and backed up without a restart", () => {
  it("admin invite over the socket works in the chat; a backup during answers restores every acknowledged answer", async () => {
    dir = await mkdtemp(join(tmpdir(), "nianbao-live-"));
    const data = join(dir, "data");
    api = await FakeBotApi.start();
    const bot = startBotProcess(data, api.apiRoot, { LOG_LEVEL: "warn", BOT_USERNAME: "nianbao_bot" });
    await until(() => access(join(data, ".control.sock")).then(() => true, () => false), "the awaited state", 30_000, 50);
    // Only the data folder's owner may administer it.
    expect((await stat(join(data, ".control.sock"))).mode & 0o777).toBe(0o600);

    expect((await cli(data, "admin", "add-office", "奉化区政务公开办")).code).toBe(0);
    expect((await cli(data, "admin", "add-department", "o1", "奉化区应急管理局")).code).toBe(0);
    const invited = await cli(data, "admin", "invite", "d1", "--role", "officer");
    expect(invited.code).toBe(0);
    const code = /\?start=([A-Za-z0-9_-]+)/.exec(invited.out.join("\n"))?.[1] ?? "";
    expect(code).not.toBe("");

    const officer = user({ id: 4242 });
    /** Sends one message and resolves with the reply: the answer is acknowledged (durable) then. */
    const say = async (update: ReturnType<typeof textMessage>): Promise<string> => {
      const before = api!.messagesTo(4242).length;
      api!.pushUpdate(update);
      await until(async () => api!.messagesTo(4242).length > before, "the awaited state", 30_000, 50);
      return textOf(api!.messagesTo(4242).at(-1));
    };
    expect(await say(textMessage(`/start ${code}`, officer))).toContain("奉化区应急管理局");
    // Joined the department: its report's first question (the welcome and it may be two messages).
    await until(async () => api!.messagesTo(4242).some((call) => textOf(call).includes("信息是否正确")), "the awaited state", 30_000, 50);
    // The button press is answered by an edit and the first question.
    expect(await say(callbackQuery("v0:m:ok", officer))).toContain("1/46");
    for (const answer of ["是", "1 0 11", "2 0 12", "31"]) expect(await say(textMessage(answer, officer))).not.toContain("需要");

    // Answer "31" is acknowledged; the backup is asked for now, before the next answer is sent.
    const archive = join(dir, "backups", "during.tar.gz");
    const backup = await cli(data, "backup", archive);
    expect(backup).toMatchObject({ code: 0, err: [] });
    expect(backup.out[0]).toContain(archive);
    for (const answer of ["32", "33"]) expect(await say(textMessage(answer, officer))).toContain("已保存");

    // Restore refuses to replace the folder of the running bot.
    const refused = await cli(data, "restore", archive);
    expect(refused.code).toBe(3);
    expect(refused.err[0]).toContain("数据目录正由进程");

    const restored = join(dir, "restored");
    expect((await cli(restored, "restore", archive)).code).toBe(0);
    const answered = async (folder: string): Promise<unknown[]> => {
      const year = /报告年度：(\d{4})年/.exec(api!.messagesTo(4242).map(textOf).join("\n"))?.[1] ?? "";
      // The officer's one report, wherever the workspace keeps it.
      const [workspace = ""] = await readdir(join(folder, "reports"));
      const record = JSON.parse(await readFile(join(folder, "reports", workspace, `${year}.json`), "utf8")) as { history: { new: unknown }[] };
      return record.history.map((entry) => entry.new);
    };
    const inBackup = await answered(restored);
    for (const value of [11, 12, 31]) expect(inBackup).toContain(value);
    for (const value of [32, 33]) expect(inBackup).not.toContain(value);
    // The report is the department's (organisation mode began with the office added while running),
    // and the membership came back too.
    expect(await readdir(join(restored, "reports"))).toEqual(["d1"]);
    const org = JSON.parse(await readFile(join(restored, "org.json"), "utf8")) as { members: { userId: string }[] };
    expect(org.members.map((member) => member.userId)).toContain("4242");

    // Removing the officer while the bot runs takes effect at the next message.
    expect((await cli(data, "admin", "remove-member", "4242")).out).toEqual(["已移除用户 4242（1 项身份）。其部门的年报仍保留，邀请新的填报人即可继续。"]);
    expect(await say(textMessage("34", officer))).toContain("邀请链接");

    bot.child.kill("SIGTERM");
    expect(await bot.exited).toBe(0);

    // With no bot running, backup takes the folder itself; it now holds every answer.
    const after = join(dir, "backups", "after.tar.gz");
    expect((await cli(data, "backup", after)).code).toBe(0);
    const again = join(dir, "again");
    expect((await cli(again, "restore", after)).code).toBe(0);
    for (const value of [31, 32, 33]) expect(await answered(again)).toContain(value);
    // Restoring over an existing folder keeps the folder as it was beside it.
    const over = await cli(again, "restore", archive);
    expect(over.code).toBe(0);
    expect(over.out[1]).toContain(`${again}.before-restore-`);
    expect(await answered(again)).not.toContain(32);

    // A damaged archive is named and changes nothing.
    const bytes = await readFile(after);
    const damaged = join(dir, "backups", "damaged.tar.gz");
    await writeFile(damaged, bytes.subarray(0, Math.floor(bytes.length / 2)));
    const bad = await cli(again, "restore", damaged);

    expect(bad.code).toBe(1);
    expect(bad.err[0]).toContain(`备份 ${damaged} 无法恢复：压缩包已损坏`);
    expect(await answered(again)).not.toContain(32);
  }, 90_000);
});
