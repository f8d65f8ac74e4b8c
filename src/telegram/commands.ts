// The command menu Telegram shows next to the input field, one list per language.
// Descriptions are attributes of `bot-commands` in locales/<lang>/bot.ftl.
import type { Api } from "grammy";
import type { BotCommand, LanguageCode } from "grammy/types";
import { DEFAULT_LOCALE, LOCALES, loadBundle, type Locale } from "../i18n.ts";

/** Menu order; supervisors' commands too (they join by invitation, so their chats are unknown when it is set). */
const BOT_COMMANDS = ["start", "report", "review", "edit", "export", "preview", "submit", "reopen", "lang", "help", "cancel", "status", "summary", "deadline", "invite", "whoami"] as const;
/** Admins (ADMIN_IDS) get these on top, in a menu scoped to their private chat. */
const ADMIN_COMMANDS = ["orgs", "addoffice", "adddept", "invitations", "revoke", "removemember", "movedept"] as const;
export type BotCommandName = (typeof BOT_COMMANDS)[number] | (typeof ADMIN_COMMANDS)[number];

/** The commands with their descriptions in one locale (missing attributes fall back to zh-CN). */
export function commandList(locale: Locale, commands: readonly BotCommandName[] = BOT_COMMANDS): BotCommand[] {
  const own = loadBundle(locale);
  const fallback = loadBundle(DEFAULT_LOCALE);
  return commands.map((command) => {
    const bundle = own.getMessage("bot-commands")?.attributes[command] === undefined ? fallback : own;
    const pattern = bundle.getMessage("bot-commands")?.attributes[command];
    if (pattern === undefined) throw new Error(`telegram: no description for /${command} in bot-commands`);
    return { command, description: bundle.formatPattern(pattern) };
  });
}

/** The menu per language_code, and the admin menu in each admin's private chat. */
export async function registerCommands(api: Api, options: { adminIds?: readonly string[] } = {}): Promise<void> {
  await api.setMyCommands(commandList(DEFAULT_LOCALE));
  for (const locale of LOCALES.filter((l) => l !== DEFAULT_LOCALE)) {
    // Telegram language codes are two-letter ISO 639-1 ("en"), not our locale tags.
    await api.setMyCommands(commandList(locale), { language_code: locale.slice(0, 2) as LanguageCode });
  }
  for (const adminId of options.adminIds ?? []) {
    // A chat scope has no language variant worth keeping apart here: admins get the default language.
    await api.setMyCommands(commandList(DEFAULT_LOCALE, [...BOT_COMMANDS, ...ADMIN_COMMANDS]), { scope: { type: "chat", chat_id: Number(adminId) } });
  }
}
