// The outbox's Telegram side: how a queued message is sent, and which failures are worth retrying
// later. auto-retry (create-bot.ts) has already retried by the time a failure reaches here.
import { GrammyError, HttpError, InputFile, type Api } from "grammy";
import type { Sender } from "../app/outbox.ts";

/** 429 and 5xx from Telegram, and network errors (timeouts, resets): try again later. */
export function isTransient(error: unknown): boolean {
  if (error instanceof HttpError) return true;
  return error instanceof GrammyError && (error.error_code === 429 || error.error_code >= 500);
}

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
