// Running the organisation from the chat, as `npx nianbao admin …` does: app/admin-actions.ts decides and
// checks permissions; this only splits the command's words and says the answer (usages: org-usage-*).
import { Composer } from "grammy";
import type { AdminAnswer } from "../../app/admin-actions.ts";
import type { App } from "../../app/app.ts";
import { linesText, type ChannelCommands } from "../../app/channel-commands.ts";
import type { BotContext } from "../context.ts";
import { replyText } from "../send.ts";
import { userIdOf } from "./org-common.ts";

function words(text: string): string[] {
  return text.trim().split(/\s+/).filter((word) => word !== "");
}

export function adminFeature(app: App, commands: ChannelCommands): Composer<BotContext> {
  const { admin } = commands;
  const feature = new Composer<BotContext>();
  const actorOf = (ctx: BotContext) => ({ userId: userIdOf(ctx) });
  const say = async (ctx: BotContext, command: string, answer: AdminAnswer): Promise<void> => {
    const text = answer.ok ? linesText(ctx.t, answer.lines) : answer.refusal === "usage" ? ctx.t(`org-usage-${command}`) : linesText(ctx.t, [answer.refusal]);
    await replyText(ctx, app, text);
  };
  // Each command: its words to the admin action.
  const actions: Record<string, (ctx: BotContext & { match: string }) => Promise<AdminAnswer>> = {
    addoffice: (ctx) => admin.addOffice(actorOf(ctx), ctx.match.trim()),
    adddept: (ctx) => {
      const [officeRef = "", ...name] = words(ctx.match);
      return admin.addDepartment(actorOf(ctx), officeRef, name.join(" "));
    },
    invite: (ctx) => {
      const [target = "", role = "officer", expires] = words(ctx.match);
      return admin.invite(actorOf(ctx), target, role, expires);
    },
    orgs: (ctx) => admin.orgList(actorOf(ctx)),
    invitations: (ctx) => admin.invitations(actorOf(ctx)),
    whoami: (ctx) => admin.whoami(userIdOf(ctx)),
    revoke: (ctx) => admin.revoke(actorOf(ctx), ctx.match.trim()),
    removemember: (ctx) => admin.removeMember(actorOf(ctx), ctx.match.trim()),
    movedept: async (ctx) => {
      const [departmentRef, officeRef, ...extra] = words(ctx.match);
      if (departmentRef === undefined || officeRef === undefined || extra.length > 0) return { ok: false, refusal: "usage" };
      return admin.moveDepartment(actorOf(ctx), departmentRef, officeRef);
    },
  };
  for (const [command, action] of Object.entries(actions)) {
    feature.command(command, async (ctx) => say(ctx, command, await action(ctx)));
  }
  return feature;
}
