// The fake Bot API refuses what Telegram refuses (issue 11 item 5), so the suite catches such calls.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { Api, InlineKeyboard, InputFile } from "grammy";
import { FakeBotApi } from "../support/fake-bot-api.ts";
import { parseHtml } from "../support/bot-api-limits.ts";

const TOKEN = "42:SECRET";
let fake: FakeBotApi;
let api: Api;

beforeEach(async () => {
  fake = await FakeBotApi.start();
  api = new Api(TOKEN, { apiRoot: fake.apiRoot, timeoutSeconds: 5 });
});
afterEach(() => fake.close());

const refused = (promise: Promise<unknown>): Promise<unknown> => expect(promise).rejects.toMatchObject({ error_code: 400 });

describe("fake Bot API limits", () => {
  it("refuses callback_data outside 1–64 bytes, more than 100 buttons and empty rows", async () => {
    await refused(api.sendMessage(1, "x", { reply_markup: new InlineKeyboard().text("a", "") }));
    await refused(api.sendMessage(1, "x", { reply_markup: new InlineKeyboard().text("a", "字".repeat(22)) })); // 66 bytes
    await api.sendMessage(1, "x", { reply_markup: new InlineKeyboard().text("a", "字".repeat(21)) }); // 63 bytes
    const many = new InlineKeyboard();
    for (let i = 0; i < 101; i += 1) many.text(String(i), `d${i}`).row();
    await refused(api.sendMessage(1, "x", { reply_markup: many }));
    await refused(api.sendMessage(1, "x", { reply_markup: { inline_keyboard: [[{ text: "a", callback_data: "a" }], []] } }));
    await refused(api.sendMessage(1, "x", { reply_markup: { inline_keyboard: [[{ text: " ", callback_data: "a" }]] } }));
  });

  it("refuses bad HTML, empty and overlong text, overlong captions", async () => {
    await refused(api.sendMessage(1, "a & b", { parse_mode: "HTML" }));
    await refused(api.sendMessage(1, "<b>open", { parse_mode: "HTML" }));
    await refused(api.sendMessage(1, "<b><i>x</b></i>", { parse_mode: "HTML" }));
    await refused(api.sendMessage(1, "<p>x</p>", { parse_mode: "HTML" }));
    await refused(api.sendMessage(1, "<b> </b>", { parse_mode: "HTML" }));
    await api.sendMessage(1, "<b>总计</b> &lt;5&gt; &amp; &#20013;", { parse_mode: "HTML" });
    await api.sendMessage(1, "a & b"); // plain text: & is just a character
    await refused(api.sendMessage(1, "字".repeat(4097)));
    await api.sendMessage(1, `<b>${"字".repeat(4096)}</b>`, { parse_mode: "HTML" }); // counted after parsing
    await refused(api.sendDocument(1, new InputFile(Buffer.from("x"), "a.docx"), { caption: "字".repeat(1025) }));
    await api.sendDocument(1, new InputFile(Buffer.from("x"), "a.docx"), { caption: "字".repeat(1024) });
    expect(parseHtml("<pre>1 &lt; 2</pre>")).toEqual({ ok: true, text: "1 x 2" });
  });
});
