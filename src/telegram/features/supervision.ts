// The supervisor's side: /status (the office's board), /summary (choose submitted/all → the office
// summary as .docx and .xlsx), /deadline <date>, and the review of a submission from the buttons
// under its notification: approve, read the department's .docx, or return it — pointing at a
// section and a row or part (return-targets.ts), then typing the comment.
// Every callback names a department and is checked against the org's permissions, so forged data
// naming another office's department is refused.
import { Composer, InlineKeyboard, InputFile } from "grammy";
import type { App } from "../../app/app.ts";
import { renderReport } from "../../app/lazy-documents.ts";
import { campaignYear } from "../../core/deadline/calendar.ts";
import type { Jump } from "../../core/lifecycle/lifecycle.ts";
import { departmentById } from "../../core/org/org-ops.ts";
import { can } from "../../core/org/permissions.ts";
import { checkReport, missingParts } from "../../core/report/check.ts";
import { errorsOf } from "../../core/report/findings.ts";
import { reportTitle, SECTIONS } from "../../core/report/narrative.ts";
import type { Line } from "../../core/summary/line.ts";
import type { Translate } from "../../i18n.ts";
import { isValidYear, type ReportKey } from "../../store/paths.ts";
import type { BotContext } from "../context.ts";
import { deliver, keyData, keyOfMatch, keyPattern, orgServices, refusalText, userIdOf } from "./org-common.ts";
import { RETURN_TARGETS, targetsOfSection } from "./return-targets.ts";
import { safeFileName } from "../../core/report/names.ts";

/** Kept in the supervisor's session between choosing where and typing the comment. */
const PENDING_FIELD = "supervisionReturn";

interface PendingReturn {
  readonly departmentId: string;
  readonly year: number;
  readonly target?: Jump;
}

function isPendingReturn(value: unknown): value is PendingReturn {
  if (typeof value !== "object" || value === null) return false;
  const candidate = value as Record<string, unknown>;
  return typeof candidate["departmentId"] === "string" && typeof candidate["year"] === "number";
}

export function linesText(t: Translate, lines: readonly Line[]): string {
  return lines.map((line) => t(line.key, { ...line.params })).join("\n");
}

function yearArg(text: string, fallback: number): number {
  const match = /^(\d{4})$/.exec(text.trim());
  return match === null ? fallback : Number(match[1]);
}

export function supervisionFeature(app: App): Composer<BotContext> {
  const services = orgServices(app);
  const feature = new Composer<BotContext>();
  const t = (ctx: BotContext): Translate => ctx.t.bind(ctx);

  async function officeOrSay(ctx: BotContext): Promise<string | undefined> {
    const officeId = await services.summary.officeOf(userIdOf(ctx));
    if (officeId === undefined) await ctx.reply(ctx.t("org-no-office"));
    return officeId;
  }

  async function departmentName(key: ReportKey): Promise<string> {
    return departmentById(await services.org.org(), key.departmentId)?.name ?? key.departmentId;
  }

  async function mayReturn(ctx: BotContext, key: ReportKey): Promise<boolean> {
    if (can(await services.org.org(), userIdOf(ctx), "returnReport", { departmentId: key.departmentId }, app.adminIds)) return true;
    await ctx.reply(ctx.t("sup-denied", { action: "returnReport" }));
    return false;
  }

  feature.command("status", async (ctx) => {
    const officeId = await officeOrSay(ctx);
    if (officeId === undefined) return;
    const year = yearArg(ctx.match, campaignYear(app.now()));
    if (!isValidYear(year)) return void (await ctx.reply(ctx.t("org-no-report-year", { year: String(year) })));
    const board = await services.summary.board(userIdOf(ctx), officeId, year);
    await ctx.reply(board.ok ? linesText(t(ctx), board.lines) : ctx.t(board.error === "denied" ? "sup-denied" : "org-no-office", { action: "viewStatus" }));
  });

  feature.command("summary", async (ctx) => {
    const officeId = await officeOrSay(ctx);
    if (officeId === undefined) return;
    const year = yearArg(ctx.match, campaignYear(app.now()));
    if (!isValidYear(year)) return void (await ctx.reply(ctx.t("org-no-report-year", { year: String(year) })));
    const keyboard = new InlineKeyboard().text(ctx.t("org-btn-summary-submitted"), `sv:sum:s:${year}`).text(ctx.t("org-btn-summary-all"), `sv:sum:a:${year}`);
    await ctx.reply(ctx.t("org-summary-choose", { year: String(year) }), { reply_markup: keyboard });
  });

  feature.callbackQuery(/^sv:sum:([sa]):(\d{4})$/, async (ctx) => {
    await ctx.answerCallbackQuery();
    const officeId = await officeOrSay(ctx);
    if (officeId === undefined) return;
    const include = ctx.match[1] === "s" ? "submitted" : "all";
    const year = Number(ctx.match[2]);
    // Forged data may carry any four digits; the store keeps 2000–2100 only.
    if (!isValidYear(year)) return;
    const made = await services.summary.summary(userIdOf(ctx), officeId, year, include, t(ctx));
    if (!made.ok) {
      await ctx.reply(ctx.t("sup-denied", { action: "viewSummary" }));
      return;
    }
    await ctx.reply(linesText(t(ctx), made.lines));
    await ctx.replyWithDocument(new InputFile(made.docx, made.docxName), { caption: ctx.t(made.draft ? "org-summary-draft" : "org-summary-final") });
    await ctx.replyWithDocument(new InputFile(made.xlsx, made.xlsxName));
  });

  feature.command("deadline", async (ctx) => {
    const officeId = await officeOrSay(ctx);
    if (officeId === undefined) return;
    const [date = "", yearText = ""] = ctx.match.trim().split(/\s+/);
    const year = yearArg(yearText, campaignYear(app.now()));
    if (!can(await services.org.org(), userIdOf(ctx), "manageOrg", { officeId }, app.adminIds)) {
      await ctx.reply(ctx.t("sup-denied", { action: "manageOrg" }));
      return;
    }
    const set = await services.org.setDeadline(officeId, year, date);
    await ctx.reply(set.ok ? ctx.t("sup-deadline-set", { year: String(year), deadline: date }) : ctx.t(`sup-deadline-error-${set.error}`));
  });

  feature.callbackQuery(keyPattern("ap"), async (ctx) => {
    await ctx.answerCallbackQuery();
    const key = keyOfMatch(ctx.match);
    if (key === undefined) return;
    const outcome = await services.lifecycle.approve(userIdOf(ctx), key);
    if (!outcome.ok) {
      await ctx.reply(refusalText(t(ctx), outcome));
      return;
    }
    await ctx.reply(ctx.t("org-approved-done", { department: await departmentName(key), year: String(key.year) }));
    await deliver(ctx.api, app, key, outcome.deliveries);
  });

  feature.callbackQuery(keyPattern("dl"), async (ctx) => {
    await ctx.answerCallbackQuery();
    const key = keyOfMatch(ctx.match);
    if (key === undefined) return;
    if (!can(await services.org.org(), userIdOf(ctx), "viewReport", { departmentId: key.departmentId }, app.adminIds)) {
      await ctx.reply(ctx.t("sup-denied", { action: "viewReport" }));
      return;
    }
    const stored = await app.store.reports.getReport(key);
    if (stored === null) {
      await ctx.reply(ctx.t("org-no-report"));
      return;
    }
    const missing = missingParts(stored.report);
    const draft = errorsOf(checkReport(stored.report)).length > 0 || missing.cells.length + missing.texts.length > 0;
    const bytes = await renderReport(stored.report, { draft });
    await ctx.replyWithDocument(new InputFile(bytes, `${safeFileName(reportTitle(stored.report.meta))}.docx`));
  });

  // Return, step 1: which section.
  feature.callbackQuery(keyPattern("rt"), async (ctx) => {
    await ctx.answerCallbackQuery();
    const key = keyOfMatch(ctx.match);
    if (key === undefined || !(await mayReturn(ctx, key))) return;
    const keyboard = new InlineKeyboard();
    SECTIONS.forEach((section, index) => keyboard.text(section.heading, keyData("rs", key, index)).row());
    keyboard.text(ctx.t("org-btn-return-whole"), keyData("rn", key));
    await ctx.reply(ctx.t("org-return-where"), { reply_markup: keyboard });
  });

  // Step 2: which row of the table, or which part of the text.
  feature.callbackQuery(keyPattern("rs", true), async (ctx) => {
    await ctx.answerCallbackQuery();
    const key = keyOfMatch(ctx.match);
    const section = SECTIONS[Number(ctx.match[3])];
    if (key === undefined || section === undefined || !(await mayReturn(ctx, key))) return;
    const keyboard = new InlineKeyboard();
    for (const { index, target } of targetsOfSection(section.key)) keyboard.text(target.label, keyData("rw", key, index)).row();
    await ctx.reply(ctx.t("org-return-which", { section: section.heading }), { reply_markup: keyboard });
  });

  async function askComment(ctx: BotContext, key: ReportKey, target: Jump | undefined, label: string): Promise<void> {
    if (!(await mayReturn(ctx, key))) return;
    const pending: PendingReturn = { ...key, ...(target === undefined ? {} : { target }) };
    await app.store.user(userIdOf(ctx)).update((session) => ({ ...session, [PENDING_FIELD]: pending }));
    await ctx.reply(ctx.t("org-return-comment", { where: label }));
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
      if (ctx.message.text.startsWith("/cancel")) await clearPending(userIdOf(ctx));
      return next();
    }
    const userId = userIdOf(ctx);
    const session = await app.store.user(userId).read();
    const pending = session[PENDING_FIELD];
    if (!isPendingReturn(pending)) return next();
    await clearPending(userId);
    const key = { departmentId: pending.departmentId, year: pending.year };
    const outcome = await services.lifecycle.returnReport(userId, key, { comment: ctx.message.text, ...(pending.target === undefined ? {} : { target: pending.target }) });
    if (!outcome.ok) {
      await ctx.reply(refusalText(t(ctx), outcome));
      return;
    }
    await ctx.reply(ctx.t("org-returned-done", { department: await departmentName(key), year: String(key.year) }));
    await deliver(ctx.api, app, key, outcome.deliveries);
  });

  async function clearPending(userId: string): Promise<void> {
    const session = await app.store.user(userId).read();
    if (session[PENDING_FIELD] === undefined) return;
    await app.store.user(userId).update((current) => {
      const { [PENDING_FIELD]: _dropped, ...rest } = current;
      return rest;
    });
  }

  return feature;
}
