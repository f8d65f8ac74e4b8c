// Other years than the one being filled. `/export 2024 [department]` renders a stored year again
// (file name carries the stored revision: …-v7.docx), checked against exportReport. And while a
// department has no history in nianbao, an officer may send last year's published report: the
// app's last-year import (src/app/last-year-import.ts) stores it; here only Telegram's download.
// Mounted before the interview feature: anything else (a plain /export, other files) goes on.
import { Composer } from "grammy";
import type { App } from "../../app/app.ts";
import { reportDocument } from "../../app/report-document.ts";
import { departmentByRef } from "../../app/org-service.ts";
import { can } from "../../core/org/permissions.ts";
import { importFailureSentence } from "../../import-text.ts";
import { isValidYear } from "../../app/data-folder.ts";
import type { BotContext } from "../context.ts";
import { choiceQuestions, importChoicesFeature } from "./import-choices.ts";
import { document, reply, replyText as say } from "../send.ts";
import { orgServices, userIdOf } from "./org-common.ts";
import { safeFileName } from "../../core/report/names.ts";
import { downloadLimited } from "../../app/download-limited.ts";
import { createLastYearImport, MAX_IMPORT_BYTES } from "../../app/last-year-import.ts";

export interface YearsOptions {
  /** Bot API root for file downloads (https://api.telegram.org unless configured); a function when known later. */
  readonly apiRoot?: string | (() => string);
}

/** `<title>-v<revision>.docx`: a re-export never overwrites an earlier copy on the officer's phone. */
export function versionedName(title: string, revision: number): string {
  return `${safeFileName(`${title}-v${revision}`)}.docx`;
}

export function yearsFeature(app: App, options: YearsOptions = {}): Composer<BotContext> {
  const { org } = orgServices(app);
  const lastYear = createLastYearImport(app);
  const apiRoot = (): string => (typeof options.apiRoot === "function" ? options.apiRoot() : (options.apiRoot ?? "https://api.telegram.org")).replace(/\/+$/, "");
  const feature = new Composer<BotContext>();
  feature.use(importChoicesFeature(app));

  feature.command("export", async (ctx, next) => {
    const match = /^(\d{4})(?:\s+(\S+))?\s*$/.exec(ctx.match.trim());
    if (match === null) return next();
    const year = Number(match[1]);
    // The store keeps 2000–2100; any other year has no report (and is no store key).
    if (!isValidYear(year)) return void (await say(ctx, app, ctx.t("org-no-report-year", { year: String(year) })));
    const userId = userIdOf(ctx);
    const current = await org.org();
    // One's own report (also in personal mode, which has no org); others' only with permission.
    const resolved = await app.workspaces(userId, app.now());
    const own = resolved.kind === "ready" ? resolved.workspace.departmentId : undefined;
    const departmentId = match[2] === undefined ? own : departmentByRef(current, match[2])?.id;
    if (departmentId === undefined) return void (await say(ctx, app, ctx.t(match[2] === undefined ? "org-export-which" : "sup-org-error-unknown-department")));
    if (departmentId !== own && !can(current, userId, "exportReport", { departmentId }, app.adminIds)) return void (await say(ctx, app, ctx.t("sup-denied", { action: "exportReport" })));
    const stored = await app.store.reports.getReport({ departmentId, year });
    if (stored === null) return void (await say(ctx, app, ctx.t("org-no-report-year", { year: String(year) })));
    const made = await reportDocument(stored.report);
    await reply(ctx, app, document(made.bytes, versionedName(made.title, stored.revision), ctx.t("org-export-year", { year: String(year), status: stored.status })));
  });

  feature.on("message:document", async (ctx, next) => {
    const userId = userIdOf(ctx);
    const document = ctx.message.document;
    const name = document.file_name ?? "";
    const target = await lastYear.target(userId, name);
    if (target === undefined) return next();
    const tooLarge = async (): Promise<void> => {
      await say(ctx, app, ctx.t("org-import-failed", { reason: importFailureSentence(ctx.t.bind(ctx), "too-large") }));
      return next();
    };
    // Declared too large: not even asked for (Telegram would refuse the download anyway).
    if ((document.file_size ?? 0) > MAX_IMPORT_BYTES) return tooLarge();
    const file = await ctx.getFile();
    const download = await downloadLimited(`${apiRoot()}/file/bot${ctx.api.token}/${file.file_path ?? ""}`, MAX_IMPORT_BYTES);
    if (!download.ok) {
      app.logger.warn({ userId, declared: document.file_size }, "years: upload larger than declared, cut off");
      return tooLarge();
    }
    // The update id is stored with the import: the same file delivered again is not imported twice.
    const outcome = await lastYear.store(target, { name, bytes: download.bytes }, { updateId: ctx.update.update_id, by: `tg:${userId}` });
    if (outcome.kind === "failed") {
      await say(ctx, app, ctx.t("org-import-failed", { reason: importFailureSentence(ctx.t.bind(ctx), outcome.reason) }));
      // The interview then says what it is waiting for, so the officer is not left guessing.
      return next();
    }
    // This year's report is the interview's business.
    if (outcome.kind === "not-last-year") return next();
    await say(ctx, app, ctx.t("org-imported", { year: String(outcome.year), cells: outcome.cells, current: String(outcome.current) }));
    // Rows whose figures ran together and read several ways were left empty: one tap chooses.
    for (const question of choiceQuestions(ctx.t.bind(ctx), { departmentId: target.departmentId, year: outcome.year }, outcome.notes)) {
      await say(ctx, app, question.text, question.keyboard);
    }
  });

  return feature;
}
