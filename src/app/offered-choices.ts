// The buttons a text channel (DingTalk) last offered a person, kept in their session document, so
// a reply typed or sent by a tap ("正确", "#2") maps back to that button after a restart too.
// What comes back is still only a button event: the engine checks its version like any tap.
import { z } from "zod";
import type { Store } from "./store-port.ts";
import type { ConsoleButton } from "./typed-input.ts";

const FIELD = "offeredChoices";
const OfferedSchema = z.object({ buttons: z.array(z.object({ label: z.string(), data: z.string() }).strict()) }).strict();
export type OfferedChoices = { readonly buttons: readonly ConsoleButton[] };

const NONE: OfferedChoices = { buttons: [] };

/** What was offered last; undefined when nothing was ever sent to this person (first contact). */
export async function readOfferedChoices(store: Store, userId: string): Promise<OfferedChoices | undefined> {
  const stored = (await store.user(userId).read())[FIELD];
  if (stored === undefined) return undefined;
  const parsed = OfferedSchema.safeParse(stored);
  return parsed.success ? parsed.data : NONE;
}

export async function writeOfferedChoices(store: Store, userId: string, offered: OfferedChoices): Promise<void> {
  await store.user(userId).update((session) => ({ ...session, [FIELD]: OfferedSchema.parse({ buttons: [...offered.buttons] }) }));
}
