// Long polling (src/telegram/polling.ts) against the fake Bot API over real HTTP: updates are
// handled concurrently, one chat's updates stay in order, and Telegram is never told an update is
// done before it has finished.
import { afterEach, describe, expect, it } from "vitest";
import { Composer } from "grammy";
import type { BotContext } from "../../src/telegram/context.ts";
import { startPolling, type Polling } from "../../src/telegram/polling.ts";
import { startHarness, textMessage, textOf, user, type Harness } from "../support/bot-harness.ts";
import { until } from "../support/until.ts";

let h: Harness | undefined;
let polling: Polling | undefined;
afterEach(async () => {
  await polling?.stop();
  await h?.close();
  polling = undefined;
  h = undefined;
});

const alice = user({ id: 801 });
const bob = user({ id: 802 });
const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** "wait": holds until `release()`; "slow": 150 ms; anything else is echoed at once. */
function gatedFeature(): { feature: Composer<BotContext>; release: () => void; started: string[] } {
  let release = (): void => undefined;
  const gate = new Promise<void>((resolve) => (release = resolve));
  const started: string[] = [];
  const feature = new Composer<BotContext>();
  feature.on("message:text", async (ctx) => {
    const text = ctx.message.text;
    started.push(`${ctx.from.id}:${text}`);
    if (text === "wait") await gate;
    if (text === "slow") await sleep(150);
    await ctx.reply(`done ${text}`);
  });
  return { feature, release: () => release(), started };
}

describe("startPolling", () => {
  it("handles a batch concurrently: one chat waiting does not hold up another", async () => {
    const gated = gatedFeature();
    h = await startHarness({ features: [gated.feature] });
    h.api.pushUpdate(textMessage("wait", alice));
    h.api.pushUpdate(textMessage("hello", bob));
    polling = await startPolling(h.bot, { logger: h.logger, timeoutSeconds: 1 });
    // Bob is answered while Alice's update of the same batch is still running (bot.start() would wait).
    const [reply] = await h.api.waitFor(802, 1);
    expect(textOf(reply)).toBe("done hello");
    expect(h.api.messagesTo(801)).toEqual([]);
    gated.release();
    expect(textOf((await h.api.waitFor(801, 1))[0])).toBe("done wait");
  });

  it("keeps one chat's updates in order within a batch", async () => {
    const gated = gatedFeature();
    h = await startHarness({ features: [gated.feature] });
    for (const text of ["slow", "one", "slow", "two"]) h.api.pushUpdate(textMessage(text, alice));
    polling = await startPolling(h.bot, { logger: h.logger, timeoutSeconds: 1 });
    const replies = await h.api.waitFor(801, 4);
    expect(replies.map(textOf)).toEqual(["done slow", "done one", "done slow", "done two"]);
  });

  it("never confirms an update still running, while later ones go on", async () => {
    const gated = gatedFeature();
    h = await startHarness({ features: [gated.feature] });
    const held = h.api.pushUpdate(textMessage("wait", alice));
    polling = await startPolling(h.bot, { logger: h.logger, timeoutSeconds: 1 });
    // Bob keeps talking while Alice's update runs; each of his is answered.
    for (let i = 1; i <= 3; i += 1) {
      h.api.pushUpdate(textMessage(`bob ${i}`, bob));
      await h.api.waitFor(802, 1);
    }
    expect(h.api.messagesTo(801)).toEqual([]);
    const asked = h.api.callsOf("getUpdates").map((c) => c.params["offset"]);
    expect(asked.length).toBeGreaterThan(1);
    // Every getUpdates so far left Alice's update unconfirmed (offset at or below it), so a crash now redelivers it.
    for (const offset of asked) if (offset !== undefined) expect(offset).toBeLessThanOrEqual(held.update_id);
    gated.release();
    await h.api.waitFor(801, 1);
    await polling.stop();
    expect(h.api.callsOf("getUpdates").at(-1)?.params["offset"]).toBeGreaterThan(held.update_id);
    // Bob's answers were not handled twice although Telegram returned them again behind Alice's.
    expect(h.api.messagesTo(802).map(textOf)).toEqual(["done bob 1", "done bob 2", "done bob 3"]);
  });

  it("stop() ends the long poll at once and confirms the last batch", async () => {
    h = await startHarness();
    // Waited out, the 50 s poll in flight would hit the test's timeout: ending it is what passes.
    polling = await startPolling(h.bot, { logger: h.logger, timeoutSeconds: 50 });
    const update = h.api.pushUpdate(textMessage("/help", alice));
    await h.api.waitFor(801, 1);
    // The next long poll is open (it confirms the batch by its offset) before stopping.
    const calls = h.api.calls;
    await until(() => calls.some((c) => c.method === "getUpdates" && c.params["offset"] === update.update_id + 1), "the next long poll");
    await polling.stop();
    const last = h.api.callsOf("getUpdates").at(-1);
    expect(last?.params).toMatchObject({ offset: update.update_id + 1, timeout: 0 });
    expect(h.api.callsOf("deleteWebhook")).toHaveLength(1);
  });

  it("asks again after a failed getUpdates, and stops for good on a conflict", async () => {
    h = await startHarness({ retry: { maxRetryAttempts: 0, maxDelaySeconds: 1 } });
    h.api.inject({ kind: "500", method: "getUpdates" });
    h.api.pushUpdate(textMessage("/help", alice));
    polling = await startPolling(h.bot, { logger: h.logger, timeoutSeconds: 1, retryDelayMs: 50 });
    expect(textOf((await h.api.waitFor(801, 1))[0])).toContain("可用命令");
    expect(h.logger.entries.some((e) => e.msg === "polling: getUpdates failed, asking again")).toBe(true);
    // Someone set a webhook: Telegram answers 409 and polling ends instead of looping.
    await h.bot.api.setWebhook("https://example.org/hook");
    await expect(polling.done).rejects.toMatchObject({ error_code: 409 });
  });
});
