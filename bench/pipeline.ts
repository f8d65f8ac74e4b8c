// The whole answer path as production runs it: createBot + interviewFeature + the real store in a
// data folder + personal workspaces, talking HTTP over loopback to FakeBotApi. The fake server's
// sendMessage is wrapped to timestamp each reply as it arrives, so an answer's latency is measured
// from bot.handleUpdate to the moment its first reply reaches the "Bot API".
import type { Update } from "grammy/types";
import type { App } from "../src/app/app.ts";
import { createInterviewService } from "../src/app/interview-service.ts";
import { storeLocaleChoices } from "../src/app/locale-choices.ts";
import { personalWorkspaces } from "../src/app/personal-workspaces.ts";
import { openStore, type Store } from "../src/store/store.ts";
import { createBot } from "../src/telegram/create-bot.ts";
import { interviewFeature } from "../src/telegram/features/interview.ts";
import { FakeBotApi, type Params } from "../test/support/fake-bot-api.ts";

export interface InlineButton {
  readonly text: string;
  readonly callback_data: string;
}

export interface Pipeline {
  readonly store: Store;
  readonly api: FakeBotApi;
  /** Feeds one update; resolves with ms until its first sendMessage reached the server (NaN if none). */
  send(update: Update, chatId: number): Promise<number>;
  /** Buttons of the newest message sent to a chat that had a keyboard. */
  lastKeyboard(chatId: number): { messageId: number; buttons: InlineButton[] } | undefined;
  close(): Promise<void>;
}

const silent = { error: () => undefined, warn: () => undefined, info: () => undefined };

/** A clock that moves 1 ms per reading from `start` (the campaign year stays fixed). */
export function benchClock(start = "2024-01-10T02:00:00.000Z"): () => string {
  let at = Date.parse(start);
  return () => new Date((at += 1)).toISOString();
}

export async function openPipeline(dataDir: string, options: { cacheSize?: number } = {}): Promise<Pipeline> {
  const api = await FakeBotApi.start();
  const store = await openStore({ dataDir, logger: silent, ...(options.cacheSize === undefined ? {} : { cacheSize: options.cacheSize }) });
  const app: App = { store, logger: silent, now: benchClock(), randomBytes: (n) => new Uint8Array(n), adminIds: [], botUsername: undefined, workspaces: personalWorkspaces(store) };
  const service = createInterviewService(app);
  const bot = createBot({ token: "100001:BENCH-token-0000000000000", apiRoot: api.apiRoot, botInfo: api.botInfo, logger: silent, store: { locales: storeLocaleChoices(store) }, features: [interviewFeature(app, service)] });

  const firstReply = new Map<number, number>();
  const keyboards = new Map<number, { messageId: number; buttons: InlineButton[] }>();
  const messageIds = new Map<number, number>();
  api.override("sendMessage", (params: Params) => {
    const at = performance.now();
    const chatId = typeof params["chat_id"] === "number" ? params["chat_id"] : 0;
    if (!firstReply.has(chatId)) firstReply.set(chatId, at);
    const messageId = (messageIds.get(chatId) ?? 0) + 1;
    messageIds.set(chatId, messageId);
    const markup = params["reply_markup"] as { inline_keyboard?: InlineButton[][] } | undefined;
    if (markup?.inline_keyboard !== undefined) keyboards.set(chatId, { messageId, buttons: markup.inline_keyboard.flat() });
    const text = typeof params["text"] === "string" ? params["text"] : "";
    return { ok: true, result: { message_id: messageId, date: 1_700_000_000, chat: { id: chatId, type: "private", first_name: "officer" }, text } };
  });
  // The server keeps every call for tests; a bench sends tens of thousands.
  const trim = setInterval(() => api.calls.splice(0, api.calls.length), 1_000);

  return {
    store,
    api,
    async send(update, chatId) {
      firstReply.delete(chatId);
      const started = performance.now();
      await bot.handleUpdate(update);
      const at = firstReply.get(chatId);
      return at === undefined ? Number.NaN : at - started;
    },
    lastKeyboard: (chatId) => keyboards.get(chatId),
    async close() {
      clearInterval(trim);
      await api.close();
      await store.close();
    },
  };
}
