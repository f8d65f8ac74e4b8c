import { describe, expect, it } from "vitest";
import { allSplits } from "../../../src/core/import/split-digits.ts";

// With a limit of 1, the one split whose totals add up, [] for none, "too-many" for several.
const split = (tokens: readonly string[], width: number, groupSize: number): number[][] | "too-many" =>
  allSplits(tokens, width, groupSize, 1);

describe("allSplits", () => {
  it("splits 3001004 (six applicants and their total) as 3 0 0 1 0 0 4", () => {
    expect(split(["3001004"], 7, 7)).toEqual([[3, 0, 0, 1, 0, 0, 4]]);
  });

  it("uses the total to place two-digit counts: 120000012 → 12 0 0 0 0 0 12", () => {
    // Nine digits, seven parts: 120 0 0 0 0 1 2 (121 ≠ 2) and 1 20 0 0 0 0 12 (21 ≠ 12) do not add up.
    expect(split(["120000012"], 7, 7)).toEqual([[12, 0, 0, 0, 0, 0, 12]]);
  });

  it("keeps surviving boundaries: 12 0 0 0 0 0 12 stays as given", () => {
    expect(split(["12", "0", "0", "0", "0", "0", "12"], 7, 7)).toEqual([[12, 0, 0, 0, 0, 0, 12]]);
  });

  it("refuses when no split adds up, or more than one does", () => {
    expect(split(["3001005"], 7, 7)).toEqual([]);
    // Six tokens, seven columns: only 11 can split (1 1), and 1+1+0+0+0+1 = 3 ≠ 1.
    expect(split(["1", "1", "0", "0", "0", "11"], 7, 7)).toEqual([]);
    // 03 can only be 0 3, and 2 ≠ 3.
    expect(split(["2", "0", "0", "0", "0", "03"], 7, 7)).toEqual([]);
  });

  it("reports ambiguity when several splits add up", () => {
    // 101000011: 10 1 0 0 0 0 11 and 1 0 10 0 0 0 11 both add up, so none is chosen.
    expect(split(["101000011"], 7, 7)).toBe("too-many");
  });

  it("handles table 4's three groups of four outcomes and a total", () => {
    expect(split(["100120110200000"], 15, 5)).toEqual([[1, 0, 0, 1, 2, 0, 1, 1, 0, 2, 0, 0, 0, 0, 0]]);
  });
});
