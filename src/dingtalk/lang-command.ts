// /lang in DingTalk: a card offering each language in its own script, whose buttons send
// `/lang <locale>` (DingTalk taps send text) — stateless, so the interview's offered buttons stay
// as they were; `/lang en` typed works the same. The choice is kept per person id like Telegram's.
import type { LocaleChoices } from "../app/locale-choices.ts";
import { isLocale, LOCALES, translator, type Translate } from "../i18n.ts";
import { textMessages, type DingTalkOut } from "./render-markdown.ts";

const LANG = /^\/lang(?:\s+(\S+))?\s*$/u;

/** The replies to a /lang message, or undefined when the text is not one. */
export async function langCommand(choices: LocaleChoices, person: string, text: string, t: Translate): Promise<DingTalkOut[] | undefined> {
  const match = LANG.exec(text.trim());
  if (match === null) return undefined;
  const wanted = match[1] ?? "";
  if (isLocale(wanted)) {
    await choices.set(person, wanted);
    const now = translator(wanted);
    return textMessages(now, now("bot-lang-set"));
  }
  const buttons = LOCALES.map((locale) => ({ title: translator(locale)("bot-lang-self"), content: `/lang ${locale}` }));
  return [{ kind: "card", title: t("dingtalk-title"), text: t("bot-lang-choose"), buttons }];
}
