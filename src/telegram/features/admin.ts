// Running the organisation from the chat, as `npx nianbao admin …` does (usages: org-usage-* in locales).
// Admins act anywhere, a supervisor within their own office (core/org PERMISSIONS); /movedept is admins' only.
import { Composer } from "grammy";
import type { App } from "../../app/app.ts";
import { linesText, type ChannelCommands } from "../../app/channel-commands.ts";
import { departmentByRef, expiryFrom, invitationLines, officeByRef, orgListLines } from "../../app/org-service.ts";
import { localDate } from "../../core/deadline/shanghai.ts";
import { invitationByRef, invitationOfficeId } from "../../core/org/org-admin-ops.ts";
import { memberOfficeId, membershipsOf } from "../../core/org/org-ops.ts";
import { ROLES, type Org, type Role } from "../../core/org/org-schema.ts";
import { can, isAdmin } from "../../core/org/permissions.ts";
import type { BotContext } from "../context.ts";
import { replyText } from "../send.ts";
import { userIdOf } from "./org-common.ts";

const INVITABLE: readonly Role[] = ROLES.filter((role) => role !== "admin");

function words(text: string): string[] {
  return text.trim().split(/\s+/).filter((word) => word !== "");
}

/** The office a supervisor manages (admins: undefined = everything); null when neither. */
function managedOffice(org: Org, userId: string, adminIds: readonly string[]): string | undefined | null {
  if (isAdmin(org, userId, adminIds)) return undefined;
  const own = membershipsOf(org, userId)
    .map((member) => memberOfficeId(org, member))
    .find((officeId) => officeId !== undefined && can(org, userId, "manageOrg", { officeId }, adminIds));
  return own ?? null;
}

export function adminFeature(app: App, commands: ChannelCommands): Composer<BotContext> {
  const { org } = commands;
  const feature = new Composer<BotContext>();
  const say = async (ctx: BotContext, text: string): Promise<void> => replyText(ctx, app, text);

  feature.command("addoffice", async (ctx) => {
    const name = ctx.match.trim();
    if (!isAdmin(await org.org(), userIdOf(ctx), app.adminIds)) return say(ctx, ctx.t("sup-denied", { action: "manageOrg" }));
    if (name === "") return say(ctx, ctx.t("org-usage-addoffice"));
    const added = await org.addOffice(name);
    await say(ctx, added.ok ? ctx.t("org-office-added", { name: added.office.name, id: added.office.id }) : ctx.t(`sup-org-error-${added.error}`));
  });

  feature.command("adddept", async (ctx) => {
    const [officeRef, ...rest] = words(ctx.match);
    const name = rest.join(" ");
    if (officeRef === undefined || name === "") return say(ctx, ctx.t("org-usage-adddept"));
    const current = await org.org();
    const office = officeByRef(current, officeRef);
    if (office === undefined) return say(ctx, ctx.t("sup-org-error-unknown-office"));
    if (!can(current, userIdOf(ctx), "manageOrg", { officeId: office.id }, app.adminIds)) return say(ctx, ctx.t("sup-denied", { action: "manageOrg" }));
    const added = await org.addDepartment(office.id, name);
    await say(ctx, added.ok ? ctx.t("org-department-added", { name: added.department.name, id: added.department.id, office: office.name }) : ctx.t(`sup-org-error-${added.error}`));
  });

  feature.command("invite", async (ctx) => {
    const [target, roleText = "officer", expiresText] = words(ctx.match);
    const role = INVITABLE.find((candidate) => candidate === roleText);
    const expiresAt = expiryFrom(app.now(), expiresText);
    if (target === undefined || role === undefined || expiresAt === undefined) return say(ctx, ctx.t("org-usage-invite"));
    const current = await org.org();
    const department = role === "officer" ? departmentByRef(current, target) : undefined;
    const office = department === undefined ? officeByRef(current, target) : undefined;
    const scope = department !== undefined ? { departmentId: department.id } : office !== undefined ? { officeId: office.id } : undefined;
    // Unknown targets are reported by invite() itself; only a known one can be out of scope.
    const allowed = scope === undefined ? isAdmin(current, userIdOf(ctx), app.adminIds) : can(current, userIdOf(ctx), "invite", scope, app.adminIds);
    if (!allowed) return say(ctx, ctx.t("sup-denied", { action: "invite" }));
    const invited = await org.invite({ target, role, expiresAt, by: userIdOf(ctx) });
    if (!invited.ok) return say(ctx, ctx.t(`sup-invite-error-${invited.error}`));
    await say(ctx, `${ctx.t("org-invite-for", { place: invited.place })}\n${ctx.t("sup-invite-created", { role, expires: localDate(expiresAt), link: invited.link })}`);
  });

  // The organisation and the open invitations: everything for admins, their own office for a supervisor.
  const listings = [
    ["orgs", orgListLines, "manageOrg"],
    ["invitations", invitationLines, "invite"],
  ] as const;
  for (const [command, lines, action] of listings) {
    feature.command(command, async (ctx) => {
      const current = await org.org();
      const office = managedOffice(current, userIdOf(ctx), app.adminIds);
      await say(ctx, office === null ? ctx.t("sup-denied", { action }) : linesText(ctx.t, lines(current, app.now(), office)));
    });
  }

  feature.command("whoami", async (ctx) => {
    const userId = userIdOf(ctx);
    const current = await org.org();
    const status = isAdmin(current, userId, app.adminIds) ? "admin" : membershipsOf(current, userId).length > 0 ? "member" : "none";
    await say(ctx, ctx.t("org-whoami", { id: userId, status }));
  });

  feature.command("revoke", async (ctx) => {
    const ref = ctx.match.trim();
    if (ref === "") return say(ctx, ctx.t("org-usage-revoke"));
    const current = await org.org();
    const found = invitationByRef(current, ref);
    if (!found.ok) return say(ctx, ctx.t(`org-admin-error-${found.error}`));
    const officeId = invitationOfficeId(current, found.invitation);
    if (!can(current, userIdOf(ctx), "invite", officeId === undefined ? {} : { officeId }, app.adminIds)) return say(ctx, ctx.t("sup-denied", { action: "invite" }));
    const revoked = await org.revokeInvitation(ref);
    await say(ctx, revoked.ok ? ctx.t("org-invitation-revoked", { ref }) : ctx.t(`org-admin-error-${revoked.error}`));
  });

  feature.command("removemember", async (ctx) => {
    const target = ctx.match.trim();
    if (!/^\d{1,20}$/.test(target)) return say(ctx, ctx.t("org-usage-removemember"));
    const current = await org.org();
    const office = managedOffice(current, userIdOf(ctx), app.adminIds);
    // A supervisor cannot remove an administrator, even one listed inside their office.
    if (office === null || (office !== undefined && isAdmin(current, target, app.adminIds))) return say(ctx, ctx.t("sup-denied", { action: "manageOrg" }));
    const removed = await org.removeMember(target, office);
    await say(ctx, removed.ok ? ctx.t("org-member-removed", { id: target, count: removed.removed.length }) : ctx.t(`org-admin-error-${removed.error}`));
  });

  feature.command("movedept", async (ctx) => {
    const [departmentRef, officeRef, ...extra] = words(ctx.match);
    if (departmentRef === undefined || officeRef === undefined || extra.length > 0) return say(ctx, ctx.t("org-usage-movedept"));
    if (!isAdmin(await org.org(), userIdOf(ctx), app.adminIds)) return say(ctx, ctx.t("sup-denied", { action: "manageOrg" }));
    const moved = await org.moveDepartment(departmentRef, officeRef);
    await say(ctx, moved.ok ? ctx.t("org-department-moved", { name: moved.department, from: moved.from, to: moved.to }) : ctx.t(`org-admin-error-${moved.error}`));
  });

  return feature;
}
