import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { emptyReport, parseReport, valueProblem } from "../../../src/core/report/schema.ts";

const SEED = JSON.parse(readFileSync(join(import.meta.dirname, "..", "..", "fixtures", "seed-2021.report.json"), "utf8")) as unknown;

describe("valueProblem", () => {
  it("accepts whole counts and fees with up to four decimals", () => {
    expect(valueProblem("t3.new.natural", 0)).toBeNull();
    expect(valueProblem("t3.new.natural", 12)).toBeNull();
    expect(valueProblem("t2.fees", 1.2345)).toBeNull();
  });
  it("names each problem", () => {
    expect(valueProblem("t3.new.alien", 1)).toBe("unknown-id");
    expect(valueProblem("t3.new.natural", "3")).toBe("not-a-number");
    expect(valueProblem("t3.new.natural", Number.NaN)).toBe("not-a-number");
    expect(valueProblem("t3.new.natural", -1)).toBe("negative");
    expect(valueProblem("t3.new.natural", 1.5)).toBe("fraction");
    expect(valueProblem("t2.fees", 1.23456)).toBe("too-many-decimals");
  });
});

describe("parseReport", () => {
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
