// The officer's /lang choice, kept in their session document (users/<id>.json).
import type { Store } from "./store-port.ts";
import type { LocaleChoices } from "../telegram/context.ts";

export function storeLocaleChoices(store: Store): LocaleChoices {
  return {
    get: async (userId) => (await store.user(userId).read()).locale,
    set: async (userId, locale) => {
      await store.user(userId).update((session) => ({ ...session, locale }));
    },
  };
}
