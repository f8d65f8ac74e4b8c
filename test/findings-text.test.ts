// Findings and schema problems as sentences, in both locales, read from the real .ftl files.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { checkReport } from "../src/core/report/check.ts";
import type { Finding } from "../src/core/report/findings.ts";
import { RULES } from "../src/core/report/rules.ts";
import { parseReport } from "../src/core/report/schema.ts";
import { findingSentence, schemaProblemSentence } from "../src/findings-text.ts";
import { LOCALES, LOCALES_DIR, translator } from "../src/i18n.ts";
import { busyReport, withBadValues, withValues } from "./support/report-builders.ts";

const RULE_IDS = RULES.map((rule) => rule.id);

const zh = translator("zh-CN");
const en = translator("en");

function keysIn(locale: string, file: string): string[] {
  const text = readFileSync(join(LOCALES_DIR, locale, file), "utf8");
  return [...text.matchAll(/^([a-z][a-z0-9-]*)\s*=/gm)].map((match) => match[1] ?? "");
}

describe("locales", () => {
  for (const locale of LOCALES) {
    it(`${locale} has a sentence for every rule`, () => {
      const keys = keysIn(locale, "findings.ftl");
      for (const rule of RULE_IDS) expect(keys, rule).toContain(`findings-${rule}`);
    });
  }

  it("has the same keys in both locales", () => {
    for (const file of ["findings.ftl", "schema.ftl"]) expect(keysIn("en", file)).toEqual(keysIn("zh-CN", file));
  });
});

describe("findingSentence", () => {
  it("names a printed total in the officer's terms", () => {
    const finding: Finding = { rule: "t3-result-total", severity: "error", cells: ["t3.resultTotal.natural"], expected: 5, actual: 4 };
    expect(findingSentence(zh, finding)).toMatch(/^三、本年度办理结果（七）总计·自然人 应为 5，实为 4。/);
    expect(findingSentence(en, finding)).toMatch(/^三、本年度办理结果（七）总计·自然人 \(row · column\) should be 5 but is 4\./);
  });

  it("states the balance of a column", () => {
    const report = withValues(busyReport(), { "t3.carriedForward.natural": 1 });
    const [finding] = checkReport(report);
    expect(finding?.rule).toBe("t3-balance");
    expect(findingSentence(zh, finding as Finding)).toMatch(/^自然人 一栏：一\+二（新收\+上年结转）= 8，三（七）总计\+四（结转下年度）= 7，两者应相等。/);
    expect(findingSentence(en, finding as Finding)).toMatch(/^Column 自然人: 一 \+ 二 \(new \+ carried over\) = 8, but 三（七）总计 \+ 四 \(carried forward\) = 7/);
  });

  it("says what is wrong with a bad value", () => {
    const findings = checkReport(withBadValues(busyReport(), { "t3.new.natural": 1.5, "t2.fees": "abc" }));
    expect(findings.map((finding) => findingSentence(zh, finding))).toEqual([
      "「行政事业性收费·本年收费金额（单位：万元）」的值「abc」不是数字，请填写数字。",
      "「一、本年新收政府信息公开申请数量·自然人」为 1.5，件数应为整数。",
    ]);
  });

  it("names the narrative part and the table cell of a contradicting number", () => {
    const [finding] = checkReport(withValues(busyReport(), { "t2.penalty": 80 }));
    expect(findingSentence(zh, finding as Finding)).toBe(
      "「一、总体情况（一）主动公开情况」写有「行政处罚83件」，而表格中 行政处罚·本年处理决定数量 为 80；请使文字与表格一致。",
    );
    expect(findingSentence(en, finding as Finding)).toContain("says \"行政处罚83件\", but the table has 行政处罚·本年处理决定数量 = 80");
  });

  it("keeps numbers exact (no digit grouping, all fee decimals)", () => {
    const finding: Finding = { rule: "magnitude-implausible", severity: "warning", cells: ["t2.fees"], actual: 123456.7891, params: { limit: 100000, unit: "wanYuan" } };
    expect(findingSentence(zh, finding)).toContain("为 123456.7891 万元，超过 100000 万元");
  });

  it("renders every rule in both locales without leaving a placeholder", () => {
    for (const rule of RULE_IDS) {
      const finding: Finding = { rule, severity: "warning", cells: ["s1.active", "t2.penalty"], expected: 1, actual: 2, params: { problem: "negative", value: "-1", column: "自然人", left: 1, right: 2, similarity: 95, phrase: "x", limit: 9, applications: 3, share: 50, lastInForce: 1, issued: 1, repealed: 0, unit: "count", placeholder: "（请补充x）" } };
      for (const t of [zh, en]) {
        const sentence = findingSentence(t, finding);
        expect(sentence, rule).not.toMatch(/findings-|\{|\}|undefined/);
        expect(sentence.length, rule).toBeGreaterThan(10);
      }
    }
  });

  it("falls back to a generic sentence for a rule it does not know", () => {
    expect(findingSentence(en, { rule: "made-up", severity: "warning", cells: ["t2.fees"] })).toBe("Check finding (made-up): 行政事业性收费·本年收费金额（单位：万元）");
  });
});

describe("schemaProblemSentence", () => {
  it("names the cell of a bad value", () => {
    const parsed = parseReport({ format: "nianbao.report/1", meta: {}, text: {}, values: { "t3.new.natural": -2, "t3.foo": 1 } });
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.problems.map((problem) => schemaProblemSentence(zh, problem))).toEqual([
      "「一、本年新收政府信息公开申请数量·自然人」（values.t3.new.natural）：不能为负数。",
      "values.t3.foo：不是本格式中的栏目或段落编号。",
    ]);
    expect(schemaProblemSentence(en, { path: "values.t3.new.natural", code: "negative" })).toBe(
      "「一、本年新收政府信息公开申请数量·自然人」（values.t3.new.natural）: cannot be negative.",
    );
  });

  it("phrases zod codes and unknown codes", () => {
    const parsed = parseReport({ format: "x", meta: { year: "2021" }, text: {}, values: {}, extra: 1 });
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    const sentences = parsed.problems.map((problem) => schemaProblemSentence(en, problem));
    expect(sentences).toContain("format: value not allowed (e.g. format must be nianbao.report/1).");
    expect(sentences).toContain("meta.year: wrong type (a number or a text was expected).");
    expect(sentences).toContain("the whole file: contains fields this format does not know.");
    expect(schemaProblemSentence(zh, { path: "meta", code: "strange_code" })).toBe("meta：有问题（strange_code）。");
  });
});
