// One log line per update: its id and kind, the command or button family, the sender's numeric id,
// how long it took and how it ended. Never the message text, a button's full data or a file name:
// those are the officers' own words. Mounted inside the error boundary, so a failure passes through
// here (logged as "failed") before the boundary apologises.
import type { MiddlewareFn } from "grammy";
import type { Update } from "grammy/types";
import type { BotContext, BotLogger } from "./context.ts";

/** "message", "callback_query" … : the update's one field besides update_id. */
export function updateKind(update: Update): string {
  return Object.keys(update).find((key) => key !== "update_id") ?? "unknown";
}

/** "/start" from "/start abc123" (the argument may be an invitation code); nothing for plain text. */
export function commandOf(text: string | undefined): string | undefined {
  return /^\/[A-Za-z0-9_]{1,32}/.exec(text ?? "")?.[0];
}

/** The family of a button's data ("sv", "v1" …): the rest may carry ids chosen by the person. */
export function buttonFamily(data: string | undefined): string | undefined {
  return data === undefined ? undefined : /^[A-Za-z0-9]{1,8}(?=:|$)/.exec(data)?.[0];
}

export function updateLog(logger: BotLogger, onUpdate?: () => void): MiddlewareFn<BotContext> {
  return async (ctx, next) => {
    onUpdate?.();
    const started = performance.now();
    const line = {
      update_id: ctx.update.update_id,
      kind: updateKind(ctx.update),
      ...(ctx.from === undefined ? {} : { user: ctx.from.id }),
      ...(ctx.chat === undefined || ctx.chat.type === "private" ? {} : { chat: ctx.chat.type }),
      ...(commandOf(ctx.message?.text) === undefined ? {} : { command: commandOf(ctx.message?.text) }),
      ...(ctx.message?.document === undefined ? {} : { document: true }),
      ...(buttonFamily(ctx.callbackQuery?.data) === undefined ? {} : { button: buttonFamily(ctx.callbackQuery?.data) }),
    };
    const ms = (): number => Math.round((performance.now() - started) * 10) / 10;
    try {
      await next();
      logger.info({ ...line, ms: ms(), outcome: "ok" }, "update");
    } catch (error) {
      logger.info({ ...line, ms: ms(), outcome: "failed" }, "update");
      throw error;
    }
  };
}
