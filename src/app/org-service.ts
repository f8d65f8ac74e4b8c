// The organisation in the store (org.json, calendar.json) for the chat and the CLI. Admins' edits of
// org.json (who may do what, new ids): admin-actions.ts through edit().
import { createHash } from "node:crypto";
import { OfficeDeadlineSchema, setDeadline as setCalendarDeadline, type Calendar, type SetDeadlineError } from "../core/deadline/calendar.ts";
import { localDate } from "../core/deadline/shanghai.ts";
import { openInvitations, redeemInvitation, type RedeemErrorCode } from "../core/org/invitations.ts";
import { departmentById, departmentsOf, invitationRef, officeById, officersOf } from "../core/org/org-ops.ts";
import type { Line } from "../core/summary/line.ts";
import { emptyOrg, OrgSchema, type Department, type Member, type Office, type Org } from "../core/org/org-schema.ts";
import { z } from "zod";
import type { App } from "./app.ts";
import type { DocHandle } from "./store-port.ts";

const CalendarSchema = z.object({ deadlines: z.array(OfficeDeadlineSchema) }).strict();

/** SHA-256 hex: only hash(code) is kept in org.json. */
export function hashCode(code: string): string {
  return createHash("sha256").update(code, "utf8").digest("hex");
}

export function officeByRef(org: Org, ref: string): Office | undefined {
  const text = ref.trim();
  return officeById(org, text) ?? org.offices.find((office) => office.name === text);
}

export function departmentByRef(org: Org, ref: string, officeId?: string): Department | undefined {
  const text = ref.trim();
  const inScope = (department: Department): boolean => officeId === undefined || department.officeId === officeId;
  const byId = departmentById(org, text);
  if (byId !== undefined && inScope(byId)) return byId;
  return org.departments.find((department) => department.name === text && inScope(department));
}

/** The name a member joined: the department's or the office's. */
function placeOf(org: Org, member: Pick<Member, "officeId" | "departmentId">): string {
  if (member.departmentId !== undefined) return departmentById(org, member.departmentId)?.name ?? member.departmentId;
  return member.officeId === undefined ? "" : (officeById(org, member.officeId)?.name ?? member.officeId);
}

type Refused<E> = { ok: false; error: E };

export type OrgService = ReturnType<typeof createOrgService>;

/** A pure edit: the next document and the answer, or only the answer when nothing changes. */
export type Edit<T, O> = { next?: T; outcome: O };

/** Runs a pure edit inside the document's atomic update. */
async function edit<T, O>(doc: DocHandle<T>, fn: (current: T) => Edit<T, NoInfer<O>>): Promise<O> {
  // A refusal (a guessed code) is decided on a read: every update rewrites the file and its .bak.
  const tried = fn(await doc.read());
  if (tried.next === undefined) return tried.outcome;
  let outcome = tried.outcome;
  await doc.update((current) => {
    const edited = fn(current);
    outcome = edited.outcome;
    return edited.next ?? current;
  });
  return outcome;
}

export function createOrgService(app: Pick<App, "store" | "now">) {
  const orgDoc = () => app.store.doc("org.json", OrgSchema, emptyOrg());
  const calendarDoc = () => app.store.doc("calendar.json", CalendarSchema, { deadlines: [] });
  return {
    org: (): Promise<Org> => orgDoc().read(),

    /** The one way to change org.json: a pure edit run inside the document's atomic update. */
    edit: <O>(fn: (current: Org) => Edit<Org, O>): Promise<O> => edit(orgDoc(), fn),

    /** `updateId`: the chat update asking; the same update delivered again gets the same answer. */
    redeem(code: string, userId: string, updateId?: number): Promise<{ ok: true; member: Member; place: string } | Refused<RedeemErrorCode>> {
      const now = app.now();
      return edit(orgDoc(), (org) => {
        const redeemed = redeemInvitation(org, code, userId, now, hashCode, updateId);
        if (!redeemed.ok) return { outcome: redeemed };
        return { next: redeemed.org, outcome: { ok: true, member: redeemed.member, place: placeOf(redeemed.org, redeemed.member) } };
      });
    },

    calendar: async (): Promise<Calendar> => (await calendarDoc().read()).deadlines,

    setDeadline: (officeId: string, year: number, date: string): Promise<{ ok: true } | Refused<SetDeadlineError>> =>
      edit(calendarDoc(), (doc) => {
        const set = setCalendarDeadline(doc.deadlines, officeId, year, date);
        if (!set.ok) return { outcome: { ok: false, error: set.error } };
        return { next: { deadlines: [...set.calendar] }, outcome: { ok: true } };
      }),
  };
}

const EXPIRY = /^(\d{1,4})([dh])$/;
/** The longest an invitation may stay open: 90 days. */
const MAX_EXPIRY_HOURS = 90 * 24;

/** `7d` / `48h` after `now` as an ISO instant; undefined when the text is not such a duration. */
export function expiryFrom(now: string, spec = "7d"): string | undefined {
  const match = EXPIRY.exec(spec.trim());
  if (match === null) return undefined;
  const amount = Number(match[1]);
  const hours = match[2] === "d" ? amount * 24 : amount;
  // A code is a bearer token: one that lives for years is one that leaks.
  if (amount === 0 || hours > MAX_EXPIRY_HOURS) return undefined;
  return new Date(Date.parse(now) + hours * 3_600_000).toISOString();
}

/** The organisation as lines (org-list-* keys in org.ftl), optionally one office only. */
export function orgListLines(org: Org, now: string, officeId?: string): Line[] {
  const offices = org.offices.filter((office) => officeId === undefined || office.id === officeId);
  if (offices.length === 0) return [{ key: "org-list-empty", params: {} }];
  return offices.flatMap((office) => [
    {
      key: "org-list-office",
      params: {
        name: office.name,
        id: office.id,
        supervisors: org.members.filter((m) => m.officeId === office.id && m.role !== "officer").length,
        invitations: openInvitations(org, now, office.id).length,
      },
    },
    ...departmentsOf(org, office.id).map((department) => ({
      key: "org-list-department",
      params: { name: department.name, id: department.id, officers: officersOf(org, department.id).length },
    })),
  ]);
}

/** Open invitations as lines (org-invitation-* keys), optionally one office only. */
export function invitationLines(org: Org, now: string, officeId?: string): Line[] {
  const open = openInvitations(org, now, officeId);
  if (open.length === 0) return [{ key: "org-invitations-none", params: {} }];
  return open.map((invitation) => {
    const target = invitation.target;
    const place = target.kind === "office" ? placeOf(org, { officeId: target.officeId }) : placeOf(org, { departmentId: target.departmentId });
    return { key: "org-invitation-line", params: { ref: invitationRef(invitation), role: invitation.role, place, expires: localDate(invitation.expiresAt) } };
  });
}
