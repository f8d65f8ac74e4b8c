// The command menu Telegram shows next to the input field, one list per language.
// Descriptions are attributes of `bot-commands` in locales/<lang>/bot.ftl.
import type { Api } from "grammy";
import type { BotCommand, LanguageCode } from "grammy/types";
import { DEFAULT_LOCALE, LOCALES, loadBundle, type Locale } from "../i18n.ts";

/** Menu order; status and summary are for supervisors but listed for everyone (Telegram has no role scope). */
export const BOT_COMMANDS = ["start", "report", "review", "edit", "export", "lang", "help", "cancel", "status", "summary"] as const;
export type BotCommandName = (typeof BOT_COMMANDS)[number];

/** The commands with their descriptions in one locale (missing attributes fall back to zh-CN). */
export function commandList(locale: Locale): BotCommand[] {
  const own = loadBundle(locale);
  const fallback = loadBundle(DEFAULT_LOCALE);
  return BOT_COMMANDS.map((command) => {
    const bundle = own.getMessage("bot-commands")?.attributes[command] === undefined ? fallback : own;
    const pattern = bundle.getMessage("bot-commands")?.attributes[command];
    if (pattern === undefined) throw new Error(`telegram: no description for /${command} in bot-commands`);
    return { command, description: bundle.formatPattern(pattern) };
  });
}

/** Sets the menu for the default language (zh-CN) and for every other locale by language_code. */
export async function registerCommands(api: Api): Promise<void> {
  await api.setMyCommands(commandList(DEFAULT_LOCALE));
  for (const locale of LOCALES.filter((l) => l !== DEFAULT_LOCALE)) {
    // Telegram language codes are two-letter ISO 639-1 ("en"), not our locale tags.
    await api.setMyCommands(commandList(locale), { language_code: locale.slice(0, 2) as LanguageCode });
  }
}
