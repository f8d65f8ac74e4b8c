// createBot's wiring: features before the fallbacks, the error boundary, and auto-retry
// against faults injected by the fake Bot API (real HTTP, real grammY).
import { afterEach, describe, expect, it } from "vitest";
import { Composer } from "grammy";
import { pino } from "pino";
import { createBot } from "../../src/telegram/create-bot.ts";
import type { BotContext } from "../../src/telegram/context.ts";
import { callbackQuery, document, groupMessage, memoryLocaleChoices, startHarness, textMessage, textOf, user, type Harness } from "../support/bot-harness.ts";

let h: Harness | undefined;
afterEach(() => h?.close());

const zh = user({ id: 601, language_code: "zh-hans" });
const en = user({ id: 602, language_code: "en" });

function echoFeature(): Composer<BotContext> {
  const feature = new Composer<BotContext>();
  feature.on("message:text", (ctx, next) => (ctx.message.text.startsWith("echo ") ? ctx.reply(ctx.message.text.slice(5)) : next()));
  return feature;
}

function explodingFeature(): Composer<BotContext> {
  const feature = new Composer<BotContext>();
  feature.hears("boom 机密内容", () => { throw new Error("feature exploded"); });
  feature.callbackQuery("boom", () => { throw new Error("button exploded"); });
  return feature;
}

describe("createBot", () => {
  it("runs features before the fallbacks, in private chats only", async () => {
    h = await startHarness({ features: [echoFeature()] });
    expect(textOf((await h.send(textMessage("echo 你好", zh)))[0])).toBe("你好");
    expect(textOf((await h.send(textMessage("不是 echo", zh)))[0])).toContain("/report");
    expect(await h.send(groupMessage("echo 群里"))).toEqual([]);
  });

  it("the error boundary logs without the text or token and apologises in the officer's language", async () => {
    h = await startHarness({ features: [explodingFeature()] });
    const calls = await h.send(textMessage("boom 机密内容", zh));
    expect(calls.map((c) => c.method)).toEqual(["sendMessage"]);
    expect(textOf(calls[0])).toBe("抱歉，处理出错了，请重试；您已保存的内容不会丢失。");
    expect(textOf((await h.send(textMessage("boom 机密内容", en)))[0])).toMatch(/^Sorry, something went wrong/);

    const errors = h.logger.entries.filter((e) => e.level === "error");
    expect(errors).toHaveLength(2);
    expect(errors[0]?.msg).toBe("telegram: update failed");
    expect(errors[0]?.obj).toMatchObject({ err: { kind: "bug", message: "feature exploded" }, update: ["message"], chat: "private" });
    const logged = JSON.stringify(h.logger.entries);
    expect(logged).not.toContain("机密内容");
    expect(logged).not.toContain(h.token);
  });

  it("a failing button still stops the spinner and apologises", async () => {
    h = await startHarness({ features: [explodingFeature()] });
    const calls = await h.send(callbackQuery("boom", zh));
    expect(calls.map((c) => c.method)).toEqual(["answerCallbackQuery", "sendMessage"]);
    expect(textOf(calls[1])).toBe("抱歉，处理出错了，请重试；您已保存的内容不会丢失。");
  });

  it("survives a 429 (retry_after 1) and a 500, and the message arrives exactly once", async () => {
    h = await startHarness();
    h.api.inject({ kind: "429", retryAfter: 1, method: "sendMessage" }, { kind: "500", method: "sendMessage" });
    const started = Date.now();
    await h.send(textMessage("/help", zh));
    // retry_after 1 s, then auto-retry's first backoff of 3 s after the 500: a lower bound, which
    // no machine, however slow or loaded, can fail by being slow.
    expect(Date.now() - started).toBeGreaterThanOrEqual(3_900);
    expect(h.api.calls.filter((c) => c.method === "sendMessage").map((c) => c.outcome)).toEqual(["429", "500", "ok"]);
    expect(h.api.messagesTo(601)).toHaveLength(1);
    expect(textOf(h.api.messagesTo(601)[0])).toContain("可用命令");
    expect(h.logger.entries.filter((e) => e.level === "error")).toEqual([]);
  });

  it("retries a hung request after the client timeout", async () => {
    // 3 s: long enough that the answered retry is never taken for hung on a loaded machine.
    h = await startHarness({ timeoutSeconds: 3 });
    h.api.inject({ kind: "hang", method: "sendMessage" });
    await h.send(textMessage("/start", zh));
    expect(h.api.calls.filter((c) => c.method === "sendMessage").map((c) => c.outcome)).toEqual(["hang", "ok"]);
    expect(h.api.messagesTo(601)).toHaveLength(1);
  });

  it("gives up after the configured attempts and the error boundary takes over", async () => {
    h = await startHarness({ retry: { maxRetryAttempts: 1, maxDelaySeconds: 60 } });
    // Two refusals of the reply exhaust one retry; the apology then goes through.
    h.api.inject({ kind: "429", retryAfter: 1, method: "sendMessage" }, { kind: "429", retryAfter: 1, method: "sendMessage" });
    await h.send(textMessage("/help", zh));
    const sends = h.api.calls.filter((c) => c.method === "sendMessage");
    expect(sends.map((c) => c.outcome)).toEqual(["429", "429", "ok"]);
    expect(textOf(sends[2])).toBe("抱歉，处理出错了，请重试；您已保存的内容不会丢失。");
    expect(h.logger.entries.find((entry) => entry.level === "error")?.obj).toMatchObject({ err: { kind: "telegram", method: "sendMessage", code: 429 } });
  });

  it("does not wait out a flood ban longer than maxDelaySeconds", async () => {
    h = await startHarness();
    h.api.inject({ kind: "429", retryAfter: 3600, method: "sendMessage" });
    // Waiting out the hour would hit the test's timeout; giving up at once sends the apology next.
    await h.send(textMessage("/help", zh));
    expect(h.api.calls.filter((c) => c.method === "sendMessage").map((c) => c.outcome)).toEqual(["429", "ok"]);
    expect(h.logger.entries.find((entry) => entry.level === "error")?.obj).toMatchObject({ err: { code: 429 } });
  });

  it("long-polls the fake API with bot.start() and answers a queued update", async () => {
    h = await startHarness({ features: [explodingFeature()] });
    const running = h.bot.start({ timeout: 1 });
    h.api.pushUpdate(textMessage("/help", en));
    const [help] = await h.api.waitFor(602, 1);
    expect(textOf(help)).toContain("Commands:");
    // The boundary also covers polling: a failing update is answered, the loop goes on.
    h.api.pushUpdate(textMessage("boom 机密内容", zh));
    h.api.pushUpdate(textMessage("/start", zh));
    const [apology, greeting] = await h.api.waitFor(601, 2);
    expect(textOf(apology)).toBe("抱歉，处理出错了，请重试；您已保存的内容不会丢失。");
    expect(textOf(greeting)).toContain("/report");
    await h.bot.stop();
    await running;
    expect(h.api.callsOf("deleteWebhook")).toHaveLength(1);
  });

  it("accepts a pino logger", () => {
    const bot = createBot({ token: "1:T", store: { locales: memoryLocaleChoices() }, logger: pino({ level: "silent" }) });
    expect(bot.isRunning()).toBe(false);
  });

  it("a feature can download a document the officer sent (getFile + file path)", async () => {
    const bytes = Buffer.from("PK\u0003\u0004 二〇二一年年报", "utf8");
    const importFeature = new Composer<BotContext>();
    importFeature.on("message:document", async (ctx) => {
      const file = await ctx.getFile();
      const res = await fetch(`${h?.api.apiRoot}/file/bot${ctx.api.token}/${file.file_path}`);
      const got = Buffer.from(await res.arrayBuffer());
      await ctx.reply(`${ctx.message.document.file_name} ${got.length} ${got.equals(bytes)}`);
    });
    h = await startHarness({ features: [importFeature] });
    const calls = await h.send(document(h.api, bytes, "2021年报.docx", zh));
    expect(calls.map((c) => c.method)).toEqual(["getFile", "sendMessage"]);
    expect(textOf(calls[1])).toBe(`2021年报.docx ${bytes.length} true`);
  });
});
