// Per-user session (users/<userId>.json): language, the report being worked on, membership.
// Loose object: features may keep more fields here; the org feature owns `membership`'s shape.
import { z } from "zod";
import { LOCALES } from "../i18n.ts";

export const UserSessionSchema = z.looseObject({
  locale: z.enum(LOCALES).optional(),
  currentReport: z.object({ departmentId: z.string(), year: z.number().int() }).strict().optional(),
  membership: z.unknown().optional(),
});
export type UserSession = z.infer<typeof UserSessionSchema>;

export const EMPTY_SESSION: UserSession = {};
