// The supervisor's side: /status (the office's board), /summary (choose submitted/all → the office
// summary as .docx and .xlsx), /deadline <date>, and the review of a submission from the buttons
// under its notification: approve, read the department's .docx, or return it — pointing at a
// section and a row or part (return-targets.ts), then typing the comment.
// The decisions are the app's (supervision-service.ts, summary-service.ts); this file turns
// updates into those calls and their results into messages.
import { Composer, InlineKeyboard } from "grammy";
import type { App } from "../../app/app.ts";
import type { ChannelCommands } from "../../app/channel-commands.ts";
import { refusalText } from "../../app/refusal-text.ts";
import { campaignYear } from "../../core/deadline/calendar.ts";
import type { Jump } from "../../core/lifecycle/lifecycle.ts";
import { SECTIONS } from "../../core/report/narrative.ts";
import type { ReportKey } from "../../app/data-folder.ts";
import type { BotContext } from "../context.ts";
import { document, reply, text } from "../send.ts";
import { deliver, keyData, keyOfMatch, keyPattern, outboxMessage, userIdOf } from "./org-common.ts";
import { RETURN_TARGETS, targetsOfSection } from "./return-targets.ts";

function yearArg(text: string, fallback: number): number {
  const match = /^(\d{4})$/.exec(text.trim());
  return match === null ? fallback : Number(match[1]);
}

export function supervisionFeature(app: App, commands: ChannelCommands): Composer<BotContext> {
  const { supervision } = commands;
  const feature = new Composer<BotContext>();
  const say = (ctx: BotContext, body: string, keyboard?: InlineKeyboard): Promise<void> => reply(ctx, app, text(body, keyboard));

  async function mayReturn(ctx: BotContext, key: ReportKey): Promise<boolean> {
    if (await supervision.mayReturn(userIdOf(ctx), key)) return true;
    await say(ctx, ctx.t("sup-denied", { action: "returnReport" }));
    return false;
  }

  feature.command("status", async (ctx) => say(ctx, await commands.status(userIdOf(ctx), yearArg(ctx.match, campaignYear(app.now())), ctx.t)));

  feature.command("summary", async (ctx) => {
    const year = yearArg(ctx.match, campaignYear(app.now()));
    const place = await commands.officeYear(userIdOf(ctx), year, ctx.t);
    if ("text" in place) return say(ctx, place.text);
    const keyboard = new InlineKeyboard().text(ctx.t("org-btn-summary-submitted"), `sv:sum:s:${year}`).text(ctx.t("org-btn-summary-all"), `sv:sum:a:${year}`);
    await say(ctx, ctx.t("org-summary-choose", { year: String(year) }), keyboard);
  });

  feature.callbackQuery(/^sv:sum:([sa]):(\d{4})$/, async (ctx) => {
    await ctx.answerCallbackQuery();
    // Forged data may carry any four digits: a year the store does not keep is said to have no report.
    const replies = await commands.summaryReplies(userIdOf(ctx), Number(ctx.match[2]), ctx.match[1] === "s" ? "submitted" : "all", ctx.t);
    await reply(ctx, app, ...replies.map(outboxMessage));
  });

  feature.command("deadline", async (ctx) => {
    const officeId = await commands.summary.officeOf(userIdOf(ctx));
    if (officeId === undefined) return say(ctx, ctx.t("org-no-office"));
    const [date = "", yearText = ""] = ctx.match.trim().split(/\s+/);
    const year = yearArg(yearText, campaignYear(app.now()));
    const set = await supervision.setDeadline(userIdOf(ctx), officeId, year, date);
    if (set.ok) return say(ctx, ctx.t("sup-deadline-set", { year: String(year), deadline: date }));
    await say(ctx, set.error === "denied" ? ctx.t("sup-denied", { action: "manageOrg" }) : ctx.t(`sup-deadline-error-${set.error}`));
  });

  feature.callbackQuery(keyPattern("ap"), async (ctx) => {
    await ctx.answerCallbackQuery();
    const key = keyOfMatch(ctx.match);
    if (key === undefined) return;
    const outcome = await commands.lifecycle.approve(userIdOf(ctx), key, undefined, { updateId: ctx.update.update_id });
    if (!outcome.ok) return say(ctx, refusalText(ctx.t, outcome));
    await say(ctx, ctx.t("org-approved-done", { department: await supervision.departmentName(key), year: String(key.year) }));
    await deliver(ctx.api, app, key, outcome.deliveries);
  });

  feature.callbackQuery(keyPattern("dl"), async (ctx) => {
    await ctx.answerCallbackQuery();
    const key = keyOfMatch(ctx.match);
    if (key === undefined) return;
    const got = await supervision.download(userIdOf(ctx), key);
    if (!got.ok) return say(ctx, got.error === "denied" ? ctx.t("sup-denied", { action: "viewReport" }) : ctx.t("org-no-report"));
    await reply(ctx, app, document(got.bytes, got.fileName));
  });

  // Return, step 1: which section.
  feature.callbackQuery(keyPattern("rt"), async (ctx) => {
    await ctx.answerCallbackQuery();
    const key = keyOfMatch(ctx.match);
    if (key === undefined || !(await mayReturn(ctx, key))) return;
    const keyboard = new InlineKeyboard();
    SECTIONS.forEach((section, index) => keyboard.text(section.heading, keyData("rs", key, index)).row());
    keyboard.text(ctx.t("org-btn-return-whole"), keyData("rn", key));
    await say(ctx, ctx.t("org-return-where"), keyboard);
  });

  // Step 2: which row of the table, or which part of the text.
  feature.callbackQuery(keyPattern("rs", true), async (ctx) => {
    await ctx.answerCallbackQuery();
    const key = keyOfMatch(ctx.match);
    const section = SECTIONS[Number(ctx.match[3])];
    if (key === undefined || section === undefined || !(await mayReturn(ctx, key))) return;
    // One button per row, built from rows so the keyboard never ends in an empty row.
    const keyboard = InlineKeyboard.from(targetsOfSection(section.key).map(({ index, target }) => [InlineKeyboard.text(target.label, keyData("rw", key, index))]));
    await say(ctx, ctx.t("org-return-which", { section: section.heading }), keyboard);
  });

  async function askComment(ctx: BotContext, key: ReportKey, target: Jump | undefined, label: string): Promise<void> {
    if (!(await supervision.startReturn(userIdOf(ctx), key, target))) return say(ctx, ctx.t("sup-denied", { action: "returnReport" }));
    await say(ctx, ctx.t("org-return-comment", { where: label }));
  }

  // Step 3: the comment (the next text message).
  feature.callbackQuery(keyPattern("rw", true), async (ctx) => {
    await ctx.answerCallbackQuery();
    const key = keyOfMatch(ctx.match);
    const target = RETURN_TARGETS[Number(ctx.match[3])];
    if (key === undefined || target === undefined) return;
    await askComment(ctx, key, target.jump, target.label);
  });
  feature.callbackQuery(keyPattern("rn"), async (ctx) => {
    await ctx.answerCallbackQuery();
    const key = keyOfMatch(ctx.match);
    if (key !== undefined) await askComment(ctx, key, undefined, ctx.t("org-btn-return-whole"));
  });

  feature.on("message:text", async (ctx, next) => {
    if (ctx.message.text.startsWith("/")) {
      if (ctx.message.text.startsWith("/cancel")) await supervision.cancelReturn(userIdOf(ctx));
      return next();
    }
    const returned = await supervision.finishReturn(userIdOf(ctx), ctx.message.text, { updateId: ctx.update.update_id });
    if (returned === undefined) return next();
    const { key, outcome } = returned;
    if (!outcome.ok) return say(ctx, refusalText(ctx.t, outcome));
    await say(ctx, ctx.t("org-returned-done", { department: await supervision.departmentName(key), year: String(key.year) }));
    await deliver(ctx.api, app, key, outcome.deliveries);
  });

  return feature;
}
