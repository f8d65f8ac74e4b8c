import { describe, expect, it } from "vitest";
import { parseNumber } from "../../../src/core/report/chinese-number.ts";

describe("parseNumber", () => {
  it.each([
    ["83", 83],
    ["８３", 83],
    ["〇", 0],
    ["零", 0],
    ["七", 7],
    ["两", 2],
    ["十", 10],
    ["十三", 13],
    ["二十", 20],
    ["八十三", 83],
    ["一百零五", 105],
    ["三千二百", 3200],
    ["一万二千", 12000],
    ["二〇二一", 2021],
  ])("%s → %d", (token, value) => expect(parseNumber(token)).toBe(value));

  it("refuses what it does not understand", () => {
    expect(parseNumber("")).toBeUndefined();
    expect(parseNumber("三四十")).toBeUndefined();
    expect(parseNumber("abc")).toBeUndefined();
  });
});
