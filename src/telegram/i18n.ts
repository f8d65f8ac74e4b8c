// The officer's language in the bot: their stored /lang choice, else Telegram's language_code
// (zh-CN unless English). ctx.t translates with the same Fluent bundles as the CLI and the console
// (src/i18n.ts); @grammyjs/i18n was a second stack over the same files and is not used.
import type { MiddlewareFn } from "grammy";
import { localeFor, translator, type Locale } from "../i18n.ts";
import type { BotContext, LocaleChoices } from "./context.ts";

export async function negotiateLocale(choices: LocaleChoices, ctx: Pick<BotContext, "from">): Promise<Locale> {
  const userId = ctx.from?.id;
  const stored = userId === undefined ? undefined : await choices.get(userId);
  return stored ?? localeFor(ctx.from?.language_code);
}

/** Sets ctx.locale and ctx.t (also after /lang changes the choice mid-update). */
export function useLocale(ctx: BotContext, locale: Locale): void {
  ctx.locale = locale;
  ctx.t = translator(locale);
}

export function localeMiddleware(choices: LocaleChoices): MiddlewareFn<BotContext> {
  return async (ctx, next) => {
    useLocale(ctx, await negotiateLocale(choices, ctx));
    return next();
  };
}
