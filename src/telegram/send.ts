// The one way the bot sends: every reply and every message to someone else (supervision, lifecycle
// notices, reminders, the interview) goes through the durable outbox (app/outbox.ts), so what
// Telegram will not take now is kept and sent later, in order, whatever feature produced it.
import type { Api, InlineKeyboard } from "grammy";
import type { App } from "../app/app.ts";
import { outboxOf, type OutboxMessage } from "../app/outbox.ts";
import type { BotContext } from "./context.ts";
import { telegramSender } from "./outbox-sender.ts";

/** Our keyboards are callback buttons only. */
function callbackButtons(keyboard: InlineKeyboard): { text: string; callback_data: string }[][] {
  return keyboard.inline_keyboard.map((row) => row.map((button) => ({ text: button.text, callback_data: "callback_data" in button ? button.callback_data : "" })));
}

/** A plain-text message, with its buttons. */
export function text(body: string, keyboard?: InlineKeyboard): OutboxMessage {
  return { kind: "text", text: body, html: false, ...(keyboard === undefined ? {} : { keyboard: callbackButtons(keyboard) }) };
}

export function document(bytes: Uint8Array, fileName: string, caption?: string): OutboxMessage {
  return { kind: "document", fileName, base64: Buffer.from(bytes).toString("base64"), ...(caption === undefined ? {} : { caption }) };
}

/** Sends to a chat after whatever already waits for it; what Telegram will not take now is queued. */
export async function sendTo(api: Api, app: App, chatId: number, messages: readonly OutboxMessage[]): Promise<void> {
  await outboxOf(app).deliver(chatId, messages, telegramSender(api));
}

/** Answers in the update's chat. */
export async function reply(ctx: BotContext, app: App, ...messages: OutboxMessage[]): Promise<void> {
  if (ctx.chat === undefined) return;
  await sendTo(ctx.api, app, ctx.chat.id, messages);
}

/** Answers in the update's chat with one plain-text message. */
export function replyText(ctx: BotContext, app: App, body: string, keyboard?: InlineKeyboard): Promise<void> {
  return reply(ctx, app, text(body, keyboard));
}
