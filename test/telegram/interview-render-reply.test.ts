// Engine messages as Telegram HTML: escaping, <pre> review blocks, splitting under the limit;
// and the shell-… Fluent keys exist in both languages.
import { readFileSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { translator } from "../../src/i18n.ts";
import type { OutboxMessage } from "../../src/app/outbox.ts";
import { joinNotes } from "../../src/telegram/features/interview.ts";
import { MESSAGE_LIMIT, renderMessage } from "../../src/telegram/render-reply.ts";

const t = translator("zh-CN");
const ROOT = join(import.meta.dirname, "..", "..");

describe("renderMessage", () => {
  it("escapes officer text and puts the review block in <pre>", () => {
    const [message, ...rest] = renderMessage(t, { lines: [{ key: "interview-current-text", params: { chars: "9", preview: "a<b>&c" } }], mono: "  规章 <1>\n  行政许可 64" });
    expect(rest).toEqual([]);
    expect(message?.text).toBe("当前内容（9 字）：a&lt;b&gt;&amp;c\n<pre>  规章 &lt;1&gt;\n  行政许可 64</pre>");
  });

  it("splits long text and long blocks under the limit, keyboard on the last part", () => {
    const long = "政".repeat(9000);
    const mono = Array.from({ length: 400 }, (_, i) => `行${i} ${"<".repeat(20)}`).join("\n");
    const messages = renderMessage(t, { lines: [{ key: "interview-current-text", params: { chars: "9000", preview: long } }], mono, buttons: [[{ label: { key: "interview-btn-yes" }, data: "v1:g:y" }]] });
    expect(messages.length).toBeGreaterThan(3);
    for (const message of messages) expect(message.text.length).toBeLessThanOrEqual(MESSAGE_LIMIT);
    for (const message of messages.filter((m) => m.text.includes("<pre>"))) expect(message.text).toMatch(/<pre>[^]*<\/pre>$/u);
    expect(messages.map((m) => m.keyboard !== undefined)).toEqual([...messages.slice(1).map(() => false), true]);
    const joined = messages.map((m) => m.text).join("");
    expect(joined.split("政").length - 1).toBe(9000);
    expect(joined.split("&lt;").length - 1).toBe(400 * 20);
  });
});

describe("shell locales", () => {
  const keys = (locale: string): string[] =>
    [...readFileSync(join(ROOT, "locales", locale, "shell.ftl"), "utf8").matchAll(/^(shell-[a-z0-9-]+)\s*=/gm)].map((m) => m[1] ?? "").sort();
  const sources = (dir: string): string[] =>
    readdirSync(dir).flatMap((name) => (statSync(join(dir, name)).isDirectory() ? sources(join(dir, name)) : name.endsWith(".ts") ? [join(dir, name)] : []));

  it("defines the same shell- keys in both languages, covering every key the shells use", () => {
    expect(keys("en")).toEqual(keys("zh-CN"));
    const used = ["telegram", "console", "app"].flatMap((dir) => sources(join(ROOT, "src", dir))).flatMap((file) => [...readFileSync(file, "utf8").matchAll(/"(shell-[a-z0-9-]+)"/g)].map((m) => m[1] ?? ""));
    expect(used.length).toBeGreaterThan(5);
    expect(used.filter((key) => !keys("zh-CN").includes(key))).toEqual([]);
  });
});

describe("joinNotes", () => {
  const note = (text: string): OutboxMessage => ({ kind: "text", text, html: true });
  const question = (text: string): OutboxMessage => ({ kind: "text", text, html: true, keyboard: [[{ text: "跳过", callback_data: "v1:s" }]] });
  const doc: OutboxMessage = { kind: "document", fileName: "年报.docx", base64: "UEs=" };

  it("puts a note and the question after it in one message, keeping the question's buttons", () => {
    expect(joinNotes([note("已保存。"), question("▓░ 4/46 请输入")])).toEqual([{ ...question("已保存。\n\n▓░ 4/46 请输入") }]);
  });

  it("leaves a message with buttons, a document and plain text apart, and keeps the order", () => {
    const plain: OutboxMessage = { kind: "text", text: "纯文本", html: false };
    const messages = [question("一"), note("二"), doc, note("三"), plain, question("四")];
    expect(joinNotes(messages)).toEqual(messages);
  });

  it("joins several notes, but never past Telegram's limit", () => {
    expect(joinNotes([note("甲"), note("乙"), question("丙")])).toEqual([question("甲\n\n乙\n\n丙")]);
    const long = note("年".repeat(MESSAGE_LIMIT - 5));
    const joined = joinNotes([long, question("请输入下一行")]);
    expect(joined).toEqual([long, question("请输入下一行")]);
    for (const message of joined) if (message.kind === "text") expect(message.text.length).toBeLessThanOrEqual(MESSAGE_LIMIT);
  });
});
