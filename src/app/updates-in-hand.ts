// The updates a chat shell has taken from its platform and not yet handled, kept on disk so a
// crash does not lose them (telegram/intake.ts). Opaque objects here: the shell knows their shape.
import { z } from "zod";
import type { Store } from "./store-port.ts";

export const UPDATES_IN_HAND = "intake.json";

export const UpdatesInHandSchema = z.object({ updates: z.array(z.looseObject({ update_id: z.number().int() })) }).strict();

export type UpdatesInHand = ReturnType<typeof updatesInHand>;

export function updatesInHand(store: Store) {
  const doc = store.doc(UPDATES_IN_HAND, UpdatesInHandSchema, { updates: [] });
  return {
    load: async (): Promise<readonly unknown[]> => (await doc.read()).updates,
    save: async (updates: readonly object[]): Promise<void> => {
      // The document handle validates against the schema on write.
      await doc.update(() => ({ updates: updates as z.infer<typeof UpdatesInHandSchema>["updates"] }));
    },
  };
}
