// The durable outbox on a real store: order kept, nothing dropped while Telegram refuses, the
// queue survives a restart, permanent refusals do not block the chat forever.
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { createOutbox, type OutboxMessage, type Sender } from "../../src/app/outbox.ts";
import { openStore, type Store } from "../../src/store/store.ts";

let dir = "";
const stores: Store[] = [];
afterEach(async () => {
  for (const store of stores.splice(0)) await store.close();
  if (dir !== "") await rm(dir, { recursive: true, force: true });
});

const logger = { error: () => undefined, warn: () => undefined, info: () => undefined };
async function open(): Promise<Store> {
  const store = await openStore({ dataDir: dir, logger });
  stores.push(store);
  return store;
}
const outboxOn = (store: Store) => createOutbox({ store, logger, now: () => "2022-01-10T02:00:00.000Z" });
const text = (value: string): OutboxMessage => ({ kind: "text", text: value, html: false });

/** A Telegram that is down while `down` is true, and records what it accepted. */
function telegram(): { send: Sender; got: string[]; down: boolean; refuse: Set<string> } {
  const state = {
    got: [] as string[],
    down: false,
    refuse: new Set<string>(),
    send: async (chatId: number, message: OutboxMessage): Promise<"sent" | "later"> => {
      const label = `${chatId}:${message.kind === "text" ? message.text : message.fileName}`;
      if (state.down) return "later";
      if (state.refuse.has(label)) throw new Error("Forbidden: bot was blocked by the user");
      state.got.push(label);
      return "sent";
    },
  };
  return state;
}

describe("outbox", () => {
  it("sends directly while Telegram answers, touching no file", async () => {
    dir = await mkdtemp(join(tmpdir(), "nianbao-outbox-"));
    const tg = telegram();
    const outbox = outboxOn(await open());
    expect(await outbox.deliver(1, [text("a"), text("b")], tg.send)).toEqual({ sent: 2, queued: 0 });
    expect(tg.got).toEqual(["1:a", "1:b"]);
    expect(await outbox.waiting(1)).toBe(0);
  });

  it("queues what cannot go now, keeps later replies behind it, and delivers all in order", async () => {
    dir = await mkdtemp(join(tmpdir(), "nianbao-outbox-"));
    const tg = telegram();
    const outbox = outboxOn(await open());
    await outbox.deliver(1, [text("a")], tg.send);
    tg.down = true;
    expect(await outbox.deliver(1, [text("b"), text("c")], tg.send)).toEqual({ sent: 0, queued: 2 });
    tg.down = false;
    // Telegram is back, but "d" must not overtake "b" and "c".
    expect(await outbox.deliver(1, [text("d")], tg.send)).toEqual({ sent: 3, queued: 0 });
    expect(tg.got).toEqual(["1:a", "1:b", "1:c", "1:d"]);
    expect(await outbox.waiting(1)).toBe(0);
  });

  it("keeps the queue across a restart and the sweep delivers it, chat by chat", async () => {
    dir = await mkdtemp(join(tmpdir(), "nianbao-outbox-"));
    const tg = telegram();
    tg.down = true;
    const first = await open();
    const before = outboxOn(first);
    await before.deliver(1, [text("a"), text("b")], tg.send);
    await before.deliver(2, [text("x")], tg.send);
    expect(await before.sweep(tg.send)).toMatchObject({ chats: 2, sent: 0, waiting: 3 });
    await first.close();
    stores.splice(0);
    // A new process: nothing in memory, the queue comes from disk.
    tg.down = false;
    const after = outboxOn(await open());
    expect(await after.sweep(tg.send)).toEqual({ chats: 2, sent: 3, waiting: 0, dropped: 0 });
    expect(tg.got).toEqual(["1:a", "1:b", "2:x"]);
    expect(await after.sweep(tg.send)).toEqual({ chats: 0, sent: 0, waiting: 0, dropped: 0 });
  });

  it("drops a queued message Telegram refuses for good, so the chat is not blocked forever", async () => {
    dir = await mkdtemp(join(tmpdir(), "nianbao-outbox-"));
    const tg = telegram();
    const outbox = outboxOn(await open());
    tg.down = true;
    await outbox.deliver(1, [text("a"), text("b")], tg.send);
    tg.down = false;
    tg.refuse.add("1:a");
    expect(await outbox.sweep(tg.send)).toEqual({ chats: 1, sent: 1, waiting: 0, dropped: 1 });
    expect(tg.got).toEqual(["1:b"]);
  });

  it("rethrows a permanent refusal of a live reply (the error boundary apologises)", async () => {
    dir = await mkdtemp(join(tmpdir(), "nianbao-outbox-"));
    const tg = telegram();
    tg.refuse.add("1:a");
    await expect(outboxOn(await open()).deliver(1, [text("a")], tg.send)).rejects.toThrow("blocked");
  });
});
