// Running the organisation from the chat, as `npx nianbao admin …` does: app/admin-actions.ts parses,
// checks permissions and answers; this only says the answer.
import { Composer } from "grammy";
import { CHAT_ADMIN_COMMANDS, chatAdminCommand } from "../../app/admin-actions.ts";
import type { App } from "../../app/app.ts";
import { linesText, type ChannelCommands } from "../../app/channel-commands.ts";
import type { BotContext } from "../context.ts";
import { replyText } from "../send.ts";
import { userIdOf } from "./org-common.ts";

export function adminFeature(app: App, commands: ChannelCommands): Composer<BotContext> {
  const feature = new Composer<BotContext>();
  for (const command of CHAT_ADMIN_COMMANDS) {
    feature.command(command, async (ctx) => {
      const lines = await chatAdminCommand(commands.admin, userIdOf(ctx), command, ctx.match);
      await replyText(ctx, app, linesText(ctx.t, lines));
    });
  }
  return feature;
}
