// Other years than the one being filled: `/export 2024 [department]` renders a stored year again,
// and last year's published report sent as a file is imported (a button per reading of a row whose
// figures ran together). Mounted before the interview: a plain /export and other files go on.
import { Composer, InlineKeyboard } from "grammy";
import type { App } from "../../app/app.ts";
import type { ChannelCommands } from "../../app/channel-commands.ts";
import type { ImportChoice } from "../../app/last-year-import.ts";
import { reportDocument } from "../../app/report-document.ts";
import { departmentByRef } from "../../app/org-service.ts";
import { can } from "../../core/org/permissions.ts";
import { isValidYear, type ReportKey } from "../../app/data-folder.ts";
import type { Download } from "../../app/download-limited.ts";
import type { Translate } from "../../i18n.ts";
import type { BotContext } from "../context.ts";
import { document, reply, replyText as say } from "../send.ts";
import { downloadSent, userIdOf, type ApiRoot } from "./org-common.ts";
import { safeFileName } from "../../core/report/names.ts";

const CHOICE = /^ic:([A-Za-z0-9_-]+):(\d{4}):(t[24]\.[A-Za-z]+):(\d+(?:,\d+)*)$/;

/** `<title>-v<revision>.docx`: a re-export never overwrites an earlier copy on the officer's phone. */
function versionedName(title: string, revision: number): string {
  return `${safeFileName(`${title}-v${revision}`)}.docx`;
}

/** One question per row left open, with a button per reading; readings whose data would not fit are skipped. */
function choiceQuestions(t: Translate, key: ReportKey, choices: readonly ImportChoice[]): { text: string; keyboard: InlineKeyboard }[] {
  return choices.flatMap((choice) => {
    const keyboard = new InlineKeyboard();
    for (const option of choice.options) {
      const data = `ic:${key.departmentId}:${key.year}:${choice.row}:${option.join(",")}`;
      if (data.length > 64) continue;
      // One reading per row; a row is opened only before a button, as Telegram refuses an empty one.
      if ((keyboard.inline_keyboard.at(-1)?.length ?? 0) > 0) keyboard.row();
      keyboard.text(option.join(" | "), data);
    }
    if (keyboard.inline_keyboard.flat().length === 0) return [];
    return [{ text: t("chk-choose", { row: choice.label, text: choice.printed }), keyboard }];
  });
}

export function yearsFeature(app: App, commands: ChannelCommands, apiRoot: ApiRoot): Composer<BotContext> {
  const feature = new Composer<BotContext>();

  feature.callbackQuery(CHOICE, async (ctx) => {
    const [, departmentId = "", yearText = "", row = "", list = ""] = ctx.match;
    const userId = userIdOf(ctx);
    const key = { departmentId, year: Number(yearText) };
    const chosen = await commands.chooseReading(userId, key, row, list.split(",").map(Number), `tg:${userId}`, ctx.t);
    if (!chosen.ok) return void (await ctx.answerCallbackQuery({ text: chosen.text }));
    await ctx.answerCallbackQuery();
    await ctx.editMessageText(chosen.text);
  });

  feature.command("export", async (ctx, next) => {
    const match = /^(\d{4})(?:\s+(\S+))?\s*$/.exec(ctx.match.trim());
    if (match === null) return next();
    const year = Number(match[1]);
    // The store keeps 2000–2100; any other year has no report (and is no store key).
    if (!isValidYear(year)) return say(ctx, app, ctx.t("org-no-report-year", { year: String(year) }));
    const userId = userIdOf(ctx);
    const current = await commands.org.org();
    // One's own report (also in personal mode, which has no org); others' only with permission.
    const resolved = await app.workspaces(userId, app.now());
    const own = resolved.kind === "ready" ? resolved.workspace.departmentId : undefined;
    const departmentId = match[2] === undefined ? own : departmentByRef(current, match[2])?.id;
    if (departmentId === undefined) return say(ctx, app, ctx.t(match[2] === undefined ? "org-export-which" : "sup-org-error-unknown-department"));
    if (departmentId !== own && !can(current, userId, "exportReport", { departmentId }, app.adminIds)) return say(ctx, app, ctx.t("sup-denied", { action: "exportReport" }));
    const stored = await app.store.reports.getReport({ departmentId, year });
    if (stored === null) return say(ctx, app, ctx.t("org-no-report-year", { year: String(year) }));
    const made = await reportDocument(stored.report);
    await reply(ctx, app, document(made.bytes, versionedName(made.title, stored.revision), ctx.t("org-export-year", { year: String(year), status: stored.status })));
  });

  feature.on("message:document", async (ctx, next) => {
    const sent = ctx.message.document;
    const userId = userIdOf(ctx);
    // Declared too large: not even asked for (Telegram would refuse the download anyway).
    const download = async (maxBytes: number): Promise<Download> => ((sent.file_size ?? 0) > maxBytes ? { ok: false, reason: "too-large" } : downloadSent(ctx, apiRoot, maxBytes));
    // The update id is stored with the import: the same file delivered again is not imported twice.
    const answer = await commands.importFile(userId, sent.file_name ?? "", download, { updateId: ctx.update.update_id, by: `tg:${userId}` }, ctx.t);
    if (answer === undefined) return next();
    await say(ctx, app, answer.text);
    // Not imported: the interview then says what it is waiting for, so the officer is not left guessing.
    if (answer.thenInterview || answer.key === undefined) return next();
    for (const question of choiceQuestions(ctx.t, answer.key, answer.choices)) await say(ctx, app, question.text, question.keyboard);
  });

  return feature;
}
