// The composition root as a real process: the terminal console with piped stdin, SIGTERM while
// running, and configuration errors. No BOT_TOKEN, so no network.
import { spawn } from "node:child_process";
import { mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { BOT_ARGS } from "./support/bot-process.ts";
import { FakeBotApi } from "./support/fake-bot-api.ts";
import { textMessage, user } from "./support/bot-harness.ts";
import { startFakeDingTalk } from "./support/fake-dingtalk.ts";
import { freePort } from "./support/free-port.ts";

let dir = "";
afterEach(async () => {
  if (dir !== "") await rm(dir, { recursive: true, force: true });
});

interface Run { code: number | null; stdout: string; stderr: string }

/** The bot (BOT_ARGS) run from `cwd`, a temp folder: not the repository, whose .env is the developer's. */
function start(env: Record<string, string>, cwd = env["DATA_DIR"] ?? dir): { child: ReturnType<typeof spawn>; done: Promise<Run> } {
  const child = spawn(process.execPath, BOT_ARGS, {
    cwd,
    // A clean environment: no token or admin ids from the developer's shell.
    env: { PATH: process.env["PATH"] ?? "", HOME: process.env["HOME"] ?? "", LANG: "zh_CN.UTF-8", LOG_LEVEL: "warn", BOT_TOKEN: "", ADMIN_IDS: "", ...env },
    stdio: ["pipe", "pipe", "pipe"],
  });
  let stdout = "";
  let stderr = "";
  child.stdout?.on("data", (chunk: Buffer) => (stdout += chunk.toString("utf8")));
  child.stderr?.on("data", (chunk: Buffer) => (stderr += chunk.toString("utf8")));
  const done = new Promise<Run>((resolve) => child.on("close", (code) => resolve({ code, stdout, stderr })));
  return { child, done };
}

describe("main", () => {
  it("runs the console on piped stdin, writes the export under DATA_DIR/exports and exits 0", async () => {
    dir = await mkdtemp(join(tmpdir(), "nianbao-main-"));
    const { child, done } = start({ DATA_DIR: dir });
    child.stdin?.end(["奉化区应急管理局", "1", "2", "0", "1", "/export"].join("\n") + "\n");
    const run = await done;
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    const files = await readdir(join(dir, "exports"));
    expect(files).toHaveLength(1);
    expect(files[0]).toMatch(/年政府信息公开工作年度报告-草稿-v\d+\.docx$/);
    expect(run.stdout).toContain(join(dir, "exports", files[0] ?? ""));
    expect((await readFile(join(dir, "exports", files[0] ?? ""))).subarray(0, 2).toString()).toBe("PK");
  }, 60_000);

  it("exits 0 on SIGTERM while waiting for input, with every answer on disk", async () => {
    dir = await mkdtemp(join(tmpdir(), "nianbao-main-"));
    // node --import tsx: one process, so the signal reaches main.ts itself.
    const { child, done } = start({ DATA_DIR: dir });
    child.stdin?.write("奉化区应急管理局\n#1\n#2\n9\n");
    // Wait until the answer to 规章 has been acknowledged (the next question is printed).
    const deadline = Date.now() + 30_000;
    let seen = "";
    child.stdout?.on("data", (chunk: Buffer) => (seen += chunk.toString("utf8")));
    while (!seen.includes("行政规范性文件」：现行有效件数") && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
    child.kill("SIGTERM");
    const run = await done;
    expect(run.code).toBe(0);
    const users = await readdir(join(dir, "reports"));
    const year = (await readdir(join(dir, "reports", users[0] ?? ""))).find((name) => /^\d{4}\.json$/.test(name)) ?? "";
    const record = JSON.parse(await readFile(join(dir, "reports", users[0] ?? "", year), "utf8")) as { report: { values: Record<string, number> } };
    expect(record.report.values["t2.rules.inForce"]).toBe(9);
  }, 60_000);

  it("reports each configuration problem on one line and exits 2", async () => {
    dir = await mkdtemp(join(tmpdir(), "nianbao-main-"));
    const { child, done } = start({ BOT_TOKEN: "not-a-token", LOG_LEVEL: "loud" });
    child.stdin?.end();
    const run = await done;
    expect(run.code).toBe(2);
    const lines = run.stderr.trim().split("\n");
    expect(lines).toHaveLength(2);
    expect(lines.some((line) => line.startsWith("BOT_TOKEN "))).toBe(true);
    expect(lines.some((line) => line.startsWith("LOG_LEVEL "))).toBe(true);
    expect(run.stderr).not.toContain("    at ");
  }, 60_000);

  it("refuses to start on a data folder another live process holds, and says which (exit 3)", async () => {
    dir = await mkdtemp(join(tmpdir(), "nianbao-main-"));
    const other = spawn(process.execPath, ["-e", "setTimeout(() => {}, 30000)"], { stdio: "ignore" });
    try {
      await writeFile(join(dir, ".lock"), `${other.pid}\n`);
      const { child, done } = start({ DATA_DIR: dir });
      child.stdin?.end("奉化区应急管理局\n");
      const run = await done;
      expect(run.code).toBe(3);
      expect(run.stderr.trim()).toBe(`数据目录正由进程 ${other.pid} 使用（机器人正在运行？）。请先停止它再操作；若确认没有这样的进程在运行，可删除 ${join(dir, ".lock")} 后重试。`);
      expect(await readdir(join(dir, "reports"))).toEqual([]);
    } finally {
      other.kill("SIGKILL");
    }
  }, 60_000);

  it("with BOT_TOKEN long-polls the Bot API, answers /start, and stops cleanly on SIGTERM", async () => {
    dir = await mkdtemp(join(tmpdir(), "nianbao-main-"));
    const api = await FakeBotApi.start();
    try {
      const { child, done } = start({ DATA_DIR: dir, BOT_TOKEN: "123456:TEST-token-abcdefghijklmnopqrstuvwxyz", TELEGRAM_API_ROOT: api.apiRoot });
      const officer = user({ id: 777 });
      const update = textMessage("/start", officer);
      const { update_id: _id, ...withoutId } = update;
      api.pushUpdate(withoutId);
      const [reply] = await api.waitFor(777, 1, 30_000);
      expect(String(reply?.params["text"])).toContain("单位的全称");
      expect(api.callsOf("setMyCommands").length).toBeGreaterThan(0);
      child.kill("SIGTERM");
      const run = await done;
      expect(run.code).toBe(0);
    } finally {
      await api.close();
    }
  }, 60_000);

  it("with Telegram unreachable says so on stderr at once and keeps trying; SIGTERM still exits 0", async () => {
    dir = await mkdtemp(join(tmpdir(), "nianbao-main-"));
    // A port nothing listens on: every connection is refused.
    const port = await freePort();
    const apiRoot = `http://127.0.0.1:${port}`;
    const { child, done } = start({ DATA_DIR: dir, BOT_TOKEN: "123456:TEST-token-abcdefghijklmnopqrstuvwxyz", TELEGRAM_API_ROOT: apiRoot, LOG_LEVEL: "silent" });
    let seen = "";
    child.stderr?.on("data", (chunk: Buffer) => (seen += chunk.toString("utf8")));
    // Waits for the line, not for a time: the assertion is what is said, not how fast.
    const deadline = Date.now() + 45_000;
    while (!seen.includes("将持续重试") && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
    child.kill("SIGTERM");
    const run = await done;
    expect(run.stderr.trim().split("\n")).toEqual([`无法连接 Telegram（${apiRoot}）：Network request for 'getMe' failed! (connect ECONNREFUSED 127.0.0.1:${port})。将持续重试；请检查网络、代理或 TELEGRAM_API_ROOT。`]);
    expect(run.code).toBe(0);
  }, 60_000);

  it("answers a token Telegram rejects (401) with one line naming BOT_TOKEN and exit 2", async () => {
    dir = await mkdtemp(join(tmpdir(), "nianbao-main-"));
    const api = await FakeBotApi.start();
    api.override("getMe", () => ({ ok: false, error_code: 401, description: "Unauthorized" }));
    try {
      const { child, done } = start({ DATA_DIR: dir, BOT_TOKEN: "123456:TEST-token-abcdefghijklmnopqrstuvwxyz", TELEGRAM_API_ROOT: api.apiRoot, LANG: "en_US.UTF-8" });
      child.stdin?.end();
      const run = await done;
      expect(run.stderr.trim().split("\n")).toEqual(["BOT_TOKEN was rejected by Telegram (Unauthorized): the token is wrong or was revoked. Get the current one from @BotFather (/mybots → API Token), put it in BOT_TOKEN and start again."]);
      expect(run.code).toBe(2);
    } finally {
      await api.close();
    }
  }, 60_000);

  it("with Telegram silent (connections accepted, never answered) says so within the probe's timeout and keeps trying", async () => {
    dir = await mkdtemp(join(tmpdir(), "nianbao-main-"));
    const api = await FakeBotApi.start();
    for (let i = 0; i < 5; i += 1) api.inject({ kind: "hang", method: "getMe" });
    try {
      const { child, done } = start({ DATA_DIR: dir, BOT_TOKEN: "123456:TEST-token-abcdefghijklmnopqrstuvwxyz", TELEGRAM_API_ROOT: api.apiRoot, LOG_LEVEL: "silent" });
      let seen = "";
      child.stderr?.on("data", (chunk: Buffer) => (seen += chunk.toString("utf8")));
      const deadline = Date.now() + 50_000;
      while (!seen.includes("将持续重试") && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
      child.kill("SIGTERM");
      const run = await done;
      expect(run.stderr).toContain(`无法连接 Telegram（${api.apiRoot}）`);
      expect(run.code).toBe(0);
    } finally {
      await api.close();
    }
  }, 70_000);
  it("runs Telegram and DingTalk together in one process on one store, and stops cleanly on SIGTERM", async () => {
    dir = await mkdtemp(join(tmpdir(), "nianbao-main-"));
    const api = await FakeBotApi.start();
    const ding = await startFakeDingTalk({ clientId: "dingmain01", clientSecret: "s3cret_s3cret_s3cret", robotCode: "dingmain01" });
    try {
      const { child, done } = start({
        DATA_DIR: dir,
        BOT_TOKEN: "123456:TEST-token-abcdefghijklmnopqrstuvwxyz",
        TELEGRAM_API_ROOT: api.apiRoot,
        DINGTALK_CLIENT_ID: "dingmain01",
        DINGTALK_CLIENT_SECRET: "s3cret_s3cret_s3cret",
        DINGTALK_ROBOT_CODE: "dingmain01",
        DINGTALK_API_ROOT: ding.root,
        DINGTALK_OAPI_ROOT: ding.root,
      });
      // deliver() resolves once the callback is acknowledged, which is after the answer was sent.
      await ding.deliver({ staffId: "staff01", text: "你好" });
      expect(ding.sent.map((m) => [m.userId, m.msgKey])).toEqual([["staff01", "sampleMarkdown"]]);
      expect(ding.sent[0]?.param["text"]).toContain("单位的全称");
      const { update_id: _id, ...withoutId } = textMessage("/start", user({ id: 778 }));
      api.pushUpdate(withoutId);
      const [reply] = await api.waitFor(778, 1, 30_000);
      expect(String(reply?.params["text"])).toContain("单位的全称");
      child.kill("SIGTERM");
      const run = await done;
      expect(run.code).toBe(0);
      expect(ding.unacked()).toEqual([]);
    } finally {
      await ding.close();
      await api.close();
    }
  }, 60_000);
});
