// The real bot over real HTTP against the fake Bot API: help, language, fallbacks, groups.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import {
  callbackQuery, contact, document, editedMessage, groupMessage, location, photo, startHarness, sticker, textMessage, textOf, user, voice, type Harness,
} from "../support/bot-harness.ts";
import { addressesBot } from "../../src/telegram/features/basics.ts";

let h: Harness;
beforeEach(async () => { h = await startHarness(); });
afterEach(() => h.close());

const zh = user({ id: 501, language_code: "zh-hans" });
const en = user({ id: 502, language_code: "en-GB" });

describe("basics feature", () => {
  it("/help answers in Chinese for a Chinese client and lists every command", async () => {
    const calls = await h.send(textMessage("/help", zh));
    expect(calls.map((c) => c.method)).toEqual(["sendMessage"]);
    expect(calls[0]?.chatId).toBe(501);
    const text = textOf(calls[0]);
    expect(text).toContain("可用命令");
    for (const command of ["/start", "/report", "/review", "/edit", "/export", "/lang", "/help", "/cancel", "/status", "/summary"]) expect(text).toContain(command);
    expect(text).toContain("生成 Word 文档");
    expect(text).not.toMatch(/[\u2068\u2069]/); // no Fluent isolation marks
  });

  it("/help answers in English for an English client", async () => {
    const text = textOf((await h.send(textMessage("/help", en)))[0]);
    expect(text).toContain("Commands:");
    expect(text).toContain("/export — Produce the Word document");
    expect(text).not.toMatch(/[\u4e00-\u9fff]{2}/);
  });

  it("/lang offers both languages and a choice sticks for later messages", async () => {
    const [menu] = await h.send(textMessage("/lang", zh));
    const keyboard = menu?.params["reply_markup"] as { inline_keyboard: { text: string; callback_data: string }[][] };
    const buttons = keyboard.inline_keyboard.flat();
    expect(buttons.map((b) => b.text)).toEqual(["简体中文", "English"]);
    const english = buttons.find((b) => b.text === "English")?.callback_data ?? "";

    const calls = await h.send(callbackQuery(english, zh, { message_id: Number((menu?.result as { message_id: number }).message_id) }));
    expect(calls.map((c) => c.method)).toEqual(["answerCallbackQuery", "editMessageText"]);
    expect(calls[0]?.params["text"]).toBe("Language switched to English.");
    expect(textOf(calls[1])).toBe("Language switched to English.");
    // The Chinese client now gets English, until switched back.
    expect(textOf((await h.send(textMessage("/help", zh)))[0])).toContain("Commands:");
    await h.send(callbackQuery("lang:zh-CN", zh));
    expect(textOf((await h.send(textMessage("/help", zh)))[0])).toContain("可用命令");
  });

  it("answers each unsupported kind of message in the officer's language", async () => {
    const cases: [string, Awaited<ReturnType<Harness["send"]>>][] = [
      ["贴纸", await h.send(sticker(zh))],
      ["图片", await h.send(photo(zh))],
      ["语音", await h.send(voice(zh))],
      ["位置", await h.send(location(zh))],
      ["名片", await h.send(contact(zh))],
      ["文件", await h.send(document(h.api, Buffer.from("x"), "报告.docx", zh))],
      ["修改已发送的消息", await h.send(editedMessage("改一下", zh))],
      ["/report", await h.send(textMessage("随便说点什么", zh))],
      ["没有这个命令", await h.send(textMessage("/frobnicate", zh))],
    ];
    for (const [expected, calls] of cases) {
      expect(calls.map((c) => c.method)).toEqual(["sendMessage"]);
      expect(textOf(calls[0])).toContain(expected);
    }
    expect(textOf((await h.send(sticker(en)))[0])).toContain("sticker");
    expect(textOf((await h.send(photo(en)))[0])).toContain("pictures");
    expect(textOf((await h.send(textMessage("hello", en)))[0])).toMatch(/\/start.*\/report/);
  });

  it("/start greets until the interview feature takes it over", async () => {
    expect(textOf((await h.send(textMessage("/start", zh)))[0])).toContain("/report");
  });

  it("a forged or outdated callback gets answerCallbackQuery so the spinner stops", async () => {
    const calls = await h.send(callbackQuery("wizard:step:99", en));
    expect(calls.map((c) => c.method)).toEqual(["answerCallbackQuery"]);
    expect(calls[0]?.params["text"]).toBe("This button is out of date; please use the latest message.");
    const forgedLang = await h.send(callbackQuery("lang:fr", zh));
    expect(forgedLang[0]?.params["text"]).toBe("这个按钮已失效，请使用最新的消息。");
  });

  it("stays quiet in groups unless addressed, then points to a private chat", async () => {
    expect(await h.send(groupMessage("大家好"))).toEqual([]);
    expect(await h.send(groupMessage("/help"))).toEqual([]);
    const calls = await h.send(groupMessage(`@${h.api.botInfo.username} 帮我填年报`));
    expect(calls.map((c) => c.method)).toEqual(["sendMessage"]);
    expect(calls[0]?.chatId).toBe(-100123);
    expect(textOf(calls[0])).toContain("私聊");
  });

  it("recognises being addressed by mention or reply", () => {
    const base = { message_id: 1, date: 0, chat: { id: -1, type: "group" as const, title: "g" } };
    expect(addressesBot({ ...base, text: "hi @NianBao_Test_Bot" }, 7, "nianbao_test_bot")).toBe(true);
    expect(addressesBot({ ...base, text: "hi", reply_to_message: { ...base, from: { id: 7, is_bot: true, first_name: "b" } } } as never, 7, "nianbao_test_bot")).toBe(true);
    expect(addressesBot({ ...base, text: "hi @someone_else" }, 7, "nianbao_test_bot")).toBe(false);
  });
});
