// Reports beyond the interview's own: `/export 2024 [department]` (a stored year), `/export pdf|html` and `/preview`
// (one's own report as published; without LibreOffice the .docx or a pointer to /review), and last year's report
// sent as a file, imported (a supervisor's published report is checked instead). Mounted before the interview.
import { Composer, InlineKeyboard } from "grammy";
import type { App } from "../../app/app.ts";
import type { ChannelCommands } from "../../app/channel-commands.ts";
import type { ImportChoice } from "../../app/last-year-import.ts";
import { docxToPdf, officeTools, pdfToPngs } from "../../app/libreoffice.ts";
import { isDraft, renderReport, reportDocument } from "../../app/report-document.ts";
import { departmentByRef } from "../../app/org-service.ts";
import { can } from "../../core/org/permissions.ts";
import { isValidYear, type ReportKey } from "../../app/data-folder.ts";
import type { Download } from "../../app/download-limited.ts";
import type { Translate } from "../../i18n.ts";
import type { BotContext } from "../context.ts";
import { document, reply, replyText as say, text } from "../send.ts";
import { downloadSent, userIdOf, type ApiRoot } from "./org-common.ts";
import { safeFileName } from "../../core/report/names.ts";
import { reportTitle } from "../../core/report/narrative.ts";
import type { Report } from "../../core/report/schema.ts";

const CHOICE = /^ic:([A-Za-z0-9_-]+):(\d{4}):(t[24]\.[A-Za-z]+):(\d+(?:,\d+)*)$/;
/** Pages /preview sends: the first and the table pages, as many as a phone screen wants. */
const PREVIEW_PAGES = 5;

/** `<title>-v<revision>.docx`: a re-export never overwrites an earlier copy on the officer's phone. */
function versionedName(title: string, revision: number): string {
  return `${safeFileName(`${title}-v${revision}`)}.docx`;
}

/** One question per row left open, with a button per reading; readings whose data would not fit are skipped. */
function choiceQuestions(t: Translate, key: ReportKey, choices: readonly ImportChoice[]): { text: string; keyboard: InlineKeyboard }[] {
  return choices.flatMap((choice) => {
    // One reading per keyboard row (Telegram refuses an empty one), none whose data passes Telegram's 64 bytes.
    const rows = choice.options
      .map((option) => [InlineKeyboard.text(option.join(" | "), `ic:${key.departmentId}:${key.year}:${choice.row}:${option.join(",")}`)])
      .filter(([button]) => button !== undefined && button.callback_data.length <= 64);
    if (rows.length === 0) return [];
    return [{ text: t("chk-choose", { row: choice.label, text: choice.printed }), keyboard: InlineKeyboard.from(rows) }];
  });
}

export function yearsFeature(app: App, commands: ChannelCommands, apiRoot: ApiRoot): Composer<BotContext> {
  const feature = new Composer<BotContext>();

  /** One's own report of the year being worked on, with the workspace's agency when it has none. */
  async function ownReport(ctx: BotContext): Promise<Report | null> {
    const resolved = await app.workspaces(userIdOf(ctx), app.now());
    if (resolved.kind !== "ready") return null;
    const { departmentId, year, agency } = resolved.workspace;
    const stored = await app.store.reports.getReport({ departmentId, year });
    if (stored === null) return null;
    return { ...stored.report, meta: { ...stored.report.meta, agency: stored.report.meta.agency ?? agency } };
  }

  async function exportPublished(ctx: BotContext, form: "pdf" | "html"): Promise<void> {
    const report = await ownReport(ctx);
    if (report === null) return say(ctx, app, ctx.t("published-no-report"));
    const draft = isDraft(report);
    const title = reportTitle(report.meta);
    const caption = ctx.t(draft ? "published-draft" : "published-final");
    if (form === "html") {
      // Loaded on use like the .docx renderer (report-document): the table rows pull in docx.
      const { renderHtml } = await import("../../core/render/html.ts");
      const html = new TextEncoder().encode(renderHtml(report));
      return reply(ctx, app, document(html, `${title}.html`, `${caption}\n${ctx.t("published-html")}`));
    }
    const docx = await renderReport(report, { draft });
    if (!officeTools().soffice) return reply(ctx, app, text(ctx.t("published-no-office")), document(docx, `${title}.docx`, caption));
    await reply(ctx, app, document(await docxToPdf(docx), `${title}.pdf`, caption));
  }

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
    const form = ctx.match.trim().toLowerCase();
    if (form === "pdf" || form === "html") return exportPublished(ctx, form);
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

  feature.command("preview", async (ctx) => {
    const report = await ownReport(ctx);
    if (report === null) return say(ctx, app, ctx.t("published-no-report"));
    const tools = officeTools();
    if (!tools.soffice || !tools.pdftoppm) return say(ctx, app, ctx.t("published-preview-text"));
    const pdf = await docxToPdf(await renderReport(report, { draft: isDraft(report) }));
    const pngs = await pdfToPngs(pdf, { dpi: 90 });
    const pages = pngs.slice(0, PREVIEW_PAGES).map((png, index) => {
      const page = index + 1;
      return document(png, `preview-${page}.png`, ctx.t("published-preview-page", { page, pages: pngs.length }));
    });
    await reply(ctx, app, ...pages);
  });

  feature.on("message:document", async (ctx, next) => {
    const sent = ctx.message.document;
    const userId = userIdOf(ctx);
    const fetchSent = (maxBytes: number): Promise<Download> => downloadSent(ctx, apiRoot, maxBytes);
    const findings = await commands.checkPublished(userId, sent.file_name ?? "", sent.file_size ?? 0, fetchSent, ctx.t);
    if (findings !== undefined) return say(ctx, app, findings);
    // Declared too large: not even asked for (Telegram would refuse the download anyway).
    const download = async (maxBytes: number): Promise<Download> => ((sent.file_size ?? 0) > maxBytes ? { ok: false, reason: "too-large" } : fetchSent(maxBytes));
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
