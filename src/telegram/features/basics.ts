// Basics, installed LAST: /start (greeting until the interview feature takes it over), /help,
// /lang, and a clear answer for everything no other feature handled, in the officer's language.
import { Composer, InlineKeyboard } from "grammy";
import type { Message } from "grammy/types";
import { LOCALES, isLocale, translator } from "../../i18n.ts";
import { commandList } from "../commands.ts";
import { useLocale, type BotContext } from "../context.ts";

export const basicsFeature = new Composer<BotContext>();

// Groups: the report is an office's data, so the bot only works in private chats.
const groups = basicsFeature.chatType(["group", "supergroup"]);
groups.on("my_chat_member", async (ctx) => {
  const status = ctx.myChatMember.new_chat_member.status;
  if (status === "member" || status === "administrator") await ctx.reply(ctx.t("bot-group-private-only"));
});
groups.on("callback_query", (ctx) => ctx.answerCallbackQuery({ text: ctx.t("bot-group-private-only") }));
groups.on("message", async (ctx) => {
  if (addressesBot(ctx.message, ctx.me.id, ctx.me.username)) await ctx.reply(ctx.t("bot-group-private-only"), { reply_parameters: { message_id: ctx.message.message_id } });
});
basicsFeature.chatType("channel").use(() => undefined);

const direct = basicsFeature.chatType("private");

direct.command("start", (ctx) => ctx.reply(ctx.t("bot-start-greeting")));
direct.command("help", async (ctx) => {
  const lines = commandList(ctx.locale).map((c) => ctx.t("bot-help-line", { command: c.command, description: c.description }));
  await ctx.reply(ctx.t("bot-help", { commands: lines.join("\n") }));
});
direct.command("cancel", (ctx) => ctx.reply(ctx.t("bot-cancel-nothing")));
direct.command("lang", (ctx) => {
  // Each language is offered in its own script, so an officer can find theirs.
  const keyboard = new InlineKeyboard();
  for (const locale of LOCALES) keyboard.text(translator(locale)("bot-lang-self"), `lang:${locale}`);
  return ctx.reply(ctx.t("bot-lang-choose"), { reply_markup: keyboard });
});
direct.callbackQuery(/^lang:(.+)$/, async (ctx, next) => {
  const locale = ctx.match[1] ?? "";
  if (!isLocale(locale)) return next();
  await ctx.locales.set(ctx.from.id, locale);
  useLocale(ctx, locale);
  await ctx.answerCallbackQuery({ text: ctx.t("bot-lang-set") });
  await ctx.editMessageText(ctx.t("bot-lang-set")).catch(() => undefined);
});

direct.on("edited_message", (ctx) => ctx.reply(ctx.t("bot-edited")));
direct.on("message:text", (ctx) => ctx.reply(ctx.t(ctx.message.text.startsWith("/") ? "bot-fallback-command" : "bot-fallback-text")));
direct.on("message:sticker", (ctx) => ctx.reply(ctx.t("bot-fallback-sticker")));
direct.on("message:photo", (ctx) => ctx.reply(ctx.t("bot-fallback-photo")));
direct.on(["message:voice", "message:audio", "message:video_note"], (ctx) => ctx.reply(ctx.t("bot-fallback-voice")));
direct.on(["message:video", "message:animation"], (ctx) => ctx.reply(ctx.t("bot-fallback-video")));
direct.on(["message:location", "message:venue"], (ctx) => ctx.reply(ctx.t("bot-fallback-location")));
direct.on("message:contact", (ctx) => ctx.reply(ctx.t("bot-fallback-contact")));
direct.on("message:document", (ctx) => ctx.reply(ctx.t("bot-fallback-file")));
direct.on("message", (ctx) => ctx.reply(ctx.t("bot-fallback-other")));

// A button no feature recognised (old message, previous deploy): stop the spinner and say so.
basicsFeature.on("callback_query", (ctx) => ctx.answerCallbackQuery({ text: ctx.t("bot-button-stale") }));

/** In a group, a message is for us when it mentions us, replies to us or is /cmd@us. */
export function addressesBot(message: Message, botId: number, username: string): boolean {
  if (message.reply_to_message?.from?.id === botId) return true;
  const text = message.text ?? message.caption ?? "";
  return text.toLowerCase().includes(`@${username.toLowerCase()}`);
}
