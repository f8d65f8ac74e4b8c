// /lang in DingTalk: the choice is kept for the person id `dingtalk-<staffId>` like a Telegram
// user's, every reply after it is in that language (also after a restart), and the interview's
// buttons offered before the switch still work.
import { afterEach, describe, expect, it } from "vitest";
import { AGENCY_MAX_CHARS, AGENCY_MIN_CHARS } from "../../src/app/workspace.ts";
import { translator } from "../../src/i18n.ts";
import { cardButtons, openDingOfficer, tapContent, type DingOfficer } from "./dingtalk-harness.ts";

let officer: DingOfficer | undefined;
afterEach(async () => officer?.close());
const NOW = "2022-01-10T02:00:00.000Z";
const en = translator("en");
const zh = translator("zh-CN");

describe("DingTalk: /lang", () => {
  it("offers each language in its own script; a tap switches the person's replies, kept across a restart", async () => {
    const o = (officer = await openDingOfficer({ now: NOW }));
    await o.say("你好");
    await o.say("奉化区应急管理局");
    const choose = await o.say("/lang");
    expect(choose).toHaveLength(1);
    const card = choose[0];
    if (card === undefined) throw new Error("no card");
    expect(o.texts(choose)[0]).toBe(zh("bot-lang-choose"));
    // Each button sends a /lang command: stateless, the interview's buttons stay offered.
    expect(cardButtons(card).map(([title, url]) => [title, tapContent(url)])).toEqual([["简体中文", "/lang zh-CN"], ["English", "/lang en"]]);

    const set = await o.tap("English");
    expect(o.texts(set)).toEqual([en("bot-lang-set")]);
    expect((await o.store.user("dingtalk-manager4242").read()).locale).toBe("en");

    // The agency question's 「正确」 was offered in Chinese before the switch: still picks it; the next question is in English.
    const next = o.texts(await o.tap("正确")).join("\n");
    expect(next).toContain(en("dingtalk-choices-hint"));
    expect(next).not.toContain(zh("dingtalk-choices-hint"));
    expect(o.texts(await o.say("/nonsense")).join("")).toBe(en("shell-console-unknown-command", { command: "/nonsense" }));

    await o.restart();
    expect(o.texts(await o.say("/nonsense")).join("")).toBe(en("shell-console-unknown-command", { command: "/nonsense" }));
    await o.channel.sendText("dingtalk-manager4242", "Reminder");
    expect(o.fake.sent.at(-1)?.param["text"]).toBe("Reminder");

    // Back to Chinese by typing the command; an unknown language offers the card again.
    expect(o.texts(await o.say("/lang fr"))).toEqual([en("bot-lang-choose")]);
    expect(o.texts(await o.say("/lang zh-CN"))).toEqual([zh("bot-lang-set")]);
    expect(o.texts(await o.say("/nonsense")).join("")).toBe(zh("shell-console-unknown-command", { command: "/nonsense" }));
    expect(o.fake.unacked()).toEqual([]);
  }, 60_000);

  it("the first ever message may be /lang: the greeting then comes in the chosen language", async () => {
    const o = (officer = await openDingOfficer({ now: NOW, staffId: "clerk77" }));
    expect(o.texts(await o.say("/lang en"))).toEqual([en("bot-lang-set")]);
    const greeting = o.texts(await o.say("hello")).join("\n");
    expect(greeting).toBe(en("shell-agency-ask", { min: String(AGENCY_MIN_CHARS), max: String(AGENCY_MAX_CHARS) }).replaceAll("\n", "  \n"));
  }, 60_000);
});
