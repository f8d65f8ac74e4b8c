// The one way the bot sends: every reply and every message to someone else (supervision, lifecycle
// notices, reminders, the interview) goes through the durable outbox (app/outbox.ts), so what
// Telegram will not take now is kept and sent later, in order, whatever feature produced it.
import { GrammyError, HttpError, InputFile, type Api, type InlineKeyboard } from "grammy";
import type { App } from "../app/app.ts";
import { outboxOf, type OutboxMessage, type Sender } from "../app/outbox.ts";
import type { BotContext } from "./context.ts";

// auto-retry (create-bot.ts) has already retried by the time a failure reaches the outbox.
/** 429 and 5xx from Telegram, and network errors (timeouts, resets): try again later. */
export function isTransient(error: unknown): boolean {
  if (error instanceof HttpError) return true;
  return error instanceof GrammyError && (error.error_code === 429 || error.error_code >= 500);
}

/** How the outbox sends a message it holds, and whether a failure is worth retrying later. */
export function telegramSender(api: Api): Sender {
  return async (chatId, message) => {
    try {
      if (message.kind === "text") {
        await api.sendMessage(chatId, message.text, {
          ...(message.html ? { parse_mode: "HTML" as const } : {}),
          ...(message.keyboard === undefined ? {} : { reply_markup: { inline_keyboard: message.keyboard } }),
        });
      } else {
        const bytes = Buffer.from(message.base64, "base64");
        await api.sendDocument(chatId, new InputFile(bytes, message.fileName), message.caption === undefined ? {} : { caption: message.caption });
      }
      return "sent";
    } catch (error) {
      if (isTransient(error)) return "later";
      throw error;
    }
  };
}

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
