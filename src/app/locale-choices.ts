// The officer's /lang choice, kept in their session document (users/<id>.json).
import type { Locale } from "../i18n.ts";
import type { Store } from "./store-port.ts";

/** Where a user's language choice is kept; chat shells read it to pick the language of a reply. */
export interface LocaleChoices {
  get(userId: number): Promise<Locale | undefined>;
  set(userId: number, locale: Locale): Promise<void>;
}

export function storeLocaleChoices(store: Store): LocaleChoices {
  return {
    get: async (userId) => (await store.user(userId).read()).locale,
    set: async (userId, locale) => {
      await store.user(userId).update((session) => ({ ...session, locale }));
    },
  };
}
