// Every import note and failure has a sentence in both locales, with its values filled in.
import { describe, expect, it } from "vitest";
import { IMPORT_FAILURES, IMPORT_NOTE_CODES } from "../src/core/import/import-result.ts";
import { translator, LOCALES } from "../src/i18n.ts";
import { importFailureSentence, importNoteSentence } from "../src/findings-text.ts";

describe("importNoteSentence", () => {
  for (const locale of LOCALES) {
    const t = translator(locale);
    it(`${locale}: has a sentence for every note and failure`, () => {
      const params = { cell: "c", part: "p", row: "r", text: "t", values: "v", table: "2", printed: "1", derived: "2", heading: "h", year: "2021", marker: "m", code: "x", candidates: "1 2 3 / 12 3", count: "1", pages: "2", cells: "c" };
      for (const code of [...IMPORT_NOTE_CODES, ...IMPORT_FAILURES]) {
        expect(t(`import-${code}`, params), code).not.toBe(`import-${code}`);
      }
    });
  }

  it("names cells by their official labels and fills numbers verbatim", () => {
    const t = translator("zh-CN");
    expect(importNoteSentence(t, { code: "printed-total-kept", cell: "t3.resultTotal.research", params: { printed: 2021, derived: 1 } })).toBe(
      "「三、本年度办理结果（七）总计·科研机构」原文印的是 2021，但按各项相加应为 1，已保留原数供核对。",
    );
    expect(importNoteSentence(translator("en"), { code: "year-inferred", params: { year: 2021 } })).toBe(
      "The title has no year; 2021 was taken from the text. Please confirm.",
    );
    expect(importFailureSentence(t, "format-2019")).toContain("国办公开办函〔2019〕60号");
  });
});
