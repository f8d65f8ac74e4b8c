import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { emptyReport, parseReport, valueProblem } from "../../../src/core/report/schema.ts";

const SEED = JSON.parse(readFileSync(join(import.meta.dirname, "..", "..", "fixtures", "seed-2021.report.json"), "utf8")) as unknown;

describe("valueProblem", () => {
  it("accepts whole counts and fees with up to six decimals (万元 to the 分)", () => {
    expect(valueProblem("t3.new.natural", 0)).toBeNull();
    expect(valueProblem("t3.new.natural", 12)).toBeNull();
    expect(valueProblem("t2.fees", 1.2345)).toBeNull();
    expect(valueProblem("t2.fees", 24252.311082)).toBeNull();
    expect(valueProblem("t2.fees", 4166.241619)).toBeNull();
    expect(valueProblem("t2.fees", 999_999_999.999999)).toBeNull();
    expect(valueProblem("t3.new.natural", 1_000_000_000)).toBeNull();
  });
  it("names each problem", () => {
    expect(valueProblem("t3.new.alien", 1)).toBe("unknown-id");
    expect(valueProblem("t3.new.natural", "3")).toBe("not-a-number");
    expect(valueProblem("t3.new.natural", Number.NaN)).toBe("not-a-number");
    expect(valueProblem("t3.new.natural", -1)).toBe("negative");
    expect(valueProblem("t3.new.natural", 1.5)).toBe("fraction");
    expect(valueProblem("t2.fees", 1.2345678)).toBe("too-many-decimals");
    expect(valueProblem("t2.fees", 0.0000001)).toBe("too-many-decimals");
  });
  it("holds the interview's bounds: at most 1e9, safe integers, no Infinity", () => {
    expect(valueProblem("t2.licensing", 1e308)).toBe("too-large");
    expect(valueProblem("t2.licensing", Number.MAX_SAFE_INTEGER + 2)).toBe("too-large");
    expect(valueProblem("t2.licensing", 1_000_000_001)).toBe("too-large");
    expect(valueProblem("t2.fees", 1e308)).toBe("too-large");
    expect(valueProblem("t2.fees", 1_000_000_000.5)).toBe("too-large");
    expect(valueProblem("t2.fees", Number.POSITIVE_INFINITY)).toBe("not-a-number");
  });
});

describe("parseReport", () => {
  it("rejects 1e308 and unsafe integers read from a file", () => {
    const result = parseReport(JSON.parse('{"format":"nianbao.report/1","meta":{},"text":{},"values":{"t2.licensing":1e308,"t2.penalty":9007199254740993}}'));
    expect(result).toEqual({
      ok: false,
      problems: [
        { path: "values.t2.licensing", code: "too-large" },
        { path: "values.t2.penalty", code: "too-large" },
      ],
    });
  });

  it.each(["values", "text"])("rejects a __proto__ id in %s", (field) => {
    const json = `{"format":"nianbao.report/1","meta":{},"text":{},"values":{}}`.replace(`"${field}":{}`, `"${field}":{"__proto__":1}`);
    expect(parseReport(JSON.parse(json))).toEqual({ ok: false, problems: [{ path: `${field}.__proto__`, code: "unknown-id" }] });
  });

  it("rejects a __proto__ key at the top level and in meta", () => {
    const top = parseReport(JSON.parse('{"__proto__":{"x":1},"format":"nianbao.report/1","meta":{},"text":{},"values":{}}'));
    const meta = parseReport(JSON.parse('{"format":"nianbao.report/1","meta":{"__proto__":{"agency":"x"}},"text":{},"values":{}}'));
    expect(top.ok).toBe(false);
    expect(meta.ok).toBe(false);
  });

  it("rejects prototype keys as unknown ids", () => {
    const result = parseReport({ ...emptyReport(), values: { constructor: 1, toString: 2 }, text: { hasOwnProperty: "x" } });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems.map((problem) => problem.code)).toEqual(["unknown-id", "unknown-id", "unknown-id"]);
  });

  it("keeps a six-decimal fee exactly", () => {
    const result = parseReport({ ...emptyReport(), values: { "t2.fees": 24252.311082 } });
    expect(result.ok && String(result.report.values["t2.fees"])).toBe("24252.311082");
  });

  it("accepts the seed report", () => {
    const result = parseReport(SEED);
    expect(result.ok).toBe(true);
  });

  it("accepts an empty report", () => expect(parseReport(emptyReport({ year: 2022 })).ok).toBe(true));

  it("rejects bad values naming the id", () => {
    const result = parseReport({ ...emptyReport(), values: { "t3.new.natural": -2, "t3.foo.bar": 1, "t2.penalty": 1.5 } });
    expect(result).toEqual({
      ok: false,
      problems: [
        { path: "values.t3.new.natural", code: "negative" },
        { path: "values.t3.foo.bar", code: "unknown-id" },
        { path: "values.t2.penalty", code: "fraction" },
      ],
    });
  });

  it("rejects unknown narrative ids and a wrong format tag", () => {
    const result = parseReport({ format: "other", meta: {}, text: { "s9.x": "…" }, values: {} });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems).toContainEqual({ path: "format", code: "invalid_value" });
    expect(result.problems).toContainEqual({ path: "text.s9.x", code: "unknown-id" });
  });
});
