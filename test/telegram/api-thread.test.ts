// The Bot API thread (src/telegram/api-thread/): grammY's calls cross to a worker thread that does
// the HTTP. Real grammY, real HTTP to the fake Bot API: replies, uploads, retries, timeouts and
// long polling behave exactly as with grammY's own fetch.
import { afterEach, describe, expect, it } from "vitest";
import { Composer, InputFile } from "grammy";
import { Worker } from "node:worker_threads";
import { spawnApiWorker, startApiThread, type ApiResponse, type ApiThread } from "../../src/telegram/api-thread/api-thread.ts";
import type { BotContext } from "../../src/telegram/context.ts";
import { startHarness, textMessage, textOf, user, type Harness } from "../support/bot-harness.ts";
import { FakeBotApi } from "../support/fake-bot-api.ts";

let h: Harness | undefined;
let thread: ApiThread | undefined;
afterEach(async () => {
  await h?.close();
  await thread?.close(0);
  h = undefined;
  thread = undefined;
});

const zh = user({ id: 701, language_code: "zh-hans" });
const APOLOGY = "抱歉，处理出错了，请重试；您已保存的内容不会丢失。";

function echoFeature(): Composer<BotContext> {
  const feature = new Composer<BotContext>();
  feature.hears(/^echo ([\s\S]*)$/, (ctx) => ctx.reply(ctx.match[1] ?? "", { reply_markup: { inline_keyboard: [[{ text: "正确 ✓", callback_data: "ok:1" }]] } }));
  feature.hears("file", (ctx) => ctx.replyWithDocument(new InputFile(Buffer.from("PK\u0003\u0004 年报 bytes \u0000\u00ff", "latin1"), "年报.docx"), { caption: "草稿" }));
  return feature;
}

describe("the Bot API thread", () => {
  it("carries a reply with its keyboard and the result back to grammY", async () => {
    h = await startHarness({ apiThread: true, features: [echoFeature()] });
    const long = "年".repeat(4000);
    const calls = await h.send(textMessage(`echo ${long}`, zh));
    expect(calls.map((c) => c.method)).toEqual(["sendMessage"]);
    expect(textOf(calls[0])).toBe(long);
    expect(calls[0]?.params["reply_markup"]).toEqual({ inline_keyboard: [[{ text: "正确 ✓", callback_data: "ok:1" }]] });
  });

  it("uploads a document (multipart) with its bytes intact", async () => {
    h = await startHarness({ apiThread: true, features: [echoFeature()] });
    const calls = await h.send(textMessage("file", zh));
    expect(calls.map((c) => c.method)).toEqual(["sendDocument"]);
    const [file] = calls[0]?.files ?? [];
    expect(file?.filename).toBe("年报.docx");
    expect(file?.bytes.equals(Buffer.from("PK\u0003\u0004 年报 bytes \u0000\u00ff", "latin1"))).toBe(true);
    expect(calls[0]?.params["caption"]).toBe("草稿");
  });

  it("a 429 and a 500 are retried by auto-retry and the message arrives once", async () => {
    h = await startHarness({ apiThread: true });
    h.api.inject({ kind: "429", retryAfter: 1, method: "sendMessage" }, { kind: "500", method: "sendMessage" });
    await h.send(textMessage("/help", zh));
    expect(h.api.calls.filter((c) => c.method === "sendMessage").map((c) => c.outcome)).toEqual(["429", "500", "ok"]);
    expect(h.api.messagesTo(701)).toHaveLength(1);
    expect(h.logger.entries.filter((e) => e.level === "error")).toEqual([]);
  });

  it("a refusal reaches the error boundary as Telegram's error", async () => {
    h = await startHarness({ apiThread: true, retry: { maxRetryAttempts: 0, maxDelaySeconds: 1 } });
    h.api.inject({ kind: "429", retryAfter: 3600, method: "sendMessage" });
    await h.send(textMessage("/help", zh));
    expect(h.logger.entries.find((entry) => entry.level === "error")?.obj).toMatchObject({ err: { kind: "telegram", method: "sendMessage", code: 429 } });
    expect(textOf(h.api.messagesTo(701)[0])).toBe(APOLOGY);
  });

  it("a hung request is aborted at the client timeout and retried", async () => {
    h = await startHarness({ apiThread: true, timeoutSeconds: 1 });
    h.api.inject({ kind: "hang", method: "sendMessage" });
    await h.send(textMessage("/start", zh));
    expect(h.api.calls.filter((c) => c.method === "sendMessage").map((c) => c.outcome)).toEqual(["hang", "ok"]);
    expect(h.api.messagesTo(701)).toHaveLength(1);
  });

  it("long-polls with bot.start() and bot.stop() ends the poll in flight", async () => {
    h = await startHarness({ apiThread: true });
    const running = h.bot.start({ timeout: 30 });
    h.api.pushUpdate(textMessage("/help", zh));
    const [help] = await h.api.waitFor(701, 1);
    expect(textOf(help)).toContain("可用命令");
    const stopping = Date.now();
    await h.bot.stop();
    await running;
    // The 30-second poll in flight was abandoned, not waited out.
    expect(Date.now() - stopping).toBeLessThan(5_000);
  });

  it("a server that is gone is a network error (HttpError), not a crash", async () => {
    const api = await FakeBotApi.start();
    const root = api.apiRoot;
    await api.close();
    thread = startApiThread();
    const response = thread.fetch(`${root}/bot1:T/getMe`, { headers: { "content-type": "application/json" }, body: "{}" });
    await expect(response).rejects.toMatchObject({ code: "ECONNREFUSED" });
  });

  it("an aborted signal rejects with AbortError and the thread keeps serving", async () => {
    const api = await FakeBotApi.start();
    try {
      thread = startApiThread();
      api.inject({ kind: "hang", method: "getMe", ms: 10_000 });
      const controller = new AbortController();
      const hung = thread.fetch(`${api.apiRoot}/bot1:T/getMe`, { headers: { "content-type": "application/json" }, body: "{}", signal: controller.signal });
      // Abort once the request is on the wire, so the worker has a connection to drop.
      while (!api.calls.some((c) => c.method === "getMe")) await new Promise((resolve) => setTimeout(resolve, 10));
      controller.abort();
      await expect(hung).rejects.toMatchObject({ name: "AbortError" });
      const ok = await thread.fetch(`${api.apiRoot}/bot1:T/getMe`, { headers: { "content-type": "application/json" }, body: "{}" });
      expect(ok.status).toBe(200);
      expect(await ok.json()).toMatchObject({ ok: true, result: { username: api.botInfo.username } });
    } finally {
      await api.close();
    }
  });

  it("close waits for requests in flight, then refuses new ones", async () => {
    const api = await FakeBotApi.start();
    try {
      thread = startApiThread();
      api.inject({ kind: "delay", ms: 300, method: "getMe" });
      const slow = thread.fetch(`${api.apiRoot}/bot1:T/getMe`, { body: "{}" });
      await thread.close();
      expect((await slow).status).toBe(200);
      await expect(thread.fetch(`${api.apiRoot}/bot1:T/getMe`, { body: "{}" })).rejects.toThrow(/closed/);
    } finally {
      await api.close();
    }
  });
});

describe("the Bot API thread, when it dies", () => {
  it("is replaced by a fresh thread, and the bot's next reply goes through", async () => {
    const spawned: Worker[] = [];
    thread = startApiThread({ spawn: (options) => { const worker = spawnApiWorker(options); spawned.push(worker); return worker; } });
    const api = await FakeBotApi.start();
    try {
      const getMe = (): Promise<ApiResponse> => (thread as ApiThread).fetch(`${api.apiRoot}/bot1:T/getMe`, { headers: { "content-type": "application/json" }, body: "{}" });
      expect((await getMe()).status).toBe(200);
      await spawned[0]?.terminate();
      expect(spawned).toHaveLength(2);
      expect((await getMe()).status).toBe(200);
    } finally {
      await api.close();
    }
  });

  it("a thread that cannot start fails the calls instead of restarting for ever", async () => {
    let spawns = 0;
    thread = startApiThread({ spawn: () => { spawns += 1; return new Worker("throw new Error('broken build')", { eval: true }); } });
    await expect(thread.fetch("http://127.0.0.1:9/bot1:T/getMe", { body: "{}" })).rejects.toThrow(/broken build|could not start|ended/);
    await new Promise((resolve) => setTimeout(resolve, 100));
    await expect(thread.fetch("http://127.0.0.1:9/bot1:T/getMe", { body: "{}" })).rejects.toThrow(/could not start/);
    expect(spawns).toBe(1);
  });
});
