// Engine messages as Telegram HTML: escaping, <pre> review blocks, splitting under the limit;
// and the shell-… Fluent keys exist in both languages.
import { readFileSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { translator } from "../../src/i18n.ts";
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
