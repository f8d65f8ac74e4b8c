import { describe, expect, it } from "vitest";
import { splitDigits } from "../../../src/core/import/split-digits.ts";

describe("splitDigits", () => {
  it("splits 3001004 (six applicants and their total) as 3 0 0 1 0 0 4", () => {
    expect(splitDigits(["3001004"], 7, 7)).toEqual({ kind: "unique", values: [3, 0, 0, 1, 0, 0, 4] });
  });

  it("uses the total to place two-digit counts: 120000012 → 12 0 0 0 0 0 12", () => {
    // Nine digits, seven parts: 120 0 0 0 0 1 2 (121 ≠ 2) and 1 20 0 0 0 0 12 (21 ≠ 12) do not add up.
    expect(splitDigits(["120000012"], 7, 7)).toEqual({ kind: "unique", values: [12, 0, 0, 0, 0, 0, 12] });
  });

  it("keeps surviving boundaries: 12 0 0 0 0 0 12 stays as given", () => {
    expect(splitDigits(["12", "0", "0", "0", "0", "0", "12"], 7, 7)).toEqual({ kind: "unique", values: [12, 0, 0, 0, 0, 0, 12] });
  });

  it("refuses when no split adds up, or more than one does", () => {
    expect(splitDigits(["3001005"], 7, 7)).toEqual({ kind: "none" });
    // Six tokens, seven columns: only 11 can split (1 1), and 1+1+0+0+0+1 = 3 ≠ 1.
    expect(splitDigits(["1", "1", "0", "0", "0", "11"], 7, 7).kind).toBe("none");
    // 03 can only be 0 3, and 2 ≠ 3.
    expect(splitDigits(["2", "0", "0", "0", "0", "03"], 7, 7).kind).toBe("none");
  });

  it("reports ambiguity when several splits add up", () => {
    // 101000011: 10 1 0 0 0 0 11 and 1 0 10 0 0 0 11 both add up, so none is chosen.
    expect(splitDigits(["101000011"], 7, 7)).toEqual({ kind: "ambiguous" });
  });

  it("handles table 4's three groups of four outcomes and a total", () => {
    expect(splitDigits(["100120110200000"], 15, 5)).toEqual({
      kind: "unique",
      values: [1, 0, 0, 1, 2, 0, 1, 1, 0, 2, 0, 0, 0, 0, 0],
    });
  });
});
