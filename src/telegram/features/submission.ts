// The officer's side of the lifecycle: /submit (refused with the failing rules and the missing
// parts while there are any; also the resubmission after a return) and /reopen [reason] of an
// approved report. The supervisors hear of each step; see org-common.ts deliver().
import { Composer } from "grammy";
import type { App } from "../../app/app.ts";
import { SUBMIT_DATA } from "../../app/edit-jump.ts";
import type { ActOutcome, Via } from "../../app/lifecycle-service.ts";
import type { BotContext } from "../context.ts";
import { replyText } from "../send.ts";
import { deliver, orgServices, refusalText, userIdOf } from "./org-common.ts";

export function submissionFeature(app: App): Composer<BotContext> {
  const { lifecycle } = orgServices(app);
  const feature = new Composer<BotContext>();

  async function run(ctx: BotContext, act: (userId: string, key: { departmentId: string; year: number }, via: Via) => Promise<ActOutcome>, done: string): Promise<void> {
    const userId = userIdOf(ctx);
    const resolved = await app.workspaces(userId, app.now());
    if (resolved.kind !== "ready") {
      await replyText(ctx, app, ctx.t("org-not-officer"));
      return;
    }
    const { departmentId, year } = resolved.workspace;
    const key = { departmentId, year };
    const outcome = await act(userId, key, { updateId: ctx.update.update_id });
    if (!outcome.ok) {
      await replyText(ctx, app, refusalText(ctx.t.bind(ctx), outcome));
      return;
    }
    await replyText(ctx, app, ctx.t(done, { year: String(year), agency: resolved.workspace.agency }));
    await deliver(ctx.api, app, key, outcome.deliveries);
  }

  feature.command("submit", (ctx) => run(ctx, (userId, key, via) => lifecycle.submit(userId, key, via), "org-submitted"));
  // The 报送 button under a fixed return's final document: the same as /submit.
  feature.callbackQuery(SUBMIT_DATA, async (ctx) => {
    await ctx.answerCallbackQuery();
    await run(ctx, (userId, key, via) => lifecycle.submit(userId, key, via), "org-submitted");
  });
  feature.command("reopen", (ctx) => {
    const reason = ctx.match.trim();
    return run(ctx, (userId, key, via) => lifecycle.reopen(userId, key, reason === "" ? undefined : reason, via), "org-reopened");
  });

  return feature;
}
