// The person's /lang choice in their session, whatever their channel (424242, `dingtalk-<staffId>`).
import { DEFAULT_LOCALE, translator, type Locale, type Translate } from "../i18n.ts";
import type { Store } from "./store-port.ts";

/** Where a person's language choice is kept; chat shells read it to pick the language of a reply. */
export interface LocaleChoices {
  get(userId: number | string): Promise<Locale | undefined>;
  set(userId: number | string, locale: Locale): Promise<void>;
}

export function storeLocaleChoices(store: Store): LocaleChoices {
  return {
    get: async (userId) => (await store.user(userId).read()).locale,
    set: async (userId, locale) => {
      await store.user(userId).update((session) => ({ ...session, locale }));
    },
  };
}

/** A person's translator: their /lang choice, else the service's own language (zh-CN). */
export async function translatorOf(choices: LocaleChoices, userId: number | string): Promise<Translate> {
  return translator((await choices.get(userId)) ?? DEFAULT_LOCALE);
}
