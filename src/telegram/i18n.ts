// The @grammyjs/i18n plugin on the shared locales/ folder (same .ftl files as the CLI).
// Locale: the officer's stored /lang choice, else Telegram's language_code (zh-CN unless English).
import { I18n, TranslateWarnings } from "@grammyjs/i18n";
import { DEFAULT_LOCALE, LOCALES_DIR, localeFor, type Locale } from "../i18n.ts";
import type { BotContext, BotLogger, LocaleChoices } from "./context.ts";

export async function negotiateLocale(choices: LocaleChoices, ctx: Pick<BotContext, "from">): Promise<Locale> {
  const userId = ctx.from?.id;
  const stored = userId === undefined ? undefined : await choices.get(userId);
  return stored ?? localeFor(ctx.from?.language_code);
}

/**
 * @grammyjs/i18n negotiates the locale against every bundle on each ctx.t() call (about a tenth
 * of an answer's allocations). The bundles are fixed once loaded and the locales are ours (zh-CN,
 * en), so each negotiation is remembered. `matchBundles` is private in the typings: pinned version.
 */
function rememberNegotiation(i18n: I18n<BotContext>): void {
  const fluent = i18n.fluent as unknown as { matchBundles(locales: string[]): unknown };
  const match = fluent.matchBundles.bind(fluent);
  const memo = new Map<string, unknown>();
  fluent.matchBundles = (locales) => {
    const key = locales.join("\n");
    if (!memo.has(key)) memo.set(key, match(locales));
    return memo.get(key);
  };
}

export function createI18n(choices: LocaleChoices, logger?: BotLogger): I18n<BotContext> {
  const i18n = new I18n<BotContext>({
    defaultLocale: DEFAULT_LOCALE,
    directory: LOCALES_DIR,
    // Without this Fluent wraps every variable in invisible isolation marks in Telegram.
    fluentBundleOptions: { useIsolating: false },
    localeNegotiator: (ctx) => negotiateLocale(choices, ctx),
    fluentOptions: {
      // A key missing only in en falls back to zh-CN quietly; a key missing everywhere is a bug.
      warningHandler: (warning) => {
        if (warning.type === TranslateWarnings.MISSING_MESSAGE) return;
        logger?.warn({ path: warning.path, locales: warning.locales }, "i18n: missing translation");
      },
    },
  });
  rememberNegotiation(i18n);
  return i18n;
}
