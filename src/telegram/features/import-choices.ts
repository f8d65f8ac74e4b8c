// After an officer's file is imported, rows whose figures ran together and read several ways were
// left empty: the bot asks which reading is right, one tap per row. The callback names the
// department, year, row and values; the app (app/import-choices.ts) honours it only for the
// officer's own department, and every value passes the schema.
import { Composer, InlineKeyboard } from "grammy";
import type { App } from "../../app/app.ts";
import { applyImportChoice, importChoices } from "../../app/import-choices.ts";
import type { ImportNote } from "../../core/import/import-result.ts";
import type { Translate } from "../../i18n.ts";
import type { BotContext } from "../context.ts";
import { userIdOf } from "./org-common.ts";

const CHOICE = /^ic:([A-Za-z0-9_-]+):(\d{4}):(t[24]\.[A-Za-z]+):(\d+(?:,\d+)*)$/;

/** One question per row left open, with a button per reading; rows the bot cannot offer are skipped. */
export function choiceQuestions(t: Translate, key: { departmentId: string; year: number }, notes: readonly ImportNote[]): { text: string; keyboard: InlineKeyboard }[] {
  return importChoices(notes).flatMap((choice) => {
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

export function importChoicesFeature(app: App): Composer<BotContext> {
  const feature = new Composer<BotContext>();
  feature.callbackQuery(CHOICE, async (ctx) => {
    const [, departmentId = "", yearText = "", row = "", list = ""] = ctx.match;
    const userId = userIdOf(ctx);
    const outcome = await applyImportChoice(app, userId, { departmentId, year: Number(yearText) }, row, list.split(",").map(Number), `tg:${userId}`);
    if (!outcome.ok) return void (await ctx.answerCallbackQuery({ text: ctx.t("chk-choice-refused") }));
    await ctx.answerCallbackQuery();
    await ctx.editMessageText(ctx.t("chk-chosen", { row: outcome.label, values: outcome.values.join(" | ") }));
  });
  return feature;
}
