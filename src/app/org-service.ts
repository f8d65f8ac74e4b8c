// The organisation in the store (org.json, calendar.json) for the chat and the CLI. Ids are made up
// here (o1, d7: store keys are ASCII, Chinese names stay names). Who may do what: admin-actions.ts.
import { createHash } from "node:crypto";
import { setDeadline as setCalendarDeadline, type Calendar, type SetDeadlineError } from "../core/deadline/calendar.ts";
import { localDate } from "../core/deadline/shanghai.ts";
import { CODE_BYTES, createInvitation, openInvitations, redeemInvitation, type InviteErrorCode, type RedeemErrorCode } from "../core/org/invitations.ts";
import { addDepartment, addOffice, departmentById, departmentsOf, invitationRef, moveDepartment, officeById, officersOf, removeMember, revokeInvitation } from "../core/org/org-ops.ts";
import type { AdminErrorCode, OrgErrorCode } from "../core/org/org-ops.ts";
import type { Line } from "../core/summary/line.ts";
import { emptyOrg, OrgSchema, type Department, type Invitation, type Member, type Office, type Org, type Role } from "../core/org/org-schema.ts";
import { z } from "zod";
import type { App } from "./app.ts";
import type { DocHandle } from "./store-port.ts";

const CalendarSchema = z.object({ deadlines: z.array(z.object({ officeId: z.string(), year: z.number().int(), date: z.string() }).strict()) }).strict();

/** SHA-256 hex: only hash(code) is kept in org.json. */
export function hashCode(code: string): string {
  return createHash("sha256").update(code, "utf8").digest("hex");
}

/** Next free id with a prefix: o1, o2 … (never reused). */
function nextId(prefix: string, taken: readonly { id: string }[]): string {
  const numbered = new RegExp(`^${prefix}(\\d+)$`);
  return `${prefix}${Math.max(0, ...taken.map(({ id }) => Number(numbered.exec(id)?.[1] ?? 0))) + 1}`;
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
type InviteOutcome = { ok: true; code: string; link: string; invitation: Invitation; place: string } | Refused<InviteErrorCode>;

export interface OrgService {
  org(): Promise<Org>;
  addOffice(name: string): Promise<{ ok: true; office: Office } | Refused<OrgErrorCode>>;
  addDepartment(officeRef: string, name: string): Promise<{ ok: true; department: Department } | Refused<OrgErrorCode>>;
  /** `target` is an office or department name or id; officers go to departments, others to offices. */
  invite(request: { target: string; role: Role; expiresAt: string; by: string }): Promise<InviteOutcome>;
  /** `updateId`: the chat update asking; the same update delivered again gets the same answer. */
  redeem(code: string, userId: string, updateId?: number): Promise<{ ok: true; member: Member; place: string } | Refused<RedeemErrorCode>>;
  revokeInvitation(ref: string): Promise<{ ok: true; invitation: Invitation } | Refused<AdminErrorCode>>;
  /** All the person's memberships, or only those in one office. */
  removeMember(userId: string, officeId?: string): Promise<{ ok: true; removed: Member[] } | Refused<AdminErrorCode>>;
  /** Department and office by name or id. */
  moveDepartment(departmentRef: string, officeRef: string): Promise<{ ok: true; department: string; from: string; to: string } | Refused<AdminErrorCode>>;
  calendar(): Promise<Calendar>;
  setDeadline(officeId: string, year: number, date: string): Promise<{ ok: true } | Refused<SetDeadlineError>>;
}

/** A pure edit: the next document and the answer, or only the answer when nothing changes. */
type Edit<T, O> = { next?: T; outcome: O };

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

export function createOrgService(app: Pick<App, "store" | "now" | "randomBytes" | "botUsername">): OrgService {
  const orgDoc = () => app.store.doc("org.json", OrgSchema, emptyOrg());
  const calendarDoc = () => app.store.doc("calendar.json", CalendarSchema, { deadlines: [] });
  return {
    org: () => orgDoc().read(),

    addOffice: (name) =>
      edit(orgDoc(), (org) => {
        const office = { id: nextId("o", org.offices), name: name.trim() };
        if (org.offices.some((existing) => existing.name === office.name)) return { outcome: { ok: false, error: "duplicate-id" } };
        const added = addOffice(org, office);
        return added.ok ? { next: added.org, outcome: { ok: true, office } } : { outcome: added };
      }),

    addDepartment: (officeRef, name) =>
      edit(orgDoc(), (org) => {
        const office = officeByRef(org, officeRef);
        if (office === undefined) return { outcome: { ok: false, error: "unknown-office" } };
        const department = { id: nextId("d", org.departments), officeId: office.id, name: name.trim() };
        if (org.departments.some((existing) => existing.officeId === office.id && existing.name === department.name)) return { outcome: { ok: false, error: "duplicate-id" } };
        const added = addDepartment(org, department);
        return added.ok ? { next: added.org, outcome: { ok: true, department } } : { outcome: added };
      }),

    invite: (request) =>
      edit(orgDoc(), (org) => {
        const department = request.role === "officer" ? departmentByRef(org, request.target) : undefined;
        const office = request.role === "officer" ? undefined : officeByRef(org, request.target);
        if (department === undefined && office === undefined) {
          // The other kind exists: say the role does not fit rather than "not found".
          const other = request.role === "officer" ? officeByRef(org, request.target) : departmentByRef(org, request.target);
          return { outcome: { ok: false, error: other === undefined ? "unknown-target" : "role-target-mismatch" } };
        }
        const target = department !== undefined ? { kind: "department" as const, departmentId: department.id } : { kind: "office" as const, officeId: office?.id ?? "" };
        const created = createInvitation(org, { target, role: request.role, expiresAt: request.expiresAt, createdBy: request.by }, app.randomBytes(CODE_BYTES), hashCode);
        if (!created.ok) return { outcome: created };
        const { code, invitation } = created;
        const place = department?.name ?? office?.name ?? "";
        return { next: created.org, outcome: { ok: true, code, invitation, place, link: inviteLink(app.botUsername, code) } };
      }),

    redeem(code, userId, updateId) {
      const now = app.now();
      return edit(orgDoc(), (org) => {
        const redeemed = redeemInvitation(org, code, userId, now, hashCode, updateId);
        if (!redeemed.ok) return { outcome: redeemed };
        return { next: redeemed.org, outcome: { ok: true, member: redeemed.member, place: placeOf(redeemed.org, redeemed.member) } };
      });
    },

    revokeInvitation: (ref) =>
      edit(orgDoc(), (org) => {
        const revoked = revokeInvitation(org, ref);
        return revoked.ok ? { next: revoked.org, outcome: { ok: true, invitation: revoked.invitation } } : { outcome: revoked };
      }),

    removeMember: (userId, officeId) =>
      edit(orgDoc(), (org) => {
        const removed = removeMember(org, userId.trim(), officeId);
        return removed.ok ? { next: removed.org, outcome: { ok: true, removed: removed.removed } } : { outcome: removed };
      }),

    moveDepartment: (departmentRef, officeRef) =>
      edit(orgDoc(), (org) => {
        const department = departmentByRef(org, departmentRef);
        const office = officeByRef(org, officeRef);
        if (department === undefined) return { outcome: { ok: false, error: "unknown-department" } };
        if (office === undefined) return { outcome: { ok: false, error: "unknown-office" } };
        const from = officeByRef(org, department.officeId)?.name ?? department.officeId;
        const moved = moveDepartment(org, department.id, office.id);
        return moved.ok ? { next: moved.org, outcome: { ok: true, department: department.name, from, to: office.name } } : { outcome: moved };
      }),

    calendar: async () => (await calendarDoc().read()).deadlines,

    setDeadline: (officeId, year, date) =>
      edit(calendarDoc(), (doc) => {
        const set = setCalendarDeadline(doc.deadlines, officeId, year, date);
        if (!set.ok) return { outcome: { ok: false, error: set.error } };
        return { next: { deadlines: [...set.calendar] }, outcome: { ok: true } };
      }),
  };
}

/** The invitation link: a t.me deep link when the bot's username is known, else the bare /start command. */
function inviteLink(botUsername: string | undefined, code: string): string {
  return botUsername === undefined ? `/start ${code}` : `https://t.me/${botUsername}?start=${code}`;
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
