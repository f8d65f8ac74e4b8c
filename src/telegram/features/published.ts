// The published forms of one's own report (issue 15): `/export pdf` (through LibreOffice, fonts
// embedded; without it the .docx and a sentence saying why), `/export html` (the portal fragment)
// and `/preview` (page 1 and the table pages as PNGs through pdftoppm; without the programs, a
// pointer to /review's text rendition). Mounted before the interview, which owns plain /export.
import { Composer, InputFile } from "grammy";
import type { App } from "../../app/app.ts";
import { isDraft, renderReport } from "../../app/report-document.ts";
import { reportTitle } from "../../core/report/narrative.ts";
import type { Report } from "../../core/report/schema.ts";
import { docxToPdf, officeTools, pdfToPngs } from "../../app/libreoffice.ts";
import type { BotContext } from "../context.ts";
import { userIdOf } from "./org-common.ts";

/** Pages /preview sends: the first and the table pages, as many as a phone screen wants. */
const PREVIEW_PAGES = 5;

export function publishedFeature(app: App): Composer<BotContext> {
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

  feature.command("export", async (ctx, next) => {
    const form = ctx.match.trim().toLowerCase();
    if (form !== "pdf" && form !== "html") return next();
    const report = await ownReport(ctx);
    if (report === null) return void (await ctx.reply(ctx.t("published-no-report")));
    const draft = isDraft(report);
    const title = reportTitle(report.meta);
    const caption = ctx.t(draft ? "published-draft" : "published-final");
    if (form === "html") {
      // Loaded on use like the .docx renderer (report-document.ts): the table rows pull in docx.
      const { renderHtml } = await import("../../core/render/html.ts");
      const html = new TextEncoder().encode(renderHtml(report));
      return void (await ctx.replyWithDocument(new InputFile(html, `${title}.html`), { caption: `${caption}\n${ctx.t("published-html")}` }));
    }
    const docx = await renderReport(report, { draft });
    if (!officeTools().soffice) {
      await ctx.reply(ctx.t("published-no-office"));
      return void (await ctx.replyWithDocument(new InputFile(docx, `${title}.docx`), { caption }));
    }
    const pdf = await docxToPdf(docx);
    await ctx.replyWithDocument(new InputFile(pdf, `${title}.pdf`), { caption });
  });

  feature.command("preview", async (ctx) => {
    const report = await ownReport(ctx);
    if (report === null) return void (await ctx.reply(ctx.t("published-no-report")));
    const tools = officeTools();
    if (!tools.soffice || !tools.pdftoppm) return void (await ctx.reply(ctx.t("published-preview-text")));
    const pdf = await docxToPdf(await renderReport(report, { draft: isDraft(report) }));
    const pngs = await pdfToPngs(pdf, { dpi: 90 });
    for (const [index, png] of pngs.slice(0, PREVIEW_PAGES).entries()) {
      const page = index + 1;
      await ctx.replyWithDocument(new InputFile(png, `preview-${page}.png`), { caption: ctx.t("published-preview-page", { page, pages: pngs.length }) });
    }
  });

  return feature;
}
