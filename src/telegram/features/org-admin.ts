// Running the organisation from the chat while the bot runs, beside admin.ts (/addoffice, /adddept,
// /invite, /orgs): /whoami (anyone: the numeric id ADMIN_IDS wants), /invitations (open ones with
// their references), /revoke <ref>, /removemember <user id>, /movedept <department> <office>.
// Admins act anywhere; a supervisor within their own office; moving a department between offices
// is for admins only. Every change goes through the app's org services.
import { Composer } from "grammy";
import type { App } from "../../app/app.ts";
import { createOrgService, invitationLines } from "../../app/org-service.ts";
import { invitationByRef, invitationOfficeId } from "../../core/org/org-admin-ops.ts";
import { membershipsOf, memberOfficeId } from "../../core/org/org-ops.ts";
import { can, isAdmin } from "../../core/org/permissions.ts";
import type { Org } from "../../core/org/org-schema.ts";
import type { BotContext } from "../context.ts";
import { orgServices, userIdOf } from "./org-common.ts";
import { linesText } from "./supervision.ts";

/** The office a supervisor manages (admins: undefined = everything); null when neither. */
function managedOffice(org: Org, userId: string, adminIds: readonly string[]): string | undefined | null {
  if (isAdmin(org, userId, adminIds)) return undefined;
  const own = membershipsOf(org, userId)
    .map((member) => memberOfficeId(org, member))
    .find((officeId) => officeId !== undefined && can(org, userId, "manageOrg", { officeId }, adminIds));
  return own ?? null;
}

export function orgAdminFeature(app: App): Composer<BotContext> {
  const { org } = orgServices(app);
  const admin = createOrgService(app);
  const feature = new Composer<BotContext>();

  feature.command("whoami", async (ctx) => {
    const userId = userIdOf(ctx);
    const current = await org.org();
    const roles = membershipsOf(current, userId).map((member) => member.role);
    const status = isAdmin(current, userId, app.adminIds) ? "admin" : roles.length > 0 ? "member" : "none";
    await ctx.reply(ctx.t("org-whoami", { id: userId, status }));
  });

  feature.command("invitations", async (ctx) => {
    const current = await org.org();
    const office = managedOffice(current, userIdOf(ctx), app.adminIds);
    if (office === null) return void (await ctx.reply(ctx.t("sup-denied", { action: "invite" })));
    await ctx.reply(linesText(ctx.t.bind(ctx), invitationLines(current, app.now(), office)));
  });

  feature.command("revoke", async (ctx) => {
    const ref = ctx.match.trim();
    if (ref === "") return void (await ctx.reply(ctx.t("org-usage-revoke")));
    const current = await org.org();
    const found = invitationByRef(current, ref);
    if (!found.ok) return void (await ctx.reply(ctx.t(`org-admin-error-${found.error}`)));
    const officeId = invitationOfficeId(current, found.invitation);
    if (!can(current, userIdOf(ctx), "invite", officeId === undefined ? {} : { officeId }, app.adminIds)) return void (await ctx.reply(ctx.t("sup-denied", { action: "invite" })));
    const revoked = await admin.revokeInvitation(ref);
    await ctx.reply(revoked.ok ? ctx.t("org-invitation-revoked", { ref }) : ctx.t(`org-admin-error-${revoked.error}`));
  });

  feature.command("removemember", async (ctx) => {
    const target = ctx.match.trim();
    if (!/^\d{1,20}$/.test(target)) return void (await ctx.reply(ctx.t("org-usage-removemember")));
    const current = await org.org();
    const office = managedOffice(current, userIdOf(ctx), app.adminIds);
    if (office === null) return void (await ctx.reply(ctx.t("sup-denied", { action: "manageOrg" })));
    // A supervisor cannot remove an administrator, even one listed inside their office.
    if (office !== undefined && isAdmin(current, target, app.adminIds)) return void (await ctx.reply(ctx.t("sup-denied", { action: "manageOrg" })));
    const removed = await admin.removeMember(target, office);
    await ctx.reply(removed.ok ? ctx.t("org-member-removed", { id: target, count: removed.removed.length }) : ctx.t(`org-admin-error-${removed.error}`));
  });

  feature.command("movedept", async (ctx) => {
    const words = ctx.match.trim().split(/\s+/).filter((word) => word !== "");
    const [departmentRef, officeRef] = words;
    if (words.length !== 2 || departmentRef === undefined || officeRef === undefined) return void (await ctx.reply(ctx.t("org-usage-movedept")));
    if (!isAdmin(await org.org(), userIdOf(ctx), app.adminIds)) return void (await ctx.reply(ctx.t("sup-denied", { action: "manageOrg" })));
    const moved = await admin.moveDepartment(departmentRef, officeRef);
    await ctx.reply(moved.ok ? ctx.t("org-department-moved", { name: moved.department, from: moved.from, to: moved.to }) : ctx.t(`org-admin-error-${moved.error}`));
  });

  return feature;
}
