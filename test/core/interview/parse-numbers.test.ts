import { describe, expect, it } from "vitest";
import { MAX_ROW_CHARS, parseNumbers } from "../../../src/core/interview/parse-numbers.ts";
import { FEE_DECIMALS } from "../../../src/core/report/schema.ts";

const SIX = { count: 6, names: ["自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他"], decimals: 0 };

describe("parseNumbers", () => {
  it.each([
    ["3 0 1 0 0 0", [3, 0, 1, 0, 0, 0]],
    ["3，0，1，0，0，0", [3, 0, 1, 0, 0, 0]],
    ["3,0,1,0,0,0", [3, 0, 1, 0, 0, 0]],
    ["3、0、1、0、0、0", [3, 0, 1, 0, 0, 0]],
    ["３ ０ １ ０ ０ ０", [3, 0, 1, 0, 0, 0]],
    ["三 零 一 〇 0 十二", [3, 0, 1, 0, 0, 12]],
    ["  3\n0\n1 0 0 0  ", [3, 0, 1, 0, 0, 0]],
    ["3件 0 1 0 0 0", [3, 0, 1, 0, 0, 0]],
    ["0", [0, 0, 0, 0, 0, 0]],
    ["０", [0, 0, 0, 0, 0, 0]],
    ["无", [0, 0, 0, 0, 0, 0]],
    ["自然人3 其他1", [3, 0, 0, 0, 0, 1]],
    ["自然人：3，法律服务机构=2", [3, 0, 0, 0, 2, 0]],
    ["其他 一", [0, 0, 0, 0, 0, 1]],
  ])("reads %j", (text, expected) => {
    expect(parseNumbers(text, SIX)).toEqual({ ok: true, values: expected });
  });

  it.each([
    ["3 0 1", { code: "count", expected: 6, got: 3 }],
    ["3001004", { code: "count", expected: 6, got: 1 }],
    ["3 0 1 0 0 x", { code: "not-number", token: "x" }],
    ["几 0 0 0 0 0", { code: "not-number", token: "几" }],
    ["-3 0 1 0 0 0", { code: "negative", token: "-3" }],
    ["3 0 1.5 0 0 0", { code: "fraction", token: "1.5" }],
    ["", { code: "empty" }],
    ["   ", { code: "empty" }],
    ["自然人3 自然人1", { code: "duplicate-name", name: "自然人" }],
    ["自然人3 多了", { code: "not-number", token: "多了" }],
    ["自然人 其他1", { code: "not-number", token: "自然人" }],
    ["9999999999 0 0 0 0 0", { code: "too-large", token: "9999999999" }],
    ["1/2 0 0 0 0 0", { code: "not-number", token: "1/2" }],
    ["万万 0 0 0 0 0", { code: "malformed-numeral", token: "万万" }],
    ["十十 0 0 0 0 0", { code: "malformed-numeral", token: "十十" }],
    ["千千 0 0 0 0 0", { code: "malformed-numeral", token: "千千" }],
    ["十一百 0 0 0 0 0", { code: "malformed-numeral", token: "十一百" }],
    ["一万万 0 0 0 0 0", { code: "malformed-numeral", token: "一万万" }],
    ["-0 0 0 0 0 0", { code: "negative", token: "-0" }],
    ["负零 0 0 0 0 0", { code: "negative", token: "负零" }],
    ["自然人负零", { code: "negative", token: "负零" }],
  ])("refuses %j", (text, problem) => {
    expect(parseNumbers(text, SIX)).toEqual({ ok: false, problem });
  });

  it("refuses a pasted document where a row is due", () => {
    expect(parseNumbers("1 ".repeat(2500), SIX)).toEqual({ ok: false, problem: { code: "too-long", max: MAX_ROW_CHARS } });
  });

  it("takes up to six decimals of 万元 (to the 分) and no more", () => {
    const fees = { count: 1, decimals: FEE_DECIMALS };
    expect(parseNumbers("24252.311082", fees)).toEqual({ ok: true, values: [24252.311082] });
    expect(parseNumbers("１２.５万元", fees)).toEqual({ ok: true, values: [12.5] });
    expect(parseNumbers("0.0000001", fees)).toEqual({ ok: false, problem: { code: "decimals", token: "0.0000001", max: 6 } });
    expect(parseNumbers("3.0", { count: 1, decimals: 0 })).toEqual({ ok: true, values: [3] });
  });
});

describe("Chinese numerals", () => {
  it.each([
    ["三", 3],
    ["十", 10],
    ["十二", 12],
    ["二十", 20],
    ["一百零五", 105],
    ["两千三百", 2300],
    ["一万二千", 12000],
    ["二〇二一", 2021],
    ["零", 0],
  ])("%s = %i", (text, value) => expect(parseNumbers(text, { count: 1, decimals: 0 })).toEqual({ ok: true, values: [value] }));

  it("are not read out of other text", () => {
    expect(parseNumbers("三只", { count: 1, decimals: 0 })).toEqual({ ok: false, problem: { code: "not-number", token: "三只" } });
  });
});
