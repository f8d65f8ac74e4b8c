// The actions of `npx nianbao admin …`: run by the CLI itself when no bot holds the data folder, else
// inside the bot over the control socket. Results are locale keys; the caller translates.
import { createOrgService, expiryFrom, invitationLines, orgListLines } from "./org-service.ts";
import { localDate } from "../core/deadline/shanghai.ts";
import { ROLES, type Role } from "../core/org/org-schema.ts";
import type { Line } from "../core/summary/line.ts";
import type { App } from "./app.ts";

export interface AdminRequest {
  readonly positionals: readonly string[];
  readonly role?: string | undefined;
  readonly expires?: string | undefined;
}

/** A refused action: one translated line and the CLI's exit code. */
export class AdminRefusal extends Error {
  constructor(
    readonly key: string,
    readonly params: Readonly<Record<string, string>> = {},
    readonly exitCode = 2,
  ) {
    super(key);
  }
}

const INVITABLE: readonly Role[] = ROLES.filter((role) => role !== "admin");
const line = (key: string, params: Record<string, string | number> = {}): Line => ({ key, params });

export async function runAdminAction(app: Pick<App, "store" | "now" | "randomBytes" | "botUsername">, request: AdminRequest): Promise<Line[]> {
  const [sub, ...rest] = request.positionals;
  const now = app.now();
  const org = createOrgService({ ...app, now: () => now });
  switch (sub) {
    case "add-office": {
      const name = rest.join(" ").trim();
      if (name === "") throw new AdminRefusal("org-cli-usage");
      const added = await org.addOffice(name);
      if (!added.ok) throw new AdminRefusal(`sup-org-error-${added.error}`);
      return [line("org-office-added", { name: added.office.name, id: added.office.id })];
    }
    case "add-department": {
      const [office, ...names] = rest;
      const name = names.join(" ").trim();
      if (office === undefined || name === "") throw new AdminRefusal("org-cli-usage");
      const added = await org.addDepartment(office, name);
      if (!added.ok) throw new AdminRefusal(`sup-org-error-${added.error}`);
      return [line("org-department-added", { name: added.department.name, id: added.department.id, office })];
    }
    case "invite": {
      const target = rest.join(" ").trim();
      const role = INVITABLE.find((candidate) => candidate === (request.role ?? "officer"));
      const expiresAt = expiryFrom(now, request.expires);
      if (target === "" || role === undefined || expiresAt === undefined) throw new AdminRefusal("org-cli-usage");
      const invited = await org.invite({ target, role, expiresAt, by: "cli" });
      if (!invited.ok) throw new AdminRefusal(`sup-invite-error-${invited.error}`);
      return [line("org-invite-for", { place: invited.place }), line("sup-invite-created", { role, expires: localDate(expiresAt), link: invited.link })];
    }
    case "list":
      return orgListLines(await org.org(), now);
    case "invitations":
      return invitationLines(await org.org(), now);
    case "revoke": {
      const ref = (rest[0] ?? "").replace(/^#/, "");
      if (ref === "") throw new AdminRefusal("org-cli-usage");
      const revoked = await org.revokeInvitation(ref);
      if (!revoked.ok) throw new AdminRefusal(`org-admin-error-${revoked.error}`);
      return [line("org-invitation-revoked", { ref })];
    }
    case "remove-member": {
      const [userId] = rest;
      if (userId === undefined || !/^\d{1,20}$/.test(userId)) throw new AdminRefusal("org-cli-usage");
      const removed = await org.removeMember(userId);
      if (!removed.ok) throw new AdminRefusal(`org-admin-error-${removed.error}`);
      return [line("org-member-removed", { id: userId, count: removed.removed.length })];
    }
    case "move-department": {
      const [departmentRef, officeRef] = rest;
      if (departmentRef === undefined || officeRef === undefined || rest.length !== 2) throw new AdminRefusal("org-cli-usage");
      const moved = await org.moveDepartment(departmentRef, officeRef);
      if (!moved.ok) throw new AdminRefusal(`org-admin-error-${moved.error}`);
      return [line("org-department-moved", { name: moved.department, from: moved.from, to: moved.to })];
    }
    default:
      throw new AdminRefusal("org-cli-usage");
  }
}
