import { describe, expect, it } from "vitest";
import { percentile, summarise } from "../../bench/stats.ts";

describe("bench stats (nearest rank)", () => {
  it("picks the value at ceil(p% · n) in sorted order, whatever the input order", () => {
    const values = [9, 1, 8, 2, 7, 3, 6, 4, 5, 10];
    expect(percentile(values, 50)).toBe(5);
    expect(percentile(values, 99)).toBe(10);
    expect(percentile(values, 10)).toBe(1);
    expect(percentile([], 50)).toBeNaN();
  });

  it("summarises count, median, p99 and mean", () => {
    expect(summarise([4, 2, 6])).toEqual({ n: 3, p50: 4, p99: 6, mean: 4 });
  });
});
