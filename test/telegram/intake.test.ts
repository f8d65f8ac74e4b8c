// Long polling through @grammyjs/runner (src/telegram/intake.ts) against the fake Bot API over real
// HTTP: chats run concurrently and each in order, a slow update holds up only its own chat, and an
// update in hand when the process dies is handled again at the next start from the data folder.
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Composer } from "grammy";
import { afterEach, describe, expect, it } from "vitest";
import { updatesInHand } from "../../src/app/updates-in-hand.ts";
import { openStore, type Store } from "../../src/store/store.ts";
import type { BotContext } from "../../src/telegram/context.ts";
import { startIntake, type Intake } from "../../src/telegram/intake.ts";
import { recordingLogger } from "../store/helpers.ts";
import { startHarness, textMessage, textOf, user, type Harness } from "../support/bot-harness.ts";

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** Waits for an observed state (checked every few ms), not for a fixed time. */
async function until(condition: () => boolean): Promise<void> {
  while (!condition()) await new Promise((resolve) => setTimeout(resolve, 5));
}

const alice = user({ id: 801 });
const bob = user({ id: 802 });

async function tempStore(): Promise<Store> {
  const dir = await mkdtemp(join(tmpdir(), "nianbao-intake-"));
  const store = await openStore({ dataDir: dir, logger: recordingLogger() });
  cleanups.push(async () => {
    await store.close();
    await rm(dir, { recursive: true, force: true });
  });
  return store;
}

async function harness(features: Composer<BotContext>[], retry?: { maxRetryAttempts: number; maxDelaySeconds: number }): Promise<Harness> {
  const h = await startHarness({ features, ...(retry === undefined ? {} : { retry }) });
  cleanups.push(() => h.close());
  return h;
}

async function intake(h: Harness, store: Store, timeoutSeconds = 1): Promise<Intake> {
  const started = await startIntake(h.bot, { inHand: updatesInHand(store), logger: h.logger, timeoutSeconds });
  cleanups.push(() => started.stop());
  return started;
}

/** "wait" holds until release(); anything else is echoed at once (abort() gives up a reply still waiting). */
function gatedFeature(): { feature: Composer<BotContext>; release: () => void; started: Promise<void>; abort: () => void } {
  const replies = new AbortController();
  let release = (): void => undefined;
  let markStarted = (): void => undefined;
  const gate = new Promise<void>((resolve) => (release = resolve));
  const started = new Promise<void>((resolve) => (markStarted = resolve));
  const feature = new Composer<BotContext>();
  feature.on("message:text", async (ctx) => {
    if (ctx.message.text === "wait") {
      markStarted();
      await gate;
    }
    await ctx.reply(`done ${ctx.message.text}`, {}, replies.signal as Parameters<BotContext["reply"]>[2]);
  });
  return { feature, release: () => release(), started, abort: () => replies.abort() };
}

describe("startIntake", () => {
  it("handles chats concurrently: one chat waiting does not hold up another", async () => {
    const gated = gatedFeature();
    const h = await harness([gated.feature]);
    h.api.pushUpdate(textMessage("wait", alice));
    h.api.pushUpdate(textMessage("hello", bob));
    await intake(h, await tempStore());
    expect(textOf((await h.api.waitFor(802, 1))[0])).toBe("done hello");
    expect(h.api.messagesTo(801)).toEqual([]);
    gated.release();
    expect(textOf((await h.api.waitFor(801, 1))[0])).toBe("done wait");
  });

  it("keeps one chat's updates in order", async () => {
    const gated = gatedFeature();
    const h = await harness([gated.feature]);
    for (const text of ["wait", "one", "two", "three"]) h.api.pushUpdate(textMessage(text, alice));
    await intake(h, await tempStore());
    await gated.started;
    gated.release();
    expect((await h.api.waitFor(801, 4)).map(textOf)).toEqual(["done wait", "done one", "done two", "done three"]);
  });

  it("a reply waiting out a 60 s retry-after does not stop 150 answers of another officer", async () => {
    const gated = gatedFeature();
    const h = await harness([gated.feature], { maxRetryAttempts: 3, maxDelaySeconds: 60 });
    h.api.inject({ kind: "429", retryAfter: 60, method: "sendMessage" });
    h.api.pushUpdate(textMessage("first", alice));
    await intake(h, await tempStore());
    // Alice's reply got the 429: auto-retry now waits 60 s inside her update.
    await until(() => h.api.calls.some((call) => call.outcome === "429"));
    // More than one getUpdates batch (100) behind her: a held offset would stall here.
    for (let i = 1; i <= 150; i += 1) h.api.pushUpdate(textMessage(`bob ${i}`, bob));
    const replies = await h.api.waitFor(802, 150, 20_000);
    expect(replies.map(textOf).at(-1)).toBe("done bob 150");
    expect(h.api.messagesTo(801)).toEqual([]);
    // Only so that the test ends now: her update gives up instead of waiting out the minute.
    gated.abort();
  }, 30_000);

  it("an update in hand at a crash is handled again at the next start, though Telegram was told it was done", async () => {
    const store = await tempStore();
    const gated = gatedFeature();
    const first = await harness([gated.feature]);
    const held = first.api.pushUpdate(textMessage("wait", alice));
    await intake(first, store);
    await gated.started;
    // Bob keeps talking: each fetch confirms Alice's update to Telegram, which will not send it again.
    for (let i = 1; i <= 3; i += 1) {
      first.api.pushUpdate(textMessage(`bob ${i}`, bob));
      await first.api.waitFor(802, 1);
    }
    expect(first.api.callsOf("getUpdates").at(-1)?.params["offset"]).toBeGreaterThan(held.update_id);
    // The process dies with Alice's update still running; a new one starts on the same data folder
    // (a fresh fake Telegram: nothing pending there).
    const echo = new Composer<BotContext>();
    echo.on("message:text", (ctx) => ctx.reply(`again ${ctx.message.text}`));
    const second = await harness([echo]);
    await intake(second, store);
    expect(textOf((await second.api.waitFor(801, 1))[0])).toBe("again wait");
    expect(second.api.messagesTo(802)).toEqual([]);
    gated.release();
  });

  it("stop() ends the long poll, waits for the updates in hand and confirms them", async () => {
    const store = await tempStore();
    const h = await harness([]);
    const started = await startIntake(h.bot, { inHand: updatesInHand(store), logger: h.logger, timeoutSeconds: 30 });
    const update = h.api.pushUpdate(textMessage("/help", alice));
    await h.api.waitFor(801, 1);
    await started.stop();
    expect(h.api.callsOf("getUpdates").at(-1)?.params).toMatchObject({ offset: update.update_id + 1, timeout: 0 });
    expect(await updatesInHand(store).load()).toEqual([]);
    expect(h.api.callsOf("deleteWebhook")).toHaveLength(1);
  });

  it("asks again after a failed getUpdates, and stops for good on a conflict", async () => {
    const h = await harness([], { maxRetryAttempts: 0, maxDelaySeconds: 1 });
    h.api.inject({ kind: "500", method: "getUpdates" });
    h.api.pushUpdate(textMessage("/help", alice));
    const started = await intake(h, await tempStore());
    expect(textOf((await h.api.waitFor(801, 1))[0])).toContain("可用命令");
    expect(h.logger.entries.some((entry) => entry.msg === "intake: getUpdates failed, asking again")).toBe(true);
    // Someone set a webhook: Telegram answers 409 and polling ends instead of looping.
    await h.bot.api.setWebhook("https://example.org/hook");
    await expect(started.done).rejects.toMatchObject({ error_code: 409 });
  });
});
