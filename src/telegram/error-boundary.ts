// The one error boundary: log what failed without the officer's text, then apologise in their language.
// The logger scrubs the token from every line (log.ts).
import { GrammyError, HttpError, type BotError } from "grammy";
import { negotiateLocale, type BotContext, type BotLogger } from "./context.ts";
import { localeFor, translator } from "../i18n.ts";
import { storeFaultMessage } from "../app/store-faults.ts";
import type { LocaleChoices } from "../app/locale-choices.ts";

interface ErrorBoundaryDeps {
  logger: BotLogger;
  locales: LocaleChoices;
  onError?: (error: unknown) => Promise<void>;
}

/** What is safe to log about a failure: kind, API method/code, message and stack. */
function describeError(error: unknown): Record<string, unknown> {
  if (error instanceof GrammyError) return { kind: "telegram", method: error.method, code: error.error_code, message: error.description };
  if (error instanceof HttpError) return { kind: "network", message: error.message };
  if (error instanceof Error) return { kind: "bug", name: error.name, message: error.message, stack: error.stack };
  return { kind: "unknown", type: typeof error };
}

export function errorBoundary(deps: ErrorBoundaryDeps): (err: BotError<BotContext>) => Promise<void> {
  return async (err) => {
    const ctx = err.ctx;
    // Update kind and ids only: message text and file names are the officer's data.
    deps.logger.error(
      { err: describeError(err.error), update_id: ctx.update.update_id, update: Object.keys(ctx.update).filter((k) => k !== "update_id"), chat: ctx.chat?.type },
      "telegram: update failed",
    );
    await deps.onError?.(err.error).catch((error: unknown) => deps.logger.error({ err: describeError(error) }, "telegram: fault report failed"));
    try {
      const text = await apology(ctx, err.error, deps.locales);
      if (ctx.callbackQuery !== undefined) await ctx.answerCallbackQuery().catch(() => undefined);
      // Groups get no apology: we stay quiet there unless addressed.
      if (ctx.chat?.type === "private") await ctx.reply(text);
    } catch (replyError) {
      deps.logger.error({ err: describeError(replyError), update_id: ctx.update.update_id }, "telegram: apology failed");
    }
  };
}

async function apology(ctx: BotContext, error: unknown, locales: LocaleChoices): Promise<string> {
  // A full disk or a damaged report is said as it is: "please retry" would never help.
  const fault = storeFaultMessage(error) ?? { key: "bot-error", params: {} };
  // ctx.t is missing when the failure happened before the i18n middleware finished.
  if (typeof ctx.t === "function") return ctx.t(fault.key, fault.params);
  const locale = await negotiateLocale(locales, ctx).catch(() => localeFor(ctx.from?.language_code));
  return translator(locale)(fault.key, fault.params);
}
