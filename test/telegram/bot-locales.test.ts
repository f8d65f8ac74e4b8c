// Every bot-… key exists in both languages, and every key the Telegram shell uses is defined.
import { readFileSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = join(import.meta.dirname, "..", "..");

function keysOf(locale: string): Set<string> {
  const text = readFileSync(join(ROOT, "locales", locale, "bot.ftl"), "utf8");
  return new Set([...text.matchAll(/^(bot-[a-z0-9-]+)\s*=/gm)].map((m) => m[1] ?? ""));
}

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sources(path) : path.endsWith(".ts") ? [path] : [];
  });
}

describe("bot locales", () => {
  const zh = keysOf("zh-CN");
  const en = keysOf("en");

  it("zh-CN and en define the same bot- keys", () => {
    expect(zh.size).toBeGreaterThan(10);
    expect([...en].sort()).toEqual([...zh].sort());
  });

  it("every bot- key used under src/telegram is defined", () => {
    const used = sources(join(ROOT, "src", "telegram")).flatMap((file) => [...readFileSync(file, "utf8").matchAll(/["'`](bot-[a-z0-9-]+)["'`]/g)].map((m) => m[1] ?? ""));
    expect(used.length).toBeGreaterThan(10);
    expect(used.filter((key) => !zh.has(key))).toEqual([]);
  });
});
