// After an officer's file is imported, rows whose figures ran together and read several ways
// (a table-二 row of three numbers, a table-四 group) were left empty: the bot asks which reading
// is right, one tap per row. The callback names the department, year, row and values; it is
// honoured only for the officer's own department, and every value passes the schema.
import { Composer, InlineKeyboard } from "grammy";
import type { App } from "../../app/app.ts";
import type { ImportNote } from "../../core/import/import-result.ts";
import { T2_BLOCKS, T4_COLUMNS, T4_GROUPS, t2CellId, t4CellId } from "../../core/report/format.ts";
import { valueProblem } from "../../core/report/schema.ts";
import type { Translate } from "../../i18n.ts";
import type { BotContext } from "../context.ts";
import { userIdOf } from "./org-common.ts";

/** Rows that may be left for a choice, by a short name that fits in callback data (64 bytes). */
const CHOICE_ROWS: ReadonlyMap<string, { label: string; cells: readonly string[] }> = new Map([
  ...T2_BLOCKS.filter((block) => block.columns.length > 1).flatMap((block) =>
    block.rows.map((row) => [`t2.${row.key}`, { label: row.label, cells: block.columns.map((column) => t2CellId(row, column)) }] as const),
  ),
  ...T4_GROUPS.map((group) => [`t4.${group.key}`, { label: [group.kind, group.sub].filter((part) => part !== undefined).join("·"), cells: T4_COLUMNS.map((column) => t4CellId(group.key, column.key)) }] as const),
]);
const CHOICE = /^ic:([A-Za-z0-9_-]+):(\d{4}):(t[24]\.[A-Za-z]+):(\d+(?:,\d+)*)$/;

function rowOf(cells: readonly string[]): string | undefined {
  return [...CHOICE_ROWS].find(([, row]) => row.cells.join() === cells.join())?.[0];
}

/** One question per row left open, with a button per reading; rows the bot cannot offer are skipped. */
export function choiceQuestions(t: Translate, key: { departmentId: string; year: number }, notes: readonly ImportNote[]): { text: string; keyboard: InlineKeyboard }[] {
  return notes.flatMap((note) => {
    const choices = note.choices;
    const row = choices === undefined ? undefined : rowOf(choices.cells);
    if (choices === undefined || row === undefined) return [];
    const keyboard = new InlineKeyboard();
    for (const option of choices.options) {
      const data = `ic:${key.departmentId}:${key.year}:${row}:${option.join(",")}`;
      if (data.length > 64) continue;
      // One reading per row; a row is opened only before a button, as Telegram refuses an empty one.
      if ((keyboard.inline_keyboard.at(-1)?.length ?? 0) > 0) keyboard.row();
      keyboard.text(option.join(" | "), data);
    }
    if (keyboard.inline_keyboard.flat().length === 0) return [];
    return [{ text: t("chk-choose", { row: CHOICE_ROWS.get(row)?.label ?? row, text: String(note.params?.["text"] ?? "") }), keyboard }];
  });
}

export function importChoicesFeature(app: App): Composer<BotContext> {
  const feature = new Composer<BotContext>();
  feature.callbackQuery(CHOICE, async (ctx) => {
    const [, departmentId = "", yearText = "", row = "", list = ""] = ctx.match;
    const target = CHOICE_ROWS.get(row);
    const values = list.split(",").map(Number);
    const resolved = await app.workspaces(userIdOf(ctx), app.now());
    const own = resolved.kind === "ready" && resolved.workspace.departmentId === departmentId;
    const year = Number(yearText);
    const stored = own ? await app.store.reports.getReport({ departmentId, year }) : null;
    if (target === undefined || stored === null || values.length !== target.cells.length || target.cells.some((id, index) => valueProblem(id, values[index]) !== null)) {
      return void (await ctx.answerCallbackQuery({ text: ctx.t("chk-choice-refused") }));
    }
    const chosen = Object.fromEntries(target.cells.map((id, index) => [id, values[index] ?? 0]));
    await app.store.reports.updateReport({ departmentId, year }, (current) => ({ report: { ...current.report, values: { ...current.report.values, ...chosen } }, status: current.status }), { by: `tg:${userIdOf(ctx)}`, at: app.now() });
    await ctx.answerCallbackQuery();
    await ctx.editMessageText(ctx.t("chk-chosen", { row: target.label, values: values.join(" | ") }));
  });
  return feature;
}
