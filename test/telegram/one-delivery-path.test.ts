// Every feature's replies take the interview's path: the durable outbox. A supervision answer that
// Telegram will not take now (a flood wait longer than auto-retry waits) is kept and sent by the
// next sweep, instead of failing the update.
import { afterEach, describe, expect, it } from "vitest";
import { outboxOf } from "../../src/app/outbox.ts";
import { telegramSender } from "../../src/telegram/send.ts";
import { textMessage, textOf, user } from "../support/bot-harness.ts";
import { startWorld, type World } from "./supervision-support.ts";

let world: World | undefined;
afterEach(async () => {
  await world?.close();
  world = undefined;
});

describe("one delivery path", () => {
  it("queues a supervision reply Telegram refuses for now and the sweep delivers it", async () => {
    const w = (world = await startWorld("2025-01-10T02:00:00.000Z"));
    const stranger = user({ id: 4242 });
    w.h.api.inject({ kind: "429", retryAfter: 3600, method: "sendMessage" });
    await w.h.send(textMessage("/status", stranger));
    expect(w.h.api.messagesTo(4242)).toEqual([]);
    expect(await outboxOf(w.app).waiting(4242)).toBe(1);
    expect(await outboxOf(w.app).sweep(telegramSender(w.h.bot.api))).toMatchObject({ sent: 1, waiting: 0 });
    expect(w.h.api.messagesTo(4242).map(textOf)).toEqual(["您不是任何政务公开办的工作人员。"]);
  });
});
