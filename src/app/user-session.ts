// Per-user session (users/<userId>.json), typed with zod. The store keeps the document loose (features
// may keep more fields); the app's own fields go through readSession / patchSession.
import { z } from "zod";
import { JumpSchema } from "../core/lifecycle/lifecycle.ts";
import { LOCALES } from "../i18n.ts";
import { ReportKeySchema } from "./report-record.ts";
import type { Store } from "./store-port.ts";

export const UserSessionSchema = z.looseObject({
  locale: z.enum(LOCALES).optional(),
});
export type UserSession = z.infer<typeof UserSessionSchema>;

const AppSessionSchema = z.object({
  /** Personal mode: the agency whose report this user fills. */
  agency: z.string().min(1).optional(),
  /** A supervisor between choosing where a report goes back and typing the comment. */
  supervisionReturn: ReportKeySchema.extend({ target: JumpSchema.optional() }).optional(),
  /** The last return finished, by the update that carried its comment (a re-delivery finds it here). */
  supervisionReturned: ReportKeySchema.extend({ update: z.number().int() }).optional(),
  /** The buttons a text channel (DingTalk) last offered, so a typed reply maps back after a restart too. */
  offeredChoices: z.object({ buttons: z.array(z.object({ label: z.string(), data: z.string() }).strict()) }).strict().optional(),
});
type AppSession = z.infer<typeof AppSessionSchema>;

/** A field that does not fit its schema reads as absent; the session's other fields are left out. */
const ReadSessionSchema = z.object({
  agency: AppSessionSchema.shape.agency.catch(undefined),
  supervisionReturn: AppSessionSchema.shape.supervisionReturn.catch(undefined),
  supervisionReturned: AppSessionSchema.shape.supervisionReturned.catch(undefined),
  // Damaged, yet something was offered: not a first contact.
  offeredChoices: AppSessionSchema.shape.offeredChoices.catch({ buttons: [] }),
});

/** Parsed once per stored version: the store hands each version out frozen, and a change is a new object. */
const parsed = new WeakMap<object, AppSession>();

export async function readSession(store: Store, userId: string): Promise<AppSession> {
  const stored = await store.user(userId).read();
  const known = parsed.get(stored);
  if (known !== undefined) return known;
  const session = Object.freeze(ReadSessionSchema.parse(stored));
  if (Object.isFrozen(stored)) parsed.set(stored, session);
  return session;
}

/** Sets or removes (undefined) some of the app's fields in one atomic write. */
export async function patchSession(store: Store, userId: string, patch: Partial<AppSession>): Promise<void> {
  const checked = AppSessionSchema.partial().parse(patch);
  await store.user(userId).update((session) => {
    const next: Record<string, unknown> = { ...session };
    for (const field of Object.keys(patch)) {
      const value = checked[field as keyof AppSession];
      if (value === undefined) delete next[field];
      else next[field] = value;
    }
    return next;
  });
}
