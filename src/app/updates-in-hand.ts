// The updates a chat shell has taken from its platform and not yet handled, kept on disk so a
// crash does not lose them (telegram/intake.ts). Opaque objects here: the shell knows their shape.
import { z } from "zod";
import type { Store } from "./store-port.ts";

export const UPDATES_IN_HAND = "intake.json";

export const UpdatesInHandSchema = z.object({ updates: z.array(z.looseObject({ update_id: z.number().int() })) }).strict();

export interface UpdatesInHand {
  load(): Promise<readonly unknown[]>;
  save(updates: readonly object[]): Promise<void>;
}

export function updatesInHand(store: Store): UpdatesInHand {
  const doc = store.doc(UPDATES_IN_HAND, UpdatesInHandSchema, { updates: [] });
  return {
    load: async () => (await doc.read()).updates,
    save: async (updates) => {
      await doc.update(() => UpdatesInHandSchema.parse({ updates }));
    },
  };
}
