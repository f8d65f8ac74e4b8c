// The lifecycle in Telegram: /submit (or the 报送 button), /reopen, /status, /summary, /deadline, and the review
// buttons under a submission: approve, read the .docx, or return it at a section and a row or part, then the comment.
import { Composer, InlineKeyboard } from "grammy";
import type { App } from "../../app/app.ts";
import type { ChannelCommands } from "../../app/channel-commands.ts";
import { refusalText, type ActOutcome } from "../../app/lifecycle-service.ts";
import { RETURN_TARGETS } from "../../app/supervision-service.ts";
import { deliverAcrossChannels } from "../../app/person-channels.ts";
import { campaignYear } from "../../core/deadline/calendar.ts";
import type { Jump } from "../../core/lifecycle/lifecycle.ts";
import { SECTIONS } from "../../core/report/narrative.ts";
import { isValidYear, type ReportKey } from "../../app/data-folder.ts";
import { SUBMIT_DATA } from "../../app/edit-jump.ts";
import type { BotContext } from "../context.ts";
import { document, reply, text } from "../send.ts";
import { keyData, userIdOf } from "./org-common.ts";

/** sv:<verb>:<departmentId>:<year>[:<n>] (keyData), the index given only where the verb uses one. */
function keyPattern(verb: string): RegExp {
  return new RegExp(`^sv:${verb}:([A-Za-z0-9][A-Za-z0-9_-]{0,63}):(\\d{4})(?::(\\d{1,3}))?$`);
}

/** The report a button names; forged data may carry any four digits, and the store keeps 2000–2100 only. */
function keyOfMatch(match: string | RegExpMatchArray): ReportKey | undefined {
  const [, departmentId, year] = typeof match === "string" ? [] : match;
  return departmentId === undefined || !isValidYear(Number(year)) ? undefined : { departmentId, year: Number(year) };
}

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

  async function step(ctx: BotContext, verb: "submit" | "reopen", reason?: string): Promise<void> {
    const answer = await commands.step(userIdOf(ctx), verb, ctx.t, { updateId: ctx.update.update_id }, reason);
    await say(ctx, answer.text);
    if (answer.key !== undefined) await deliverAcrossChannels(app, answer.key, answer.deliveries);
  }

  feature.command("submit", (ctx) => step(ctx, "submit"));
  feature.callbackQuery(SUBMIT_DATA, async (ctx) => {
    await ctx.answerCallbackQuery();
    await step(ctx, "submit");
  });
  feature.command("reopen", (ctx) => step(ctx, "reopen", ctx.match.trim() || undefined));

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
    const messages = replies.map((each) => ("text" in each ? text(each.text) : document(each.bytes, each.fileName, each.caption)));
    await reply(ctx, app, ...messages);
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

  /** A review button naming a report (org-common.ts keyData): the spinner stopped, forged keys ignored. */
  function onReport(verb: string, handle: (ctx: BotContext, key: ReportKey, index: number) => Promise<void>): void {
    feature.callbackQuery(keyPattern(verb), async (ctx) => {
      await ctx.answerCallbackQuery();
      const key = keyOfMatch(ctx.match);
      if (key !== undefined) await handle(ctx, key, Number(ctx.match[3]));
    });
  }

  /** An approval or a return done: said to the supervisor, then to the people concerned. */
  async function settled(ctx: BotContext, key: ReportKey, outcome: ActOutcome, done: "org-approved-done" | "org-returned-done"): Promise<void> {
    if (!outcome.ok) return say(ctx, refusalText(ctx.t, outcome));
    await say(ctx, ctx.t(done, { department: await supervision.departmentName(key), year: String(key.year) }));
    await deliverAcrossChannels(app, key, outcome.deliveries);
  }

  onReport("ap", async (ctx, key) => {
    const outcome = await commands.lifecycle.approve(userIdOf(ctx), key, undefined, { updateId: ctx.update.update_id });
    await settled(ctx, key, outcome, "org-approved-done");
  });

  onReport("dl", async (ctx, key) => {
    const got = await supervision.download(userIdOf(ctx), key);
    if (!got.ok) return say(ctx, got.error === "denied" ? ctx.t("sup-denied", { action: "viewReport" }) : ctx.t("org-no-report"));
    await reply(ctx, app, document(got.bytes, got.fileName));
  });

  // Return, step 1: which section.
  onReport("rt", async (ctx, key) => {
    if (!(await mayReturn(ctx, key))) return;
    const keyboard = new InlineKeyboard();
    SECTIONS.forEach((section, index) => keyboard.text(section.heading, keyData("rs", key, index)).row());
    keyboard.text(ctx.t("org-btn-return-whole"), keyData("rn", key));
    await say(ctx, ctx.t("org-return-where"), keyboard);
  });

  // Step 2: which row of the table, or which part of the text.
  onReport("rs", async (ctx, key, index) => {
    const section = SECTIONS[index];
    if (section === undefined || !(await mayReturn(ctx, key))) return;
    // One button per row, built from rows so the keyboard never ends in an empty row.
    const rows = RETURN_TARGETS.flatMap((target, at) =>
      target.section === section.key ? [[InlineKeyboard.text(target.label, keyData("rw", key, at))]] : [],
    );
    const keyboard = InlineKeyboard.from(rows);
    await say(ctx, ctx.t("org-return-which", { section: section.heading }), keyboard);
  });

  async function askComment(ctx: BotContext, key: ReportKey, target: Jump | undefined, label: string): Promise<void> {
    if (!(await supervision.startReturn(userIdOf(ctx), key, target))) return say(ctx, ctx.t("sup-denied", { action: "returnReport" }));
    await say(ctx, ctx.t("org-return-comment", { where: label }));
  }

  // Step 3: the comment (the next text message).
  onReport("rw", async (ctx, key, index) => {
    const target = RETURN_TARGETS[index];
    if (target !== undefined) await askComment(ctx, key, target.jump, target.label);
  });
  onReport("rn", (ctx, key) => askComment(ctx, key, undefined, ctx.t("org-btn-return-whole")));

  feature.on("message:text", async (ctx, next) => {
    if (ctx.message.text.startsWith("/")) {
      if (ctx.message.text.startsWith("/cancel")) await supervision.cancelReturn(userIdOf(ctx));
      return next();
    }
    const returned = await supervision.finishReturn(userIdOf(ctx), ctx.message.text, { updateId: ctx.update.update_id });
    if (returned === undefined) return next();
    await settled(ctx, returned.key, returned.outcome, "org-returned-done");
  });

  return feature;
}
