import { describe, expect, it } from "vitest";
import { similarity } from "../../../src/core/report/narrative-checks.ts";

describe("similarity (character-bigram Dice)", () => {
  it("is 1 for equal texts, also after whitespace and changed numbers", () => {
    expect(similarity("加强培训", "加强培训")).toBe(1);
    expect(similarity("2021年加强 培训", "2022年加强培训")).toBe(1);
  });

  it("is 0 for texts with no bigram in common", () => {
    expect(similarity("加强培训", "完善制度")).toBe(0);
    expect(similarity("", "完善制度")).toBe(0);
  });

  it("counts shared bigrams: 加强培训 vs 加强学习 share 加强 of 3 + 3 → 2·1/6", () => {
    expect(similarity("加强培训", "加强学习")).toBeCloseTo(1 / 3, 10);
  });

  it("scores a lightly edited copy high and a rewrite low", () => {
    const base = "一是部分业务科室对政务公开工作重要性认识不到位，主动性不够，工作积极性有待提高。下一步将组织学习。";
    const edited = base.replace("有待提高", "仍需提高");
    expect(similarity(base, edited)).toBeGreaterThan(0.9);
    expect(similarity(base, "本年度政策解读形式较为单一，图解和视频解读偏少，将增加多种形式的解读。")).toBeLessThan(0.3);
  });
});
