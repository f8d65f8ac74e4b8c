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
    ["一千零五", 1005],
    ["一千零五十", 1050],
    ["一万零五百", 10500],
    ["十万零三", 100003],
    ["一十二", 12],
    ["一百一十", 110],
    ["两千三百", 2300],
    ["两万", 20000],
    ["九千九百九十九万九千九百九十九", 99999999],
  ])("%s → %d", (token, value) => expect(parseNumber(token)).toBe(value));

  it("refuses what it does not understand", () => {
    expect(parseNumber("")).toBeUndefined();
    expect(parseNumber("三四十")).toBeUndefined();
    expect(parseNumber("abc")).toBeUndefined();
  });

  it.each(["万万", "十十", "千千", "十一百", "一万万", "万", "百", "零十", "一千五", "一百零零五", "一千零百", "二十一十", "一万零", "五十零"])(
    "refuses the malformed numeral %s instead of inventing a value",
    (token) => expect(parseNumber(token)).toBeUndefined(),
  );
});
