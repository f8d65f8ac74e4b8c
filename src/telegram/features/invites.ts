// `/start <code>` (the deep link t.me/<bot>?start=<code>) redeems an invitation. Mounted before the
// interview: a plain /start tells strangers how to be invited and supervisors their commands.
import { Composer } from "grammy";
import type { App } from "../../app/app.ts";
import type { ChannelCommands } from "../../app/channel-commands.ts";
import type { InterviewService } from "../../app/interview-service.ts";
import { outboxOf } from "../../app/outbox.ts";
import { membershipsOf } from "../../core/org/org-ops.ts";
import { isAdmin } from "../../core/org/permissions.ts";
import type { BotContext } from "../context.ts";
import { sendOutcome } from "./interview.ts";
import { replyText } from "../send.ts";
import { userIdOf } from "./org-common.ts";

export function invitesFeature(app: App, commands: ChannelCommands, service: InterviewService): Composer<BotContext> {
  const feature = new Composer<BotContext>();

  feature.command("start", async (ctx, next) => {
    const userId = userIdOf(ctx);
    const code = ctx.match.trim();
    if (code !== "") {
      const redeemed = await commands.redeem(userId, code, ctx.t, ctx.update.update_id);
      await replyText(ctx, app, redeemed.text);
      // An officer came to fill in the report: the first question follows at once.
      if (redeemed.role === "officer") {
        await sendOutcome(ctx, await service.handle(userId, { type: "command", name: "start" }, { updateId: ctx.update.update_id }), outboxOf(app));
      }
      return;
    }
    if ((await app.workspaces(userId, app.now())).kind !== "stranger") return next();
    const current = await commands.org.org();
    const known = membershipsOf(current, userId).length > 0 || isAdmin(current, userId, app.adminIds);
    await replyText(ctx, app, ctx.t(known ? "org-start-supervisor" : "org-stranger"));
  });

  return feature;
}
