// The operator's view of a running bot, as a real process against the fake Bot API: /healthz on
// HEALTH_PORT (polling) or beside the webhook (webhook mode, loopback by default), and the log:
// one JSON line per update with its timing and outcome and none of the officer's words, or short
// readable lines with LOG_FORMAT=pretty.
import { spawn } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import type { HealthReport } from "../../src/app/health.ts";
import { textMessage, user } from "../support/bot-harness.ts";
import { BOT_ARGS } from "../support/bot-process.ts";
import { FakeBotApi } from "../support/fake-bot-api.ts";
import { freePort } from "../support/free-port.ts";

const TOKEN = "123456:TEST-token-abcdefghijklmnopqrstuvwxyz";
let dir = "";
let api: FakeBotApi | undefined;
afterEach(async () => {
  await api?.close();
  api = undefined;
  if (dir !== "") await rm(dir, { recursive: true, force: true });
});

function startBot(env: Record<string, string>) {
  const child = spawn(process.execPath, BOT_ARGS, {
    cwd: dir,
    env: { PATH: process.env["PATH"] ?? "", HOME: process.env["HOME"] ?? "", LANG: "zh_CN.UTF-8", LOG_LEVEL: "info", ADMIN_IDS: "", BOT_TOKEN: TOKEN, DATA_DIR: dir, ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stdout = "";
  child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString("utf8")));
  const exited = new Promise<number | null>((resolve) => child.on("close", (code) => resolve(code)));
  return { child, exited, stdout: () => stdout };
}

/** Polls until the server answers (the process is still starting); no timing is asserted. */
async function healthOf(url: string): Promise<{ status: number; body: HealthReport }> {
  for (let attempt = 0; ; attempt += 1) {
    try {
      const response = await fetch(url);
      return { status: response.status, body: (await response.json()) as HealthReport };
    } catch (error) {
      if (attempt > 300) throw error;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
}

async function until<T>(probe: () => T | undefined): Promise<T> {
  for (let attempt = 0; attempt < 600; attempt += 1) {
    const value = probe();
    if (value !== undefined) return value;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error("condition never met");
}

describe("operating the bot", () => {
  it("polling: /healthz on HEALTH_PORT, and one JSON log line per update without the officer's words", async () => {
    dir = await mkdtemp(join(tmpdir(), "nianbao-ops-"));
    api = await FakeBotApi.start();
    const port = await freePort();
    const bot = startBot({ TELEGRAM_API_ROOT: api.apiRoot, HEALTH_PORT: String(port) });
    const officer = user({ id: 901 });
    api.pushUpdate(textMessage("/start", officer));
    await api.waitFor(901, 1, 30_000);
    api.pushUpdate(textMessage("奉化区应急管理局", officer));
    // waitFor counts from the previous wait: one more reply.
    await api.waitFor(901, 1, 30_000);
    const lines = await until(() => {
      const updates = bot.stdout().split("\n").filter((line) => line.includes('"msg":"update"'));
      return updates.length >= 2 ? updates : undefined;
    });
    const health = await healthOf(`http://127.0.0.1:${port}/healthz`);
    expect(health.status).toBe(200);
    expect(health.body).toMatchObject({ ok: true, store: { writable: true }, telegram: { connected: true }, updates: { handled: 2 } });
    bot.child.kill("SIGTERM");
    expect(await bot.exited).toBe(0);

    for (const line of bot.stdout().trim().split("\n")) expect(() => JSON.parse(line) as unknown).not.toThrow();
    const [start, answer] = lines.map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(start).toMatchObject({ msg: "update", kind: "message", command: "/start", user: 901, outcome: "ok" });
    expect(typeof start?.["ms"]).toBe("number");
    expect(answer).toMatchObject({ msg: "update", kind: "message", user: 901, outcome: "ok" });
    expect(answer).not.toHaveProperty("command");
    expect(bot.stdout()).not.toContain("奉化区应急管理局");
  }, 90_000);

  it("webhook: listens on 127.0.0.1 with /healthz beside the hook; LOG_FORMAT=pretty prints readable lines", async () => {
    dir = await mkdtemp(join(tmpdir(), "nianbao-ops-"));
    api = await FakeBotApi.start();
    const port = await freePort();
    const secret = "s3cret_s3cret_s3cret";
    const bot = startBot({ TELEGRAM_API_ROOT: api.apiRoot, WEBHOOK_URL: "https://bot.example.gov.cn/nianbao/hook", WEBHOOK_SECRET: secret, PORT: String(port), LOG_FORMAT: "pretty" });
    await until(() => (api?.callsOf("setWebhook").length ?? 0) > 0 || undefined);
    expect(String(api.callsOf("setWebhook")[0]?.params["url"])).toBe("https://bot.example.gov.cn/nianbao/hook");
    const update = textMessage("/start", user({ id: 902 }));
    const body = JSON.stringify(update);
    const delivered = await fetch(`http://127.0.0.1:${port}/nianbao/hook`, { method: "POST", body, headers: { "content-type": "application/json", "x-telegram-bot-api-secret-token": secret } });
    expect(delivered.status).toBe(200);
    await api.waitFor(902, 1, 30_000);
    const health = await healthOf(`http://127.0.0.1:${port}/healthz`);
    expect(health.body).toMatchObject({ ok: true, updates: { handled: 1 } });
    bot.child.kill("SIGTERM");
    expect(await bot.exited).toBe(0);
    const updateLine = bot.stdout().split("\n").find((line) => / INFO {2}update /.test(line)) ?? "";
    expect(updateLine).toMatch(/^\d\d:\d\d:\d\d INFO {2}update update_id=\d+ kind=message user=902 command=\/start ms=[\d.]+ outcome=ok$/);
    expect(bot.stdout()).toMatch(/INFO {2}main: webhook bot=nianbao_test_bot host=127\.0\.0\.1 port=\d+/);
  }, 90_000);

  it("a token Telegram refuses stops the bot with exit 2 and one line saying what to do", async () => {
    dir = await mkdtemp(join(tmpdir(), "nianbao-ops-"));
    api = await FakeBotApi.start();
    api.override("getMe", () => ({ ok: false, error_code: 401, description: "Unauthorized" }));
    const bot = startBot({ TELEGRAM_API_ROOT: api.apiRoot, LANG: "en_US.UTF-8" });
    let stderr = "";
    bot.child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString("utf8")));
    expect(await bot.exited).toBe(2);
    expect(stderr.trim()).toBe("BOT_TOKEN was rejected by Telegram (Unauthorized): the token is wrong or was revoked. Get the current one from @BotFather (/mybots → API Token), put it in BOT_TOKEN and start again.");
  }, 60_000);
});
