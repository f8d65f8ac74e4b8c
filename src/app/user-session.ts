// Per-user session (users/<userId>.json): language, the report being worked on, membership, and the
// app's own fields, typed once with zod. The store keeps the document loose (features may keep more
// fields); the app reads and writes its fields through readSession / writeSession.
import { z } from "zod";
import { LOCALES } from "../i18n.ts";
import type { Store } from "./store-port.ts";

export const UserSessionSchema = z.looseObject({
  locale: z.enum(LOCALES).optional(),
  currentReport: z.object({ departmentId: z.string(), year: z.number().int() }).strict().optional(),
  membership: z.unknown().optional(),
});
export type UserSession = z.infer<typeof UserSessionSchema>;

export const EMPTY_SESSION: UserSession = {};

/** A supervisor between choosing where a report goes back and typing the comment. */
export const PendingReturnSchema = z
  .object({
    departmentId: z.string(),
    year: z.number().int(),
    target: z.object({ cell: z.string().optional(), part: z.string().optional() }).strict().optional(),
  })
  .strict();
export type PendingReturn = z.infer<typeof PendingReturnSchema>;

export const AppSessionSchema = z.object({
  /** Personal mode: the agency whose report this user fills. */
  agency: z.string().min(1).optional(),
  supervisionReturn: PendingReturnSchema.optional(),
  /** The last return finished, by the update that carried its comment (a re-delivery finds it here). */
  supervisionReturned: z.object({ update: z.number().int(), departmentId: z.string(), year: z.number().int() }).strict().optional(),
});
export type AppSession = z.infer<typeof AppSessionSchema>;

/** The app's fields of a session; a field that does not fit its schema reads as absent. */
export async function readSession(store: Store, userId: string): Promise<AppSession> {
  const stored = await store.user(userId).read();
  const fields = AppSessionSchema.shape;
  const agency = fields.agency.safeParse(stored["agency"]);
  const pending = fields.supervisionReturn.safeParse(stored["supervisionReturn"]);
  const returned = fields.supervisionReturned.safeParse(stored["supervisionReturned"]);
  return {
    ...(agency.success && agency.data !== undefined ? { agency: agency.data } : {}),
    ...(pending.success && pending.data !== undefined ? { supervisionReturn: pending.data } : {}),
    ...(returned.success && returned.data !== undefined ? { supervisionReturned: returned.data } : {}),
  };
}

/** Sets (or with undefined, removes) one of the app's fields. */
export function writeSession<K extends keyof AppSession>(store: Store, userId: string, field: K, value: AppSession[K]): Promise<void> {
  return patchSession(store, userId, { [field]: value });
}

/** Sets or removes several of the app's fields in one atomic write. */
export async function patchSession(store: Store, userId: string, patch: { [K in keyof AppSession]?: AppSession[K] | undefined }): Promise<void> {
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
