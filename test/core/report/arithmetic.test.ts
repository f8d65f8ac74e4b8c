import { describe, expect, it } from "vitest";
import { BALANCE_RULES, SUM_RULES, deriveTotals, sumOf, withTotals } from "../../../src/core/report/arithmetic.ts";
import { busyReport, zeroReport } from "../../support/report-builders.ts";

describe("arithmetic rules as data", () => {
  it("has 25 row totals, 7 result totals, 3 table-4 totals and 7 balances", () => {
    expect(SUM_RULES.filter((rule) => rule.rule === "t3-row-total")).toHaveLength(25);
    expect(SUM_RULES.filter((rule) => rule.rule === "t3-result-total")).toHaveLength(7);
    expect(SUM_RULES.filter((rule) => rule.rule === "t4-group-total")).toHaveLength(3);
    expect(BALANCE_RULES).toHaveLength(7);
  });
});

describe("deriveTotals", () => {
  it("derives the busy report's totals (worked out by hand in the builder)", () => {
    const derived = deriveTotals(busyReport().values);
    expect(derived["t3.new.total"]).toBe(57);
    expect(derived["t3.carriedOver.total"]).toBe(6);
    expect(derived["t3.resultTotal.natural"]).toBe(6);
    expect(derived["t3.resultTotal.other"]).toBe(11);
    expect(derived["t3.resultTotal.total"]).toBe(51);
    expect(derived["t3.carriedForward.total"]).toBe(12);
    expect(derived["t4.review.total"]).toBe(5);
    expect(derived["t4.suitDirect.total"]).toBe(4);
  });

  it("leaves a total out while one of its cells is unanswered", () => {
    const values = { ...zeroReport().values };
    delete values["t3.granted.natural"];
    const derived = deriveTotals(values);
    expect(derived["t3.resultTotal.natural"]).toBeUndefined();
    expect(derived["t3.granted.total"]).toBeUndefined();
    expect(derived["t3.new.total"]).toBe(0);
  });

  it("ignores printed totals", () => {
    const values = withTotals({ ...busyReport().values, "t3.new.total": 999 });
    expect(values["t3.new.total"]).toBe(57);
  });

  it("sums only known cells", () => {
    expect(sumOf({ a: 1, b: 2 }, ["a", "b"])).toBe(3);
    expect(sumOf({ a: 1 }, ["a", "b"])).toBeUndefined();
  });
});
