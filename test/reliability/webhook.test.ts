// Webhook mode as a real process: main.ts serves WEBHOOK_URL's path on PORT, calls setWebhook with
// the secret, takes updates only with the right X-Telegram-Bot-Api-Secret-Token, answers other
// requests itself, absorbs a retried delivery, and logs (at debug) neither token nor narrative.
import { spawn } from "node:child_process";
import { mkdtemp, readdir, rm } from "node:fs/promises";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Update } from "grammy/types";
import { afterEach, describe, expect, it } from "vitest";
import { BOT_ARGS } from "../support/bot-process.ts";
import { FakeBotApi } from "../support/fake-bot-api.ts";
import { officerUser, recordProblems, sentenceOf, storedRecords } from "./script.ts";
import { scriptUpdates } from "./world.ts";

const TOKEN = "515151:WEBHOOK-test-token-abcdefghijklmnopq";
const SECRET = "s3cret_Webhook-token_0123456789";
const PATH = "/nianbao/hook";

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (address === null || typeof address === "string") throw new Error("no port");
  return address.port;
}

let cleanup: (() => Promise<void>) | undefined;
afterEach(async () => {
  await cleanup?.();
  cleanup = undefined;
});

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

describe("webhook mode", () => {
  it("serves the webhook with the secret, rejects everything else, and keeps token and narrative out of the logs", async () => {
    const api = await FakeBotApi.start();
    const dir = await mkdtemp(join(tmpdir(), "nianbao-webhook-"));
    const port = await freePort();
    const child = spawn(process.execPath, BOT_ARGS, {
      cwd: dir,
      env: {
        PATH: process.env["PATH"] ?? "", HOME: process.env["HOME"] ?? "", BOT_TOKEN: TOKEN, TELEGRAM_API_ROOT: api.apiRoot, DATA_DIR: dir, ADMIN_IDS: "",
        LOG_LEVEL: "debug", WEBHOOK_URL: `https://bot.example.org${PATH}`, WEBHOOK_SECRET: SECRET, PORT: String(port),
      },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString("utf8")));
    child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString("utf8")));
    const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
    cleanup = async () => {
      if (child.exitCode === null) child.kill("SIGKILL");
      await api.close();
      await rm(dir, { recursive: true, force: true });
    };

    const deadline = Date.now() + 30_000;
    while (api.callsOf("setWebhook").length === 0 && Date.now() < deadline) await sleep(20);
    const [setWebhook] = api.callsOf("setWebhook");
    expect(setWebhook?.params).toMatchObject({ url: `https://bot.example.org${PATH}`, secret_token: SECRET, max_connections: 100 });

    const base = `http://127.0.0.1:${port}`;
    const post = (update: Update | string, headers: Record<string, string> = { "x-telegram-bot-api-secret-token": SECRET }, path = PATH): Promise<Response> =>
      fetch(`${base}${path}`, { method: "POST", headers: { "content-type": "application/json", ...headers }, body: typeof update === "string" ? update : JSON.stringify(update) });
    const chatId = officerUser(1).id;
    let nextId = 900;
    const updates = scriptUpdates(1).map((update) => ({ ...update, update_id: (nextId += 1) }) as Update);
    const [first] = updates;
    if (first === undefined) throw new Error("no script");

    // Rejected before the bot: no secret, a wrong one, wrong path, wrong method, too large.
    expect((await post(first, {})).status).toBe(401);
    expect((await post(first, { "x-telegram-bot-api-secret-token": `${SECRET}x` })).status).toBe(401);
    expect((await post(first, undefined, "/elsewhere")).status).toBe(404);
    expect((await fetch(`${base}${PATH}`, { headers: { "x-telegram-bot-api-secret-token": SECRET } })).status).toBe(405);
    expect((await post(JSON.stringify({ ...first, padding: "x".repeat(1_100_000) }))).status).toBe(413);
    await sleep(200);
    expect(api.messagesTo(chatId)).toEqual([]);
    expect(await readdir(join(dir, "users"))).toEqual([]);

    // The real thing: the whole script, one update after another, each answered before the next.
    for (const update of updates) expect((await post(update)).status).toBe(200);
    // Telegram retries a delivery it did not see acknowledged: absorbed, nothing changes.
    // The bot runs in another process: read its report as a restart would (the store opened on a copy).
    const stored = async (): Promise<Parameters<typeof recordProblems>[1]> => (await storedRecords(dir, [1])).get(1) ?? null;
    const record = await stored();
    const last = updates[updates.length - 1];
    if (last === undefined) throw new Error("no script");
    expect((await post(last)).status).toBe(200);
    expect(await stored()).toEqual(record);
    expect(recordProblems(1, record, updates.length - 1, updates.length - 1)).toEqual([]);
    expect(api.messagesTo(chatId).length).toBeGreaterThanOrEqual(updates.length);

    child.kill("SIGTERM");
    expect(await exited).toBe(0);
    expect(output).toContain("main: webhook");
    expect(output).toContain("wrong or missing secret token");
    // Logs: JSON lines at debug, with neither the bot token, the secret nor the officer's text.
    expect(output).not.toContain(TOKEN);
    expect(output).not.toContain(TOKEN.split(":")[1]);
    expect(output).not.toContain(SECRET);
    expect(output).not.toContain(sentenceOf(1, "s1.active"));
    expect(output).not.toContain("认真落实政府信息公开条例");
  }, 180_000);
});
