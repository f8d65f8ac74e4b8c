// Per-chat ordering: the middleware on its own, and the real bot taking one officer's whole script
// as 21 concurrent handleUpdate calls (what webhook mode can do) and storing it in update order.
import { Api, Context } from "grammy";
import type { Update } from "grammy/types";
import { afterEach, describe, expect, it } from "vitest";
import { sequentializer } from "../../src/telegram/sequentialize.ts";
import { FAKE_BOT_INFO } from "../support/fake-bot-api.ts";
import { privateChat, textMessage, user } from "../support/bot-harness.ts";
import { recordProblems, replyVersion, SCRIPT_LENGTH } from "./script.ts";
import { openWorld, reportOf, scriptUpdates, type World } from "./world.ts";

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));
const api = new Api("1:offline");
const contextFor = (chatId: number, text: string): Context => {
  const from = user({ id: chatId });
  return new Context(textMessage(text, from, privateChat(from)) as Update, api, FAKE_BOT_INFO);
};

describe("sequentialize middleware", () => {
  it("runs one chat's updates in arrival order while other chats go ahead", async () => {
    const seq = sequentializer();
    const log: string[] = [];
    // Chat 1's first update is held until chat 2's has run: if chat 2 waited behind chat 1, neither
    // would finish (the test's timeout); chat 1's later updates must still wait for the first.
    let releaseA = (): void => undefined;
    const heldA = new Promise<void>((resolve) => (releaseA = resolve));
    const work = (ctx: Context, gate?: Promise<void>) => seq.middleware(ctx, async () => {
      await gate;
      log.push(`${ctx.chat?.id}:${ctx.message?.text}`);
      if (ctx.chat?.id === 2) releaseA();
    });
    await Promise.all([work(contextFor(1, "a"), heldA), work(contextFor(1, "b")), work(contextFor(2, "x")), work(contextFor(1, "c"))]);
    expect(log).toEqual(["2:x", "1:a", "1:b", "1:c"]);
    expect(seq.pending()).toBe(0);
  });

  it("does not stall a chat after a failed update, and passes the failure on", async () => {
    const seq = sequentializer();
    const log: string[] = [];
    const failing = seq.middleware(contextFor(3, "boom"), async () => {
      await sleep(10);
      throw new Error("handler failed");
    });
    const next = seq.middleware(contextFor(3, "after"), async () => void log.push("after"));
    await expect(failing).rejects.toThrow("handler failed");
    await next;
    expect(log).toEqual(["after"]);
    expect(seq.pending()).toBe(0);
  });
});

let world: World | undefined;
afterEach(async () => {
  await world?.close();
  world = undefined;
});

describe("sequentialize in the bot", () => {
  it("stores one chat's answers in update order when all of them are handled concurrently", async () => {
    const w = (world = await openWorld());
    const updates = scriptUpdates(1);
    expect(updates).toHaveLength(SCRIPT_LENGTH);
    await Promise.all(updates.map((update) => w.feed(update)));
    const record = await reportOf(w, 1);
    expect(recordProblems(1, record, SCRIPT_LENGTH - 1, SCRIPT_LENGTH - 1)).toEqual([]);
    // The replies went out in order too: the versions on their buttons never go back.
    const versions = w.h.api.messagesTo(5001).map(replyVersion).filter((v) => v >= 0);
    expect(versions).toEqual([...versions].sort((x, y) => x - y));
    expect(new Set(versions)).toEqual(new Set(Array.from({ length: SCRIPT_LENGTH }, (_, k) => k)));
  });

  it("keeps two officers' concurrent scripts apart and each in order", async () => {
    const w = (world = await openWorld());
    const a = scriptUpdates(2);
    const b = scriptUpdates(3);
    // Interleaved arrival: a0 b0 a1 b1 …
    await Promise.all(a.flatMap((update, k) => [w.feed(update), w.feed(b[k] ?? update)]));
    expect(recordProblems(2, await reportOf(w, 2), SCRIPT_LENGTH - 1, SCRIPT_LENGTH - 1)).toEqual([]);
    expect(recordProblems(3, await reportOf(w, 3), SCRIPT_LENGTH - 1, SCRIPT_LENGTH - 1)).toEqual([]);
  });
});
