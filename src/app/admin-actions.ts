// Running the organisation, one way for every caller: a person in a chat (admins act anywhere, a supervisor
// within their own office, core/org PERMISSIONS) or the operator at `npx nianbao admin` (everything).
// Answers are locale lines (the caller translates); each caller parses its own words and says its own usage.
import { departmentByRef, expiryFrom, invitationLines, officeByRef, orgListLines, type OrgService } from "./org-service.ts";
import { localDate } from "../core/deadline/shanghai.ts";
import { invitationByRef, invitationOfficeId, memberOfficeId, membershipsOf } from "../core/org/org-ops.ts";
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

type AdminActions = ReturnType<typeof adminActions>;

export function adminActions(app: { now(): string; readonly adminIds?: readonly string[] }, org: OrgService) {
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

    async addOffice(actor: Actor, name: string): Promise<AdminAnswer> {
      if (!byAdmin(await org.org(), actor)) return denied("manageOrg");
      if (name.trim() === "") return refused("usage");
      const added = await org.addOffice(name);
      return added.ok ? done(line("org-office-added", { name: added.office.name, id: added.office.id })) : refused(line(`sup-org-error-${added.error}`));
    },

    async addDepartment(actor: Actor, officeRef: string, name: string): Promise<AdminAnswer> {
      if (name.trim() === "") return refused("usage");
      const current = await org.org();
      const office = officeByRef(current, officeRef);
      if (office === undefined) return refused(line("sup-org-error-unknown-office"));
      if (!may(current, actor, "manageOrg", { officeId: office.id })) return denied("manageOrg");
      const added = await org.addDepartment(office.id, name);
      if (!added.ok) return refused(line(`sup-org-error-${added.error}`));
      return done(line("org-department-added", { name: added.department.name, id: added.department.id, office: office.name }));
    },

    /** An officer invited into a department, anyone else into an office; `expires` like 7d or 48h. */
    async invite(actor: Actor, target: string, roleText: string, expires?: string): Promise<AdminAnswer> {
      const role = INVITABLE.find((candidate) => candidate === roleText);
      const expiresAt = expiryFrom(app.now(), expires);
      if (target.trim() === "" || role === undefined || expiresAt === undefined) return refused("usage");
      const current = await org.org();
      const department = role === "officer" ? departmentByRef(current, target) : undefined;
      const office = department === undefined ? officeByRef(current, target) : undefined;
      const scope = department !== undefined ? { departmentId: department.id } : office !== undefined ? { officeId: office.id } : undefined;
      // Unknown targets are reported by invite() itself; only a known one can be out of scope.
      if (!may(current, actor, "invite", scope)) return denied("invite");
      const invited = await org.invite({ target, role, expiresAt, by: actor === "operator" ? "cli" : actor.userId });
      if (!invited.ok) return refused(line(`sup-invite-error-${invited.error}`));
      return done(line("org-invite-for", { place: invited.place }), line("sup-invite-created", { role, expires: localDate(expiresAt), link: invited.link }));
    },

    async revoke(actor: Actor, ref: string): Promise<AdminAnswer> {
      if (ref.trim() === "") return refused("usage");
      const current = await org.org();
      const found = invitationByRef(current, ref);
      if (!found.ok) return refused(line(`org-admin-error-${found.error}`));
      const officeId = invitationOfficeId(current, found.invitation);
      if (!may(current, actor, "invite", officeId === undefined ? {} : { officeId })) return denied("invite");
      const revoked = await org.revokeInvitation(ref);
      return revoked.ok ? done(line("org-invitation-revoked", { ref })) : refused(line(`org-admin-error-${revoked.error}`));
    },

    /** A supervisor removes only memberships in their office, and never an administrator's. */
    async removeMember(actor: Actor, userId: string): Promise<AdminAnswer> {
      if (!/^\d{1,20}$/.test(userId)) return refused("usage");
      const current = await org.org();
      const office = managedOffice(current, actor);
      if (office === null || (office !== undefined && isAdmin(current, userId, adminIds))) return denied("manageOrg");
      const removed = await org.removeMember(userId, office);
      return removed.ok ? done(line("org-member-removed", { id: userId, count: removed.removed.length })) : refused(line(`org-admin-error-${removed.error}`));
    },

    async moveDepartment(actor: Actor, departmentRef: string, officeRef: string): Promise<AdminAnswer> {
      if (!byAdmin(await org.org(), actor)) return denied("manageOrg");
      const moved = await org.moveDepartment(departmentRef, officeRef);
      return moved.ok ? done(line("org-department-moved", { name: moved.department, from: moved.from, to: moved.to })) : refused(line(`org-admin-error-${moved.error}`));
    },
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

interface AdminRequest {
  readonly positionals: readonly string[];
  readonly role?: string | undefined;
  readonly expires?: string | undefined;
}

/** `npx nianbao admin <sub> …` (org-cli-usage in locales) run as the operator. */
export function operatorAction(actions: AdminActions, request: AdminRequest): Promise<AdminAnswer> {
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
