// The officer's side of the lifecycle: /submit (also the 报送 button under a fixed return's final
// document) and /reopen [reason]; the supervisors hear of each step (org-common.ts deliver()).
import { Composer } from "grammy";
import type { App } from "../../app/app.ts";
import type { ChannelCommands } from "../../app/channel-commands.ts";
import { SUBMIT_DATA } from "../../app/edit-jump.ts";
import type { BotContext } from "../context.ts";
import { replyText } from "../send.ts";
import { deliver, userIdOf } from "./org-common.ts";

export function submissionFeature(app: App, commands: ChannelCommands): Composer<BotContext> {
  const feature = new Composer<BotContext>();

  async function run(ctx: BotContext, verb: "submit" | "reopen", reason?: string): Promise<void> {
    const answer = await commands.step(userIdOf(ctx), verb, ctx.t, { updateId: ctx.update.update_id }, reason);
    await replyText(ctx, app, answer.text);
    if (answer.key !== undefined) await deliver(ctx.api, app, answer.key, answer.deliveries);
  }

  feature.command("submit", (ctx) => run(ctx, "submit"));
  feature.callbackQuery(SUBMIT_DATA, async (ctx) => {
    await ctx.answerCallbackQuery();
    await run(ctx, "submit");
  });
  feature.command("reopen", (ctx) => run(ctx, "reopen", ctx.match.trim() || undefined));
  return feature;
}
