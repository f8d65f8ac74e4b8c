// One chat's updates are handled one after another, in the order they reached the bot, even when
// updates are processed concurrently (webhook mode: node:http serves requests in parallel). Other
// chats are not held up. Each chat keeps a promise chain only while it has work; an idle chat's
// entry is deleted, so memory follows the chats in flight, not every chat ever seen.
import type { Context, MiddlewareFn } from "grammy";

/** The chat an update belongs to (the sender for chat-less updates such as inline queries). */
export function chatKey(ctx: Context): string | undefined {
  const id = ctx.chat?.id ?? ctx.from?.id;
  return id === undefined ? undefined : String(id);
}

export interface Sequentializer<C extends Context> {
  readonly middleware: MiddlewareFn<C>;
  /** Chats with an update queued or running. */
  readonly pending: () => number;
}

export function sequentializer<C extends Context>(keyOf: (ctx: C) => string | undefined = chatKey): Sequentializer<C> {
  const tails = new Map<string, Promise<void>>();
  const middleware: MiddlewareFn<C> = (ctx, next) => {
    const key = keyOf(ctx);
    if (key === undefined) return next();
    const previous = tails.get(key) ?? Promise.resolve();
    const mine = previous.then(() => next());
    // A failed update must not stall the chat: the next one runs either way.
    const tail = mine.then(
      () => undefined,
      () => undefined,
    );
    tails.set(key, tail);
    void tail.then(() => {
      if (tails.get(key) === tail) tails.delete(key);
    });
    return mine;
  };
  return { middleware, pending: () => tails.size };
}

/** The middleware alone, keyed by chat. */
export function sequentialize<C extends Context>(keyOf?: (ctx: C) => string | undefined): MiddlewareFn<C> {
  return sequentializer(keyOf).middleware;
}
