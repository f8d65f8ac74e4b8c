// The organisation shell: org.json and calendar.json in the store, ids made up here (o1, d7 …:
// store keys are ASCII, the Chinese names stay names), invitation codes from app.randomBytes and
// hashed with SHA-256 before they are stored. Used by the bot's admin/invites features and the CLI.
//
//   createOrgService(app) → OrgService
//     org()                                   → Promise<Org>
//     addOffice(name)                         → { ok, office } | { ok: false, error }
//     addDepartment(officeRef, name)          → { ok, department } | { ok: false, error }
//     invite({ target: ref, role, expiresAt, by })  → { ok, code, link, invitation, place } | { ok: false, error }
//     redeem(code, userId)                    → { ok, member, place } | { ok: false, error }
//     officeByRef / departmentByRef(org, ref) → name or id lookup
//     calendar() / setDeadline(officeId, year, date)
//   expiryFrom(now, "7d") → ISO instant; orgListLines(org, now, officeId?) → Line[] (org-list-*)
import { createHash } from "node:crypto";
import { setDeadline as setCalendarDeadline, type Calendar, type SetDeadlineError } from "../core/deadline/calendar.ts";
import { CODE_BYTES, createInvitation, openInvitations, redeemInvitation, type InviteErrorCode, type RedeemErrorCode } from "../core/org/invitations.ts";
import { addDepartment, addOffice, departmentById, departmentsOf, officeById, officersOf, type OrgErrorCode } from "../core/org/org-ops.ts";
import type { Line } from "../core/summary/line.ts";
import { emptyOrg, OrgSchema, type Department, type Invitation, type Member, type Office, type Org, type Role } from "../core/org/org-schema.ts";
import { z } from "zod";
import type { App } from "./app.ts";

export const ORG_DOC = "org.json";
export const CALENDAR_DOC = "calendar.json";

const CalendarSchema = z.object({ deadlines: z.array(z.object({ officeId: z.string(), year: z.number().int(), date: z.string() }).strict()) }).strict();
type CalendarDoc = z.infer<typeof CalendarSchema>;

/** SHA-256 hex: only hash(code) is kept in org.json. */
export function hashCode(code: string): string {
  return createHash("sha256").update(code, "utf8").digest("hex");
}

/** Next free id with a prefix: o1, o2 … (never reused, even when names repeat). */
function nextId(prefix: string, taken: readonly { id: string }[]): string {
  let max = 0;
  for (const { id } of taken) {
    const match = new RegExp(`^${prefix}(\\d+)$`).exec(id);
    if (match !== null) max = Math.max(max, Number(match[1]));
  }
  return `${prefix}${max + 1}`;
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
export function placeOf(org: Org, member: Pick<Member, "officeId" | "departmentId">): string {
  if (member.departmentId !== undefined) return departmentById(org, member.departmentId)?.name ?? member.departmentId;
  return member.officeId === undefined ? "" : (officeById(org, member.officeId)?.name ?? member.officeId);
}

export type InviteOutcome =
  | { ok: true; code: string; link: string; invitation: Invitation; place: string }
  | { ok: false; error: InviteErrorCode };

export interface OrgService {
  org(): Promise<Org>;
  addOffice(name: string): Promise<{ ok: true; office: Office } | { ok: false; error: OrgErrorCode }>;
  addDepartment(officeRef: string, name: string): Promise<{ ok: true; department: Department } | { ok: false; error: OrgErrorCode }>;
  /** `target` is an office or department name or id; officers go to departments, others to offices. */
  invite(request: { target: string; role: Role; expiresAt: string; by: string }): Promise<InviteOutcome>;
  /** `updateId`: the chat update asking; the same update delivered again gets the same answer. */
  redeem(code: string, userId: string, updateId?: number): Promise<{ ok: true; member: Member; place: string } | { ok: false; error: RedeemErrorCode }>;
  calendar(): Promise<Calendar>;
  setDeadline(officeId: string, year: number, date: string): Promise<{ ok: true } | { ok: false; error: SetDeadlineError }>;
}

/** The invitation link: a t.me deep link when the bot's username is known, else the bare /start command. */
export function inviteLink(botUsername: string | undefined, code: string): string {
  return botUsername === undefined ? `/start ${code}` : `https://t.me/${botUsername}?start=${code}`;
}

type OrgEditOutcome<E, R> = { ok: true; result: R } | { ok: false; error: E };

/** Runs a pure edit of org.json inside the document's atomic update; an error leaves the file untouched. */
export async function editOrg<E, R>(app: Pick<App, "store">, fn: (org: Org) => { ok: true; org: Org; result: R } | { ok: false; error: E }): Promise<OrgEditOutcome<E, R>> {
  const orgDoc = () => app.store.doc(ORG_DOC, OrgSchema, emptyOrg());
  // A refusal (a guessed code, a duplicate name) is decided on a read and writes nothing: the
  // store rewrites a document (and its .bak) on every update, so guesses must not reach it.
  const tried = fn(await orgDoc().read());
  if (!tried.ok) return tried;
  let outcome: OrgEditOutcome<E, R> | undefined;
  await orgDoc().update((org) => {
    const edited = fn(org);
    if (!edited.ok) {
      outcome = edited;
      return org;
    }
    outcome = { ok: true, result: edited.result };
    return edited.org;
  });
  if (outcome === undefined) throw new Error("org: edit produced no outcome");
  return outcome;
}

export function createOrgService(app: Pick<App, "store" | "now" | "randomBytes" | "botUsername">): OrgService {
  const orgDoc = () => app.store.doc(ORG_DOC, OrgSchema, emptyOrg());
  const calendarDoc = () => app.store.doc<CalendarDoc>(CALENDAR_DOC, CalendarSchema, { deadlines: [] });

  const edit = <E, R>(fn: (org: Org) => { ok: true; org: Org; result: R } | { ok: false; error: E }) => editOrg(app, fn);

  return {
    org: () => orgDoc().read(),

    async addOffice(name) {
      const out = await edit<OrgErrorCode, Office>((org) => {
        const office = { id: nextId("o", org.offices), name: name.trim() };
        if (org.offices.some((existing) => existing.name === office.name)) return { ok: false, error: "duplicate-id" };
        const added = addOffice(org, office);
        return added.ok ? { ok: true, org: added.org, result: office } : added;
      });
      return out.ok ? { ok: true, office: out.result } : out;
    },

    async addDepartment(officeRef, name) {
      const out = await edit<OrgErrorCode, Department>((org) => {
        const office = officeByRef(org, officeRef);
        if (office === undefined) return { ok: false, error: "unknown-office" };
        const department = { id: nextId("d", org.departments), officeId: office.id, name: name.trim() };
        if (org.departments.some((existing) => existing.officeId === office.id && existing.name === department.name)) return { ok: false, error: "duplicate-id" };
        const added = addDepartment(org, department);
        return added.ok ? { ok: true, org: added.org, result: department } : added;
      });
      return out.ok ? { ok: true, department: out.result } : out;
    },

    async invite(request) {
      const out = await edit<InviteErrorCode, { code: string; invitation: Invitation; place: string }>((org) => {
        const department = request.role === "officer" ? departmentByRef(org, request.target) : undefined;
        const office = request.role === "officer" ? undefined : officeByRef(org, request.target);
        if (department === undefined && office === undefined) {
          // The other kind exists: say the role does not fit rather than "not found".
          const other = request.role === "officer" ? officeByRef(org, request.target) : departmentByRef(org, request.target);
          return { ok: false, error: other === undefined ? "unknown-target" : "role-target-mismatch" };
        }
        const target = department !== undefined ? { kind: "department" as const, departmentId: department.id } : { kind: "office" as const, officeId: office?.id ?? "" };
        const created = createInvitation(org, { target, role: request.role, expiresAt: request.expiresAt, createdBy: request.by }, app.randomBytes(CODE_BYTES), hashCode);
        if (!created.ok) return created;
        const place = department?.name ?? office?.name ?? "";
        return { ok: true, org: created.org, result: { code: created.code, invitation: created.invitation, place } };
      });
      if (!out.ok) return out;
      return { ok: true, ...out.result, link: inviteLink(app.botUsername, out.result.code) };
    },

    async redeem(code, userId, updateId) {
      const now = app.now();
      const out = await edit<RedeemErrorCode, { member: Member; place: string }>((org) => {
        const redeemed = redeemInvitation(org, code, userId, now, hashCode, updateId);
        if (!redeemed.ok) return redeemed;
        return { ok: true, org: redeemed.org, result: { member: redeemed.member, place: placeOf(redeemed.org, redeemed.member) } };
      });
      return out.ok ? { ok: true, ...out.result } : out;
    },

    calendar: async () => (await calendarDoc().read()).deadlines,

    async setDeadline(officeId, year, date) {
      // A refused date is decided on a read: nothing is written for it.
      const tried = setCalendarDeadline((await calendarDoc().read()).deadlines, officeId, year, date);
      if (!tried.ok) return { ok: false, error: tried.error };
      let error: SetDeadlineError | undefined;
      await calendarDoc().update((doc) => {
        const set = setCalendarDeadline(doc.deadlines, officeId, year, date);
        if (!set.ok) {
          error = set.error;
          return doc;
        }
        return { deadlines: [...set.calendar] };
      });
      return error === undefined ? { ok: true } : { ok: false, error };
    },
  };
}

const EXPIRY = /^(\d{1,4})([dh])$/;
export const DEFAULT_EXPIRY = "7d";
/** The longest an invitation may stay open: 90 days. */
export const MAX_EXPIRY_HOURS = 90 * 24;

/** `7d` / `48h` after `now` as an ISO instant; undefined when the text is not such a duration. */
export function expiryFrom(now: string, spec: string = DEFAULT_EXPIRY): string | undefined {
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
  const lines: Line[] = [];
  for (const office of offices) {
    const supervisors = org.members.filter((m) => m.officeId === office.id && m.role !== "officer").length;
    const open = openInvitations(org, now, office.id).length;
    lines.push({ key: "org-list-office", params: { name: office.name, id: office.id, supervisors, invitations: open } });
    for (const department of departmentsOf(org, office.id)) {
      lines.push({ key: "org-list-department", params: { name: department.name, id: department.id, officers: officersOf(org, department.id).length } });
    }
  }
  return lines;
}
