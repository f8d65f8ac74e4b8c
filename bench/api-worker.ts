// The fake Telegram Bot API for the pipeline benches, in its own thread: Telegram's servers are not
// in the bot's process, so their HTTP parsing and bookkeeping must not be charged to the bot's one
// JavaScript thread. Each sendMessage is reported to the bench with the moment it arrived
// (performance.timeOrigin + now: one clock for both threads) and its inline keyboard.
import { parentPort } from "node:worker_threads";
import { FakeBotApi, type Params } from "../test/support/fake-bot-api.ts";

export interface InlineButton {
  readonly text: string;
  readonly callback_data: string;
}

export type ApiWorkerMessage =
  | { readonly kind: "ready"; readonly apiRoot: string; readonly botInfo: FakeBotApi["botInfo"] }
  | { readonly kind: "pong" }
  | { readonly kind: "sent"; readonly chatId: number; readonly at: number; readonly messageId: number; readonly buttons?: InlineButton[] };

const port = parentPort;
if (port === null) throw new Error("bench: api-worker.ts runs as a worker thread");

const api = await FakeBotApi.start();
const messageIds = new Map<number, number>();
api.override("sendMessage", (params: Params) => {
  const at = performance.timeOrigin + performance.now();
  const chatId = typeof params["chat_id"] === "number" ? params["chat_id"] : 0;
  const messageId = (messageIds.get(chatId) ?? 0) + 1;
  messageIds.set(chatId, messageId);
  const markup = params["reply_markup"] as { inline_keyboard?: InlineButton[][] } | undefined;
  const sent: ApiWorkerMessage = { kind: "sent", chatId, at, messageId, ...(markup?.inline_keyboard === undefined ? {} : { buttons: markup.inline_keyboard.flat() }) };
  port.postMessage(sent);
  const text = typeof params["text"] === "string" ? params["text"] : "";
  return { ok: true, result: { message_id: messageId, date: 1_700_000_000, chat: { id: chatId, type: "private", first_name: "officer" }, text } };
});
// The server keeps every call for tests; a bench sends tens of thousands.
setInterval(() => api.calls.splice(0, api.calls.length), 1_000).unref();
port.on("message", (message: unknown) => {
  if (message === "close") void api.close().then(() => process.exit(0));
  // Messages on one port arrive in order: every report posted before this answer is delivered.
  if (message === "ping") port.postMessage({ kind: "pong" } satisfies ApiWorkerMessage);
});
const ready: ApiWorkerMessage = { kind: "ready", apiRoot: api.apiRoot, botInfo: api.botInfo };
port.postMessage(ready);
