// The context every feature sees: grammY's Context and the officer's language, through src/i18n.ts's Fluent
// bundles like the CLI and the console (@grammyjs/i18n would be a second stack).
import type { Context, MiddlewareFn } from "grammy";
import type { AppLogger } from "../app/app.ts";
import type { LocaleChoices } from "../app/locale-choices.ts";
import { localeFor, translator, type Locale, type Translate } from "../i18n.ts";

/** The same structural subset of pino's logger as the rest of the app uses. */
export type BotLogger = AppLogger;

/** Set by the locale middleware before any feature runs. */
export interface LocaleFlavor {
  locale: Locale;
  t: Translate;
  /** Where /lang keeps the choice. */
  locales: LocaleChoices;
}

export type BotContext = Context & LocaleFlavor;

/** The officer's language: their stored /lang choice, else Telegram's language_code (zh-CN unless English). */
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
    ctx.locales = choices;
    useLocale(ctx, await negotiateLocale(choices, ctx));
    return next();
  };
}
