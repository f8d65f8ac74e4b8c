// Input DingTalk lets anyone send: group chats, forged taps, files and pictures, huge texts. The
// channel answers each clearly and the stored report changes only on valid input.
import { afterEach, describe, expect, it } from "vitest";
import { renderOutcome, sendMessageLink, templateOf, MARKDOWN_LIMIT, CARD_BUTTONS_MAX } from "../../src/dingtalk/render-markdown.ts";
import { translator } from "../../src/i18n.ts";
import { cardButtons, openDingOfficer, tapContent, type DingOfficer } from "./dingtalk-harness.ts";

let officer: DingOfficer | undefined;
afterEach(async () => officer?.close());
const NOW = "2022-01-10T02:00:00.000Z";
const t = translator("zh-CN");

/** The stored report's answers (not the interview's position). */
async function answers(o: DingOfficer): Promise<string> {
  const record = await o.store.reports.getReport({ departmentId: `pdingtalk-${o.staffId}`, year: 2021 });
  return JSON.stringify({ report: record?.report, status: record?.status, changes: record?.history.length });
}

describe("DingTalk: robustness", () => {
  it("in a group chat says it works one-to-one, through the session webhook, and leaks nothing", async () => {
    const o = (officer = await openDingOfficer({ now: NOW }));
    await o.say("你好");
    await o.say("奉化区应急管理局");
    const sent = o.fake.sent.length;
    await o.fake.deliver({ staffId: o.staffId, text: "/review", conversationType: "2" });
    expect(o.fake.sent.length).toBe(sent);
    expect(o.fake.groupReplies).toEqual([{ msgtype: "text", text: { content: t("dingtalk-group-only") } }]);
    expect(JSON.stringify(o.fake.groupReplies)).not.toContain("奉化");
  }, 60_000);

  it("a forged or stale tap is only text: it changes nothing and gets the engine's answer", async () => {
    const o = (officer = await openDingOfficer({ now: NOW }));
    await o.say("你好");
    await o.say("奉化区应急管理局");
    await o.tap("正确");
    // A yes/no question: its card's "否" is the real tap kept for later.
    const card = o.fake.sent.at(-1);
    expect(card?.msgKey.startsWith("sampleActionCard")).toBe(true);
    const at = await answers(o);
    // Callback data of another version, a label no card offered, a number out of range.
    for (const forged of ["v999:g:y", "正确吗", "#99"]) {
      const reply = await o.say(forged);
      expect(reply.length).toBeGreaterThan(0);
    }
    expect(await answers(o)).toBe(at);
    // The real tap still works afterwards.
    const [, url] = (card === undefined ? [] : cardButtons(card)).find(([title]) => title.includes("否")) ?? ["", ""];
    await o.say(tapContent(url));
    expect(await answers(o)).not.toBe(at);
    expect(o.fake.unacked()).toEqual([]);
  }, 60_000);

  it("a file or a picture gets the interview's answer for it, not a crash", async () => {
    const o = (officer = await openDingOfficer({ now: NOW }));
    await o.say("你好");
    await o.say("奉化区应急管理局");
    const before = o.fake.sent.length;
    await o.fake.deliver({ staffId: o.staffId, file: { fileName: "去年.docx", bytes: new Uint8Array([1, 2, 3]) } });
    expect(o.fake.sent.length).toBeGreaterThan(before);
  }, 60_000);

  it("renders long replies within DingTalk's limits, buttons at most five to a card, and no markup from the text", () => {
    const long = { kind: "replies" as const, replies: [{ kind: "message" as const, lines: [{ key: "shell-stranger" }], mono: Array.from({ length: 400 }, (_, i) => `<b>行${i}</b> *x* [a](b)`).join("\n") }] };
    const rendered = renderOutcome(t, long);
    expect(rendered.messages.length).toBeGreaterThan(1);
    for (const message of rendered.messages) {
      if (message.kind === "file") continue;
      expect(message.text.length).toBeLessThanOrEqual(MARKDOWN_LIMIT);
      expect(message.text).not.toMatch(/<b>|&lt;|&amp;/u);
      expect(message.text).not.toMatch(/(?<!\\)\*x(?<!\\)\*/u);
    }
    const buttons = Array.from({ length: 12 }, (_, i) => ({ label: { key: "dingtalk-title" }, data: `v1:j:${i}` }));
    const withButtons = renderOutcome(t, { kind: "replies", replies: [{ kind: "message", lines: [{ key: "shell-stranger" }], buttons: [buttons] }] });
    const cards = withButtons.messages.filter((m) => m.kind === "card");
    expect(cards.map((card) => (card.kind === "card" ? card.buttons.length : 0))).toEqual([5, 5, 2]);
    expect(withButtons.choices).toHaveLength(12);
    // Twelve buttons share one label: each tap sends its number, so it picks that button.
    const first = cards[0];
    if (first?.kind !== "card") throw new Error("no card");
    expect(first.buttons.map((b) => b.content)).toEqual(["#1", "#2", "#3", "#4", "#5"]);
    const template = templateOf(first);
    expect(template.msgKey).toBe(`sampleActionCard${CARD_BUTTONS_MAX}`);
    expect(template.msgParam["actionURL1"]).toBe(sendMessageLink("#1"));
    expect(sendMessageLink("#1")).toBe("dtmd://dingtalkclient/sendMessage?content=%231");
  });
});
