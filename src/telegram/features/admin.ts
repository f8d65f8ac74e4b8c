// Organisation commands in the bot, mirroring `npx nianbao admin …`: /addoffice <name> (admins),
// /adddept <office> <name>, /invite <office-or-department> <officer|supervisor|leader> [7d],
// /orgs. Admins act anywhere; a supervisor within their own office (PERMISSIONS in core/org).
import { Composer } from "grammy";
import type { App } from "../../app/app.ts";
import { departmentByRef, expiryFrom, officeByRef, orgListLines } from "../../app/org-service.ts";
import { localDate } from "../../core/deadline/shanghai.ts";
import { ROLES, type Role } from "../../core/org/org-schema.ts";
import { can, isAdmin } from "../../core/org/permissions.ts";
import type { BotContext } from "../context.ts";
import { replyText } from "../send.ts";
import { orgServices, userIdOf } from "./org-common.ts";
import { linesText } from "./supervision.ts";

const INVITABLE: readonly Role[] = ROLES.filter((role) => role !== "admin");

function words(text: string): string[] {
  return text.trim().split(/\s+/).filter((word) => word !== "");
}

export function adminFeature(app: App): Composer<BotContext> {
  const { org } = orgServices(app);
  const feature = new Composer<BotContext>();
  const t = (ctx: BotContext) => ctx.t.bind(ctx);

  feature.command("addoffice", async (ctx) => {
    const name = ctx.match.trim();
    if (!isAdmin(await org.org(), userIdOf(ctx), app.adminIds)) return void (await replyText(ctx, app, ctx.t("sup-denied", { action: "manageOrg" })));
    if (name === "") return void (await replyText(ctx, app, ctx.t("org-usage-addoffice")));
    const added = await org.addOffice(name);
    await replyText(ctx, app, added.ok ? ctx.t("org-office-added", { name: added.office.name, id: added.office.id }) : ctx.t(`sup-org-error-${added.error}`));
  });

  feature.command("adddept", async (ctx) => {
    const [officeRef, ...rest] = words(ctx.match);
    const name = rest.join(" ");
    if (officeRef === undefined || name === "") return void (await replyText(ctx, app, ctx.t("org-usage-adddept")));
    const current = await org.org();
    const office = officeByRef(current, officeRef);
    if (office === undefined) return void (await replyText(ctx, app, ctx.t("sup-org-error-unknown-office")));
    if (!can(current, userIdOf(ctx), "manageOrg", { officeId: office.id }, app.adminIds)) return void (await replyText(ctx, app, ctx.t("sup-denied", { action: "manageOrg" })));
    const added = await org.addDepartment(office.id, name);
    await replyText(ctx, app, added.ok ? ctx.t("org-department-added", { name: added.department.name, id: added.department.id, office: office.name }) : ctx.t(`sup-org-error-${added.error}`));
  });

  feature.command("invite", async (ctx) => {
    const [target, roleText = "officer", expiresText] = words(ctx.match);
    const role = INVITABLE.find((candidate) => candidate === roleText);
    const expiresAt = expiryFrom(app.now(), expiresText);
    if (target === undefined || role === undefined || expiresAt === undefined) return void (await replyText(ctx, app, ctx.t("org-usage-invite")));
    const current = await org.org();
    const department = role === "officer" ? departmentByRef(current, target) : undefined;
    const office = department === undefined ? officeByRef(current, target) : undefined;
    const scope = department !== undefined ? { departmentId: department.id } : office !== undefined ? { officeId: office.id } : undefined;
    // Unknown targets are reported by invite() itself; only a known one can be out of scope.
    if (scope !== undefined && !can(current, userIdOf(ctx), "invite", scope, app.adminIds)) return void (await replyText(ctx, app, ctx.t("sup-denied", { action: "invite" })));
    if (scope === undefined && !isAdmin(current, userIdOf(ctx), app.adminIds)) return void (await replyText(ctx, app, ctx.t("sup-denied", { action: "invite" })));
    const invited = await org.invite({ target, role, expiresAt, by: userIdOf(ctx) });
    if (!invited.ok) return void (await replyText(ctx, app, ctx.t(`sup-invite-error-${invited.error}`)));
    await replyText(ctx, app, `${ctx.t("org-invite-for", { place: invited.place })}\n${ctx.t("sup-invite-created", { role, expires: localDate(expiresAt), link: invited.link })}`);
  });

  feature.command("orgs", async (ctx) => {
    const current = await org.org();
    const userId = userIdOf(ctx);
    if (isAdmin(current, userId, app.adminIds)) return void (await replyText(ctx, app, linesText(t(ctx), orgListLines(current, app.now()))));
    const own = current.members.find((member) => member.userId === userId && member.officeId !== undefined && can(current, userId, "manageOrg", { officeId: member.officeId }, app.adminIds));
    if (own?.officeId === undefined) return void (await replyText(ctx, app, ctx.t("sup-denied", { action: "manageOrg" })));
    await replyText(ctx, app, linesText(t(ctx), orgListLines(current, app.now(), own.officeId)));
  });

  return feature;
}
