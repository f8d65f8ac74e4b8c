// What the organisation features share: downloads, "sv:" callback data naming a report (the engine's is "v<n>:"),
// and lifecycle messages to other people, each in their own language, with their buttons.
import { InlineKeyboard, type Api } from "grammy";
import type { App } from "../../app/app.ts";
import { storeLocaleChoices, translatorOf } from "../../app/locale-choices.ts";
import type { DeliverySender } from "../../app/person-channels.ts";
import type { Translate } from "../../i18n.ts";
import type { ReportKey } from "../../app/data-folder.ts";
import { downloadLimited, type Download } from "../../app/download-limited.ts";
import type { BotContext } from "../context.ts";
import { sendTo, text as textMessage } from "../send.ts";

/** The Bot API root (a function when tests learn it late). */
export type ApiRoot = string | (() => string);

/** The file of the update's message, fetched from the Bot API and cut off once more than `maxBytes` arrive. */
export async function downloadSent(ctx: BotContext, apiRoot: ApiRoot, maxBytes: number): Promise<Download> {
  const file = await ctx.getFile();
  const root = (typeof apiRoot === "function" ? apiRoot() : apiRoot).replace(/\/+$/, "");
  return downloadLimited(`${root}/file/bot${ctx.api.token}/${file.file_path ?? ""}`, maxBytes);
}

/** sv:<verb>:<departmentId>:<year>[:<n>]: the review buttons' data (supervision.ts). */
export function keyData(verb: string, key: ReportKey, index?: number): string {
  return `sv:${verb}:${key.departmentId}:${key.year}${index === undefined ? "" : `:${index}`}`;
}

/** The supervisor's buttons under a submission: approve, return, read the report. */
function reviewKeyboard(t: Translate, key: ReportKey): InlineKeyboard {
  return new InlineKeyboard()
    .text(t("org-btn-approve"), keyData("ap", key))
    .text(t("org-btn-return"), keyData("rt", key))
    .row()
    .text(t("org-btn-download"), keyData("dl", key));
}

/** Lifecycle messages to people on Telegram, through the outbox; registered for every channel (deliverAcrossChannels). */
export function telegramDeliverySender(api: Api, app: App): DeliverySender {
  return async (key, delivery) => {
    const t = await translatorOf(storeLocaleChoices(app.store), delivery.userId);
    const text = t(delivery.key, { ...delivery.params });
    const keyboard = delivery.review
      ? reviewKeyboard(t, key)
      : delivery.jumpData === undefined
        ? undefined
        : new InlineKeyboard().text(t("sup-open-question"), delivery.jumpData);
    await sendTo(api, app, Number(delivery.userId), [textMessage(text, keyboard)]);
  };
}

export const userIdOf = (ctx: { from?: { id: number } | undefined }): string => String(ctx.from?.id ?? "");
