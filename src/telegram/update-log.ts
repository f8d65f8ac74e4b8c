// One log line per update: id, kind, command or button family, sender id, time taken, outcome. Never the text,
// a button's full data or a file name: the officers' own words. Inside the error boundary, so failures log too.
import type { MiddlewareFn } from "grammy";
import type { BotContext, BotLogger } from "./context.ts";

/** "/start" from "/start abc123" (the argument may be an invitation code); nothing for plain text. */
const COMMAND = /^\/[A-Za-z0-9_]{1,32}/;
/** The family of a button's data ("sv", "v1" …): the rest may carry ids chosen by the person. */
const BUTTON_FAMILY = /^[A-Za-z0-9]{1,8}(?=:|$)/;

export function updateLog(logger: BotLogger, onUpdate?: () => void): MiddlewareFn<BotContext> {
  return async (ctx, next) => {
    onUpdate?.();
    const started = performance.now();
    const command = COMMAND.exec(ctx.message?.text ?? "")?.[0];
    const button = BUTTON_FAMILY.exec(ctx.callbackQuery?.data ?? "")?.[0];
    const line = {
      update_id: ctx.update.update_id,
      // "message", "callback_query" … : the update's one field besides update_id.
      kind: Object.keys(ctx.update).find((key) => key !== "update_id") ?? "unknown",
      ...(ctx.from === undefined ? {} : { user: ctx.from.id }),
      ...(ctx.chat === undefined || ctx.chat.type === "private" ? {} : { chat: ctx.chat.type }),
      ...(command === undefined ? {} : { command }),
      ...(ctx.message?.document === undefined ? {} : { document: true }),
      ...(button === undefined ? {} : { button }),
    };
    let outcome = "failed";
    try {
      await next();
      outcome = "ok";
    } finally {
      logger.info({ ...line, ms: Math.round((performance.now() - started) * 10) / 10, outcome }, "update");
    }
  };
}
