// A supervisor sends a department's published report (.docx, .txt, .html, .pdf — or several, one
// message each) and gets the findings back: what was read, every rule broken with the published
// figures, and the rows whose figures ran together and read several ways. Nothing is stored.
// Mounted before the years feature: an officer's files (last year's report) are not this.
import { Composer } from "grammy";
import type { App } from "../../app/app.ts";
import { importReport } from "../../app/report-document.ts";
import { checkTrial } from "../../core/import/trial-2019.ts";
import { can } from "../../core/org/permissions.ts";
import { checkReport } from "../../core/report/check.ts";
import { errorsOf, warningsOf } from "../../core/report/findings.ts";
import { findingSentence, importFailureSentence, importNoteSentence } from "../../findings-text.ts";
import { MAX_INPUT_BYTES } from "../../core/import/limits.ts";
import type { ChannelCommands } from "../../app/channel-commands.ts";
import type { BotContext } from "../context.ts";
import { downloadSent, userIdOf, type ApiRoot } from "./org-common.ts";

const PUBLISHED = /\.(docx|txt|html?|pdf)$/i;
/** Telegram's limit is 4096 characters: the findings stop short of it and say how many were left out. */
const MAX_REPLY_CHARS = 3800;

export function checkPublishedFeature(app: App, commands: ChannelCommands, apiRoot: ApiRoot): Composer<BotContext> {
  const feature = new Composer<BotContext>();

  feature.on("message:document", async (ctx, next) => {
    const document = ctx.message.document;
    const name = document.file_name ?? "";
    if (!PUBLISHED.test(name) || (document.file_size ?? 0) > MAX_INPUT_BYTES) return next();
    const userId = userIdOf(ctx);
    const officeId = await commands.summary.officeOf(userId);
    if (officeId === undefined || !can(await commands.org.org(), userId, "viewStatus", { officeId }, app.adminIds)) return next();
    const download = await downloadSent(ctx, apiRoot, MAX_INPUT_BYTES);
    const t = ctx.t;
    if (!download.ok) return void (await ctx.reply(ctx.t("chk-failed", { file: name, reason: importFailureSentence(t, "too-large") })));
    const imported = await importReport({ name, bytes: download.bytes });
    if (!imported.ok) return void (await ctx.reply(ctx.t("chk-failed", { file: name, reason: importFailureSentence(t, imported.reason) })));
    const findings = imported.format === "2019" ? checkTrial(imported.trial) : checkReport(imported.report);
    const errors = errorsOf(findings);
    const warnings = warningsOf(findings);
    const choices = imported.notes.filter((note) => note.code === "row-ambiguous");
    const header = ctx.t("chk-header", {
      file: name,
      agency: imported.report.meta.agency ?? ctx.t("chk-unknown-agency"),
      year: String(imported.report.meta.year ?? "—"),
      cells: Object.keys(imported.report.values).length,
      errors: errors.length,
      warnings: warnings.length,
    });
    const lines = [
      ...errors.map((finding) => `✖ ${findingSentence(t, finding)}`),
      ...warnings.map((finding) => `⚠ ${findingSentence(t, finding)}`),
      ...choices.map((note) => `• ${importNoteSentence(t, note)}`),
    ];
    let text = header;
    let shown = 0;
    for (const line of lines) {
      if (text.length + line.length + 1 > MAX_REPLY_CHARS) break;
      text += `\n${line}`;
      shown++;
    }
    if (shown < lines.length) text += `\n${ctx.t("chk-more", { count: lines.length - shown })}`;
    if (lines.length === 0) text += `\n${ctx.t("chk-clean")}`;
    await ctx.reply(text);
  });

  return feature;
}
