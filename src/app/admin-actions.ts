// Running the organisation, one way for every caller: a person in a chat (admins act anywhere, a supervisor
// within their own office, core/org PERMISSIONS) or the operator at `npx nianbao admin` (everything).
// Answers are locale lines (the caller translates); each caller parses its own words and says its own usage.
import { departmentByRef, expiryFrom, hashCode, invitationLines, officeByRef, orgListLines, type Edit, type OrgService } from "./org-service.ts";
import type { App } from "./app.ts";
import { localDate } from "../core/deadline/shanghai.ts";
import { CODE_BYTES, createInvitation } from "../core/org/invitations.ts";
import { addDepartment, addOffice, departmentsOf, invitationOfficeId, memberOfficeId, membershipsOf, moveDepartment, removeMember, revokeInvitation } from "../core/org/org-ops.ts";
import { ROLES, type Org, type Role } from "../core/org/org-schema.ts";
import { can, isAdmin, type Action, type Target } from "../core/org/permissions.ts";
import type { Line } from "../core/summary/line.ts";

/** The chat user acting, or the operator at the CLI / control socket. */
type Actor = { readonly userId: string } | "operator";

type AdminAnswer = { readonly ok: true; readonly lines: Line[] } | { readonly ok: false; readonly refusal: Line | "usage" };

const INVITABLE: readonly Role[] = ROLES.filter((role) => role !== "admin");
const line = (key: string, params: Record<string, string | number> = {}): Line => ({ key, params });
const done = (...lines: Line[]): AdminAnswer => ({ ok: true, lines });
const refused = (refusal: Line | "usage"): AdminAnswer => ({ ok: false, refusal });
const denied = (action: Action): AdminAnswer => refused(line("sup-denied", { action }));

/** A pure org edit stored with its answer, or its error worded as `<prefix><error>`. */
function applied(result: { ok: true; org: Org } | { ok: false; error: string }, prefix: string, answer: () => AdminAnswer): Edit<Org, AdminAnswer> {
  return result.ok ? { next: result.org, outcome: answer() } : { outcome: refused(line(`${prefix}${result.error}`)) };
}

/** Next free id with a prefix: o1, o2 … (never reused; store keys are ASCII, Chinese names stay names). */
function nextId(prefix: string, taken: readonly { id: string }[]): string {
  const numbered = new RegExp(`^${prefix}(\\d+)$`);
  return `${prefix}${Math.max(0, ...taken.map(({ id }) => Number(numbered.exec(id)?.[1] ?? 0))) + 1}`;
}

type AdminActions = ReturnType<typeof adminActions>;

export function adminActions(app: Pick<App, "now" | "randomBytes" | "botUsername"> & { readonly adminIds?: readonly string[] }, org: OrgService) {
  const adminIds = app.adminIds ?? [];
  const byAdmin = (current: Org, actor: Actor): boolean => actor === "operator" || isAdmin(current, actor.userId, adminIds);
  // Unknown places are the admins' only (target undefined).
  const may = (current: Org, actor: Actor, action: Action, target: Target | undefined): boolean =>
    target === undefined ? byAdmin(current, actor) : actor === "operator" || can(current, actor.userId, action, target, adminIds);

  /** The office a supervisor manages (admins and the operator: undefined = everything); null when neither. */
  function managedOffice(current: Org, actor: Actor): string | undefined | null {
    if (actor === "operator" || isAdmin(current, actor.userId, adminIds)) return undefined;
    const own = membershipsOf(current, actor.userId)
      .map((member) => memberOfficeId(current, member))
      .find((officeId) => officeId !== undefined && can(current, actor.userId, "manageOrg", { officeId }, adminIds));
    return own ?? null;
  }

  /** The organisation (manageOrg) or the open invitations (invite): everything for admins, a supervisor's own office. */
  async function listing(actor: Actor, lines: typeof orgListLines, action: Action): Promise<AdminAnswer> {
    const current = await org.org();
    const office = managedOffice(current, actor);
    return office === null ? denied(action) : done(...lines(current, app.now(), office));
  }

  return {
    orgList: (actor: Actor) => listing(actor, orgListLines, "manageOrg"),
    invitations: (actor: Actor) => listing(actor, invitationLines, "invite"),

    async whoami(userId: string): Promise<AdminAnswer> {
      const current = await org.org();
      const status = isAdmin(current, userId, adminIds) ? "admin" : membershipsOf(current, userId).length > 0 ? "member" : "none";
      return done(line("org-whoami", { id: userId, status }));
    },

    addOffice: (actor: Actor, name: string): Promise<AdminAnswer> =>
      org.edit((current) => {
        if (!byAdmin(current, actor)) return { outcome: denied("manageOrg") };
        if (name.trim() === "") return { outcome: refused("usage") };
        const office = { id: nextId("o", current.offices), name: name.trim() };
        if (current.offices.some((existing) => existing.name === office.name)) return { outcome: refused(line("sup-org-error-duplicate-id")) };
        return applied(addOffice(current, office), "sup-org-error-", () => done(line("org-office-added", { name: office.name, id: office.id })));
      }),

    addDepartment: (actor: Actor, officeRef: string, name: string): Promise<AdminAnswer> =>
      org.edit((current) => {
        if (name.trim() === "") return { outcome: refused("usage") };
        const office = officeByRef(current, officeRef);
        if (office === undefined) return { outcome: refused(line("sup-org-error-unknown-office")) };
        if (!may(current, actor, "manageOrg", { officeId: office.id })) return { outcome: denied("manageOrg") };
        const department = { id: nextId("d", current.departments), officeId: office.id, name: name.trim() };
        const taken = departmentsOf(current, office.id).some((existing) => existing.name === department.name);
        if (taken) return { outcome: refused(line("sup-org-error-duplicate-id")) };
        const answer = () => done(line("org-department-added", { name: department.name, id: department.id, office: office.name }));
        return applied(addDepartment(current, department), "sup-org-error-", answer);
      }),

    /** An officer invited into a department, anyone else into an office; `expires` like 7d or 48h. */
    async invite(actor: Actor, target: string, roleText: string, expires?: string): Promise<AdminAnswer> {
      const role = INVITABLE.find((candidate) => candidate === roleText);
      const expiresAt = expiryFrom(app.now(), expires);
      if (target.trim() === "" || role === undefined || expiresAt === undefined) return refused("usage");
      return org.edit((current) => {
        const department = departmentByRef(current, target);
        const office = officeByRef(current, target);
        // Officers join a department, everyone else an office.
        const joins = role === "officer" ? department : office;
        const officeScope = office === undefined ? undefined : { officeId: office.id };
        const scope = role === "officer" && department !== undefined ? { departmentId: department.id } : officeScope;
        if (!may(current, actor, "invite", scope)) return { outcome: denied("invite") };
        if (joins === undefined) {
          // The other kind exists: say the role does not fit rather than "not found".
          const error = (role === "officer" ? office : department) === undefined ? "unknown-target" : "role-target-mismatch";
          return { outcome: refused(line(`sup-invite-error-${error}`)) };
        }
        const into = role === "officer" ? { kind: "department" as const, departmentId: joins.id } : { kind: "office" as const, officeId: joins.id };
        const request = { target: into, role, expiresAt, createdBy: actor === "operator" ? "cli" : actor.userId };
        const created = createInvitation(current, request, app.randomBytes(CODE_BYTES), hashCode);
        if (!created.ok) return { outcome: refused(line(`sup-invite-error-${created.error}`)) };
        const link = app.botUsername === undefined ? `/start ${created.code}` : `https://t.me/${app.botUsername}?start=${created.code}`;
        const answer = done(line("org-invite-for", { place: joins.name }), line("sup-invite-created", { role, expires: localDate(expiresAt), link }));
        return { next: created.org, outcome: answer };
      });
    },

    revoke: async (actor: Actor, ref: string): Promise<AdminAnswer> =>
      ref.trim() === ""
        ? refused("usage")
        : org.edit((current) => {
            const revoked = revokeInvitation(current, ref);
            if (!revoked.ok) return { outcome: refused(line(`org-admin-error-${revoked.error}`)) };
            const officeId = invitationOfficeId(current, revoked.invitation);
            if (!may(current, actor, "invite", officeId === undefined ? {} : { officeId })) return { outcome: denied("invite") };
            return { next: revoked.org, outcome: done(line("org-invitation-revoked", { ref })) };
          }),

    /** A supervisor removes only memberships in their office, and never an administrator's. */
    removeMember: async (actor: Actor, userId: string): Promise<AdminAnswer> =>
      !/^\d{1,20}$/.test(userId)
        ? refused("usage")
        : org.edit((current) => {
            const office = managedOffice(current, actor);
            if (office === null || (office !== undefined && isAdmin(current, userId, adminIds))) return { outcome: denied("manageOrg") };
            const removed = removeMember(current, userId, office);
            if (!removed.ok) return { outcome: refused(line(`org-admin-error-${removed.error}`)) };
            return { next: removed.org, outcome: done(line("org-member-removed", { id: userId, count: removed.removed.length })) };
          }),

    moveDepartment: (actor: Actor, departmentRef: string, officeRef: string): Promise<AdminAnswer> =>
      org.edit((current) => {
        if (!byAdmin(current, actor)) return { outcome: denied("manageOrg") };
        const department = departmentByRef(current, departmentRef);
        const office = officeByRef(current, officeRef);
        if (department === undefined) return { outcome: refused(line("org-admin-error-unknown-department")) };
        if (office === undefined) return { outcome: refused(line("org-admin-error-unknown-office")) };
        const from = officeByRef(current, department.officeId)?.name ?? department.officeId;
        const answer = () => done(line("org-department-moved", { name: department.name, from, to: office.name }));
        return applied(moveDepartment(current, department.id, office.id), "org-admin-error-", answer);
      }),
  };
}

const words = (text: string): string[] => text.trim().split(/\s+/).filter((word) => word !== "");

/** The chat's admin commands (usages: org-usage-<command>), each from the text after the command. */
const CHAT_COMMANDS: Readonly<Record<string, (actions: AdminActions, actor: { userId: string }, text: string) => Promise<AdminAnswer>>> = {
  addoffice: (actions, actor, text) => actions.addOffice(actor, text.trim()),
  adddept: (actions, actor, text) => {
    const [officeRef = "", ...name] = words(text);
    return actions.addDepartment(actor, officeRef, name.join(" "));
  },
  invite: (actions, actor, text) => {
    const [target = "", role = "officer", expires] = words(text);
    return actions.invite(actor, target, role, expires);
  },
  orgs: (actions, actor) => actions.orgList(actor),
  invitations: (actions, actor) => actions.invitations(actor),
  whoami: (actions, actor) => actions.whoami(actor.userId),
  revoke: (actions, actor, text) => actions.revoke(actor, text.trim()),
  removemember: (actions, actor, text) => actions.removeMember(actor, text.trim()),
  movedept: async (actions, actor, text) => {
    const [departmentRef, officeRef, ...extra] = words(text);
    if (departmentRef === undefined || officeRef === undefined || extra.length > 0) return refused("usage");
    return actions.moveDepartment(actor, departmentRef, officeRef);
  },
};
export const CHAT_ADMIN_COMMANDS = Object.keys(CHAT_COMMANDS);

/** A chat user's admin command (one of CHAT_ADMIN_COMMANDS) answered as lines. */
export async function chatAdminCommand(actions: AdminActions, userId: string, command: string, text: string): Promise<Line[]> {
  const answer = await (CHAT_COMMANDS[command] ?? (async () => refused("usage")))(actions, { userId }, text);
  if (answer.ok) return answer.lines;
  return [answer.refusal === "usage" ? line(`org-usage-${command}`) : answer.refusal];
}

/** `npx nianbao admin <sub> …` (org-cli-usage in locales) run as the operator. */
export function operatorAction(actions: AdminActions, request: { positionals: readonly string[]; role?: string; expires?: string }): Promise<AdminAnswer> {
  const [sub, ...rest] = request.positionals;
  const all = rest.join(" ");
  switch (sub) {
    case "add-office":
      return actions.addOffice("operator", all);
    case "add-department":
      return actions.addDepartment("operator", rest[0] ?? "", rest.slice(1).join(" "));
    case "invite":
      return actions.invite("operator", all, request.role ?? "officer", request.expires);
    case "list":
      return actions.orgList("operator");
    case "invitations":
      return actions.invitations("operator");
    case "revoke":
      return actions.revoke("operator", (rest[0] ?? "").replace(/^#/, ""));
    case "remove-member":
      return actions.removeMember("operator", rest[0] ?? "");
    case "move-department":
      return rest.length === 2 ? actions.moveDepartment("operator", rest[0] ?? "", rest[1] ?? "") : Promise.resolve(refused("usage"));
    default:
      return Promise.resolve(refused("usage"));
  }
}
