// The context every feature sees: grammY's Context, the i18n flavor, and the services the
// composition root injects (one tiny middleware sets ctx.services). Features that need more
// (the report store, the clock) add fields to BotServices rather than importing shells.
import type { Context, MiddlewareFn } from "grammy";
import type { AppLogger } from "../app/app.ts";
import type { LocaleChoices } from "../app/locale-choices.ts";
import type { Locale, Translate } from "../i18n.ts";

export type { LocaleChoices };

/** The part of the store the Telegram shell needs so far; later features extend it. */
export interface BotStore {
  readonly locales: LocaleChoices;
}

/** The same structural subset of pino's logger as the rest of the app uses. */
export type BotLogger = AppLogger;

export interface BotServices {
  readonly store: BotStore;
  readonly logger: BotLogger;
}

/** Set by the locale middleware (i18n.ts) before any feature runs. */
export interface LocaleFlavor {
  locale: Locale;
  t: Translate;
}

export type BotContext = Context & LocaleFlavor & { services: BotServices };

export function servicesMiddleware(services: BotServices): MiddlewareFn<BotContext> {
  return (ctx, next) => {
    ctx.services = services;
    return next();
  };
}

/** Language choices kept in memory: for tests and for running without a store. */
export function memoryLocaleChoices(): LocaleChoices {
  const choices = new Map<number | string, Locale>();
  return {
    get: (userId) => Promise.resolve(choices.get(userId)),
    set: (userId, locale) => {
      choices.set(userId, locale);
      return Promise.resolve();
    },
  };
}
