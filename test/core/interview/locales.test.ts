// Every interview key the engine can emit exists in both interview.ftl files, and they agree.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ftlKeys } from "./driver.ts";

const SRC = join(import.meta.dirname, "..", "..", "..", "src", "core", "interview");

function usedKeys(): Set<string> {
  const keys = new Set<string>();
  for (const file of readdirSync(SRC).filter((name) => name.endsWith(".ts"))) {
    for (const match of readFileSync(join(SRC, file), "utf8").matchAll(/"(interview-[a-z0-9-]+)"/gu)) keys.add(match[1] ?? "");
  }
  return keys;
}

describe("interview locales", () => {
  const zh = ftlKeys("zh-CN");
  const en = ftlKeys("en");

  it("define every key the engine uses", () => {
    const used = [...usedKeys()];
    expect(used.length).toBeGreaterThan(50);
    expect(used.filter((key) => !zh.has(key))).toEqual([]);
    expect(used.filter((key) => !en.has(key))).toEqual([]);
  });

  it("have the same keys in zh-CN and en, none unused", () => {
    expect([...zh].sort()).toEqual([...en].sort());
    const used = usedKeys();
    expect([...zh].filter((key) => !used.has(key))).toEqual([]);
  });
});
