import { describe, expect, it } from "vitest";
import { localeFor, translator } from "../src/i18n.ts";

describe("localeFor", () => {
  it.each([
    ["en", "en"],
    ["en-GB", "en"],
    ["en_US.UTF-8", "en"],
    ["EN", "en"],
    ["zh-hans", "zh-CN"],
    ["zh_CN.UTF-8", "zh-CN"],
    ["C.UTF-8", "zh-CN"],
    ["ene", "zh-CN"],
    [undefined, "zh-CN"],
  ])("%s → %s", (code, locale) => expect(localeFor(code)).toBe(locale));
});

describe("translator", () => {
  it("falls back to zh-CN for a key missing in en, and to the key itself when missing everywhere", () => {
    expect(translator("en")("no-such-key-anywhere")).toBe("no-such-key-anywhere");
    expect(translator("zh-CN")("app-name")).toBe("年报助手");
  });
});
