// Table-3 rows read several ways are chosen jointly by the column rules; when the report breaks
// the rules itself, only a unique least-violating combination is taken; otherwise rows stay open.
import { describe, expect, it } from "vitest";
import { allSplits } from "../../../src/core/import/split-digits.ts";
import { chooseJointly } from "../../../src/core/import/t3-joint.ts";
import { T3_RESULT_ROWS } from "../../../src/core/report/format.ts";

const zero = [0, 0, 0, 0, 0, 0, 0];
/** Every row settled at zero except those given. */
function readings(rows: Record<string, number[][]>): Map<string, number[][]> {
  const map = new Map<string, number[][]>([["new", [zero]], ["carriedOver", [zero]], ["resultTotal", [zero]], ["carriedForward", [zero]]]);
  for (const row of T3_RESULT_ROWS) map.set(row.key, [zero]);
  for (const [key, options] of Object.entries(rows)) map.set(key, options);
  return map;
}

describe("chooseJointly", () => {
  it("settles a row whose readings only one of which balances the columns", () => {
    // 101000011 reads 10 1 0 0 0 0 11 or 1 0 10 0 0 0 11: 三（七）and 四 decide.
    const options = allSplits(["101000011"], 7, 7, 10);
    expect(options).toHaveLength(2);
    const choice = chooseJointly(readings({ new: options as number[][], granted: [[10, 1, 0, 0, 0, 0, 11]], resultTotal: [[10, 1, 0, 0, 0, 0, 11]] }));
    expect(choice).toMatchObject({ open: [], violations: 0 });
    expect(choice.chosen.get("new")).toEqual([10, 1, 0, 0, 0, 0, 11]);
  });

  it("leaves a row open when the rules cannot tell its readings apart", () => {
    const a = [10, 1, 0, 0, 0, 0, 11];
    const b = [1, 0, 10, 0, 0, 0, 11];
    // Both the new row and the granted row read both ways: either pairing balances.
    const choice = chooseJointly(readings({ new: [a, b], granted: [a, b], resultTotal: [a, b] }));
    expect(choice.open).toEqual(expect.arrayContaining(["new", "granted", "resultTotal"]));
  });

  it("takes the unique least-violating reading of a report that breaks the rules, and counts the violations", () => {
    const a = [10, 1, 0, 0, 0, 0, 11];
    const b = [1, 0, 10, 0, 0, 0, 11];
    // 三（七）printed as a (one reading), but 予以公开 carries a plus one in 自然人: nothing balances;
    // reading a breaks 2 rules (自然人 column twice) and b breaks more.
    const choice = chooseJointly(readings({ new: [a, b], granted: [[11, 1, 0, 0, 0, 0, 12]], resultTotal: [a] }));
    expect(choice.open).toEqual([]);
    expect(choice.chosen.get("new")).toEqual(a);
    expect(choice.violations).toBeGreaterThan(0);
  });
});
