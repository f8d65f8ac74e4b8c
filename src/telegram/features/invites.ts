// `/start <code>`: the deep link https://t.me/<bot>?start=<code> of an invitation. Mounted BEFORE
// the interview feature: a code is redeemed here; a plain /start from someone who is nobody in the
// organisation gets the explanation of how to be invited; supervisors get their commands; officers
// (and personal mode) go on to the interview.
import { Composer } from "grammy";
import type { App } from "../../app/app.ts";
import type { InterviewService } from "../../app/interview-service.ts";
import { outboxOf } from "../../app/outbox.ts";
import { membershipsOf } from "../../core/org/org-ops.ts";
import { isAdmin } from "../../core/org/permissions.ts";
import type { BotContext } from "../context.ts";
import { sendOutcome } from "./interview.ts";
import { replyText } from "../send.ts";
import { orgServices, userIdOf } from "./org-common.ts";

export function invitesFeature(app: App, service: InterviewService): Composer<BotContext> {
  const { org } = orgServices(app);
  const feature = new Composer<BotContext>();

  feature.command("start", async (ctx, next) => {
    const userId = userIdOf(ctx);
    const code = ctx.match.trim();
    if (code !== "") {
      const redeemed = await org.redeem(code, userId, ctx.update.update_id);
      if (!redeemed.ok) {
        app.logger.info({ userId, error: redeemed.error }, "invites: code refused");
        await replyText(ctx, app, ctx.t(`sup-redeem-error-${redeemed.error}`));
        return;
      }
      app.logger.info({ userId, role: redeemed.member.role }, "invites: joined");
      const nextStep = ctx.t("org-joined-next", { role: redeemed.member.role });
      await replyText(ctx, app, `${ctx.t("sup-redeem-welcome", { role: redeemed.member.role, place: redeemed.place })}\n${nextStep}`);
      // An officer came to fill in the report: the first question follows at once.
      if (redeemed.member.role === "officer") {
        await sendOutcome(ctx, await service.handle(userId, { type: "command", name: "start" }, { updateId: ctx.update.update_id }), outboxOf(app));
      }
      return;
    }
    const resolved = await app.workspaces(userId, app.now());
    if (resolved.kind !== "stranger") return next();
    const current = await org.org();
    if (membershipsOf(current, userId).length > 0 || isAdmin(current, userId, app.adminIds)) {
      await replyText(ctx, app, ctx.t("org-start-supervisor"));
      return;
    }
    await replyText(ctx, app, ctx.t("org-stranger"));
  });

  return feature;
}
