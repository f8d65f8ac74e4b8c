// Replies Telegram would not take after auto-retry gave up (429/5xx, network) wait on disk and go out later,
// in order, at least once (a crash between send and dequeue sends again). outbox/index.json is written before
// a chat's queue (outbox/chat<id>.json): a crash can leave an empty queue listed, never a queue unlisted.
import { z } from "zod";
import { KeyedQueue } from "./keyed-queue.ts";
import type { DocHandle, Store } from "./store-port.ts";
import type { App } from "./app.ts";

/** Our keyboards are callback buttons only (render-reply.ts). */
const ButtonSchema = z.object({ text: z.string(), callback_data: z.string() }).strict();

export const OutboxMessageSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("text"), text: z.string().min(1), html: z.boolean(), keyboard: z.array(z.array(ButtonSchema)).optional() }).strict(),
  z.object({ kind: z.literal("document"), fileName: z.string().min(1), base64: z.string(), caption: z.string().optional() }).strict(),
]);
export type OutboxMessage = z.infer<typeof OutboxMessageSchema>;

const EntrySchema = z.object({ message: OutboxMessageSchema, queuedAt: z.string() }).strict();
export const OutboxChatSchema = z.object({ entries: z.array(EntrySchema) }).strict();
export const OutboxIndexSchema = z.object({ chats: z.array(z.number().int()) }).strict();
type ChatQueue = z.infer<typeof OutboxChatSchema>;

const OUTBOX_INDEX = "outbox/index.json";
const outboxChatPath = (chatId: number): string => `outbox/chat${chatId}.json`;

/** Sends one message: "later" for a failure worth retrying (429, 5xx, network); throws for a permanent one. */
export type Sender = (chatId: number, message: OutboxMessage) => Promise<"sent" | "later">;

export type Outbox = ReturnType<typeof createOutbox>;

type OutboxDeps = Pick<App, "store" | "logger" | "now">;

type Flushed = { sent: number; dropped: number; blocked: boolean };

export function createOutbox(deps: OutboxDeps) {
  const { store, logger } = deps;
  const queue = new KeyedQueue();
  const index = store.doc(OUTBOX_INDEX, OutboxIndexSchema, { chats: [] });
  const chatDoc = (chatId: number): DocHandle<ChatQueue> => store.doc(outboxChatPath(chatId), OutboxChatSchema, { entries: [] });
  // Chats known to have waiting messages: lets the common case (nothing waits) skip the disk.
  let known: Promise<Set<number>> | undefined;
  const waitingChats = (): Promise<Set<number>> => (known ??= index.read().then((doc) => new Set(doc.chats)));

  async function enqueue(chatId: number, messages: readonly OutboxMessage[]): Promise<void> {
    if (messages.length === 0) return;
    const chats = await waitingChats();
    if (!chats.has(chatId)) await index.update((doc) => ({ chats: doc.chats.includes(chatId) ? doc.chats : [...doc.chats, chatId] }));
    chats.add(chatId);
    const queuedAt = deps.now();
    await chatDoc(chatId).update((doc) => ({ entries: [...doc.entries, ...messages.map((message) => ({ message, queuedAt }))] }));
    logger.warn({ chat: chatId, queued: messages.length }, "outbox: reply could not be sent, queued for retry");
  }

  async function flush(chatId: number, send: Sender): Promise<Flushed> {
    const result: Flushed = { sent: 0, dropped: 0, blocked: false };
    const chats = await waitingChats();
    if (!chats.has(chatId)) return result;
    const doc = chatDoc(chatId);
    for (const entry of (await doc.read()).entries) {
      let outcome: "sent" | "later" | "dropped";
      try {
        outcome = await send(chatId, entry.message);
      } catch (error) {
        logger.error({ chat: chatId, err: error instanceof Error ? error.name : typeof error }, "outbox: message refused for good, dropped");
        outcome = "dropped";
      }
      if (outcome === "later") {
        result.blocked = true;
        return result;
      }
      if (outcome === "sent") result.sent += 1;
      else result.dropped += 1;
      await doc.update((current) => ({ entries: current.entries.slice(1) }));
    }
    // Emptied: the chat leaves the index after its queue is durable as empty.
    await index.update((current) => ({ chats: current.chats.filter((id) => id !== chatId) }));
    chats.delete(chatId);
    return result;
  }

  return {
    /** Sends after whatever already waits for the chat; what cannot go now is queued durably. */
    deliver(chatId: number, messages: readonly OutboxMessage[], send: Sender) {
      return queue.run(String(chatId), async () => {
        const flushed = await flush(chatId, send);
        let sent = flushed.sent;
        for (const [i, message] of messages.entries()) {
          if (flushed.blocked || (await send(chatId, message)) === "later") {
            const rest = messages.slice(i);
            await enqueue(chatId, rest);
            return { sent, queued: rest.length };
          }
          sent += 1;
        }
        return { sent, queued: 0 };
      });
    },

    /** Retries every waiting chat in order (periodic, at start); a chat stops at its first failure worth retrying. */
    async sweep(send: Sender) {
      // The index may list chats queued by an earlier run of the process.
      const known = await waitingChats();
      for (const chatId of (await index.read()).chats) known.add(chatId);
      const chats = [...known];
      const totals = { chats: chats.length, sent: 0, waiting: 0, dropped: 0 };
      for (const chatId of chats) {
        const flushed = await queue.run(String(chatId), () => flush(chatId, send));
        totals.sent += flushed.sent;
        totals.dropped += flushed.dropped;
        if (flushed.blocked) totals.waiting += (await chatDoc(chatId).read()).entries.length;
      }
      if (totals.sent > 0 || totals.waiting > 0) logger.info(totals, "outbox: sweep");
      return totals;
    },

    async waiting(chatId: number): Promise<number> {
      return (await chatDoc(chatId).read()).entries.length;
    },
  };
}

// One outbox per store: live replies and the sweep (main.ts) share a per-chat queue, or they interleave.
const outboxes = new WeakMap<Store, Outbox>();

export function outboxOf(deps: OutboxDeps): Outbox {
  const outbox = outboxes.get(deps.store) ?? createOutbox(deps);
  outboxes.set(deps.store, outbox);
  return outbox;
}
