// The interview in Telegram (and /start with its invitations): commands, text, button taps and other
// messages become engine events for the shared service; replies go out as HTML and .docx documents.
import { Composer, GrammyError } from "grammy";
import type { App } from "../../app/app.ts";
import type { OutboxMessage } from "../../app/outbox.ts";
import type { InterviewEvent, InterviewService, ServiceOutcome } from "../../app/interview-service.ts";
import { channelCommands, documentCaption, joinNotes as joinChannelNotes, outcomeNotice } from "../../app/channel-commands.ts";
import { COMMAND_NAMES } from "../../core/interview/engine.ts";
import type { Translate } from "../../i18n.ts";
import type { BotContext } from "../context.ts";
import { MESSAGE_LIMIT, renderMessage } from "../render-reply.ts";
import { EDIT_JUMP } from "../../app/edit-jump.ts";
import { isTransient, reply, replyText } from "../send.ts";
import { membershipsOf } from "../../core/org/org-ops.ts";
import { isAdmin } from "../../core/org/permissions.ts";

/** Commands the engine answers; /start is handled apart because invitations use its payload. */
const ENGINE_COMMANDS = COMMAND_NAMES.filter((name) => name !== "start");

/** Our callback data (callback.ts): `v<version>:…`. Anything else belongs to another feature. */
const OUR_CALLBACK = /^v\d{1,9}:/;

type UnsupportedKind = Extract<InterviewEvent, { type: "unsupported" }>["kind"];

/** Telegram refuses an edit that changes nothing; that is not a failure here. */
function ignoreNotModified(error: unknown): void {
  if (error instanceof GrammyError && error.description.includes("message is not modified")) return;
  throw error;
}

/** The outcome as the messages to send, in order (plain data, so the outbox can keep them). */
function outcomeMessages(t: Translate, outcome: ServiceOutcome): OutboxMessage[] {
  if (outcome.kind !== "replies") return [{ kind: "text", text: outcomeNotice(t, outcome), html: false }];
  return joinNotes(
    outcome.replies.flatMap((reply): OutboxMessage[] => {
      if (reply.kind === "document") {
        return [{ kind: "document", fileName: reply.fileName, base64: Buffer.from(reply.bytes).toString("base64"), caption: documentCaption(t, reply) }];
      }
      return renderMessage(t, reply);
    }),
  );
}

/** Notes joined to the message after them (app/channel-commands.ts), within Telegram's limit. */
export function joinNotes(messages: readonly OutboxMessage[]): OutboxMessage[] {
  return joinChannelNotes(messages, (previous, message) => {
    if (previous.kind !== "text" || previous.keyboard !== undefined || message.kind !== "text" || previous.html !== message.html) return undefined;
    const text = `${previous.text}\n\n${message.text}`;
    return text.length <= MESSAGE_LIMIT ? { ...message, text } : undefined;
  });
}

export function interviewFeature(app: App, service: InterviewService, commands = channelCommands(app)): Composer<BotContext> {
  const feature = new Composer<BotContext>();
  const run = async (ctx: BotContext, event: InterviewEvent): Promise<void> => {
    if (ctx.from === undefined) return;
    // The update id makes a re-delivered update (crash, webhook retry) change nothing.
    const outcome = await service.handle(String(ctx.from.id), event, { updateId: ctx.update.update_id });
    // In order; what Telegram will not take now waits in the chat's durable outbox.
    await reply(ctx, app, ...outcomeMessages(ctx.t, outcome));
  };

  // `/start <code>` (the deep link t.me/<bot>?start=<code>) redeems an invitation; an officer's first question follows.
  feature.command("start", async (ctx) => {
    const userId = String(ctx.from?.id ?? "");
    const code = ctx.match.trim();
    if (code !== "") {
      const redeemed = await commands.redeem(userId, code, ctx.t, ctx.update.update_id);
      await replyText(ctx, app, redeemed.text);
      if (redeemed.role === "officer") await run(ctx, { type: "command", name: "start" });
      return;
    }
    if ((await app.workspaces(userId, app.now())).kind === "stranger") {
      // Nobody in the organisation is told how to be invited; supervisors get their commands.
      const current = await commands.org.org();
      const known = membershipsOf(current, userId).length > 0 || isAdmin(current, userId, app.adminIds);
      return replyText(ctx, app, ctx.t(known ? "org-start-supervisor" : "org-stranger"));
    }
    await run(ctx, { type: "command", name: "start" });
  });
  for (const name of ENGINE_COMMANDS) {
    feature.command(name, async (ctx, next) => {
      // Those with no interview (supervisors, admins, strangers) get the general /help and /cancel (basics).
      if ((name === "help" || name === "cancel") && ctx.from !== undefined && (await app.workspaces(String(ctx.from.id), app.now())).kind !== "ready") return next();
      const arg = ctx.match.trim();
      return run(ctx, arg === "" ? { type: "command", name } : { type: "command", name, arg });
    });
  }
  // Other commands (/lang, /status …) belong to other features.
  feature.on("message:text", (ctx, next) => (ctx.message.text.startsWith("/") ? next() : run(ctx, { type: "text", text: ctx.message.text })));

  feature.callbackQuery(OUR_CALLBACK, async (ctx) => {
    // Always stop the spinner, even for a stale or forged tap; the engine decides what it means.
    await ctx.answerCallbackQuery().catch((error: unknown) => app.logger.warn({ err: String(error) }, "interview: answerCallbackQuery failed"));
    // The tapped keyboard has served; cosmetic, so a struggling Telegram does not hold up the answer.
    if (ctx.callbackQuery.message !== undefined) await ctx.editMessageReplyMarkup().catch((error: unknown) => (isTransient(error) ? undefined : ignoreNotModified(error)));
    await run(ctx, { type: "button", data: ctx.callbackQuery.data });
  });

  // `ed:<cell>` (a returned report's button): stateless, so it is `/edit <cell>` whenever tapped.
  feature.callbackQuery(EDIT_JUMP, async (ctx) => {
    await ctx.answerCallbackQuery().catch((error: unknown) => app.logger.warn({ err: String(error) }, "interview: answerCallbackQuery failed"));
    await run(ctx, { type: "command", name: "edit", arg: ctx.match[1] ?? "" });
  });

  const unsupported = (kind: UnsupportedKind) => (ctx: BotContext) => run(ctx, { type: "unsupported", kind });
  feature.on("message:sticker", unsupported("sticker"));
  feature.on("message:photo", unsupported("photo"));
  feature.on(["message:voice", "message:audio", "message:video_note"], unsupported("voice"));
  feature.on(["message:video", "message:animation"], unsupported("video"));
  feature.on("message:document", unsupported("document"));
  return feature;
}
