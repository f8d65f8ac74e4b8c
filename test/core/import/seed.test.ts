// The golden fixture: the seed's flattened text imports to exactly the hand-typed report.json.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { importReport } from "../../../src/core/import/import-report.ts";
import { importText } from "../../../src/core/import/import-text.ts";

const FIXTURES = join(import.meta.dirname, "..", "..", "fixtures");
const seedText = readFileSync(join(FIXTURES, "seed-2021.txt"), "utf8");
const expected: unknown = JSON.parse(readFileSync(join(FIXTURES, "seed-2021.report.json"), "utf8"));

describe("importText on the seed", () => {
  const result = importText(seedText);

  it("imports to exactly seed-2021.report.json", () => {
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.format).toBe("2021");
    expect(result.report).toEqual(expected);
  });

  it("says the year was inferred from the narrative and the title has no agency", () => {
    expect(result.notes).toEqual(
      expect.arrayContaining([{ code: "year-inferred", params: { year: 2021 } }, { code: "agency-missing" }]),
    );
    expect(result.notes).toHaveLength(2);
  });

  it("reads the same from bytes, whatever the file is called, with or without a BOM", async () => {
    const utf8 = new TextEncoder().encode(seedText);
    const withBom = new Uint8Array([0xef, 0xbb, 0xbf, ...utf8]);
    for (const bytes of [utf8, withBom]) {
      const fromBytes = await importReport({ name: "report.docx", bytes });
      expect(fromBytes.ok && fromBytes.report).toEqual(expected);
    }
  });

  it("reads UTF-16 with a BOM and GB18030 without one", async () => {
    const utf16 = new Uint8Array(2 + seedText.length * 2);
    utf16.set([0xff, 0xfe]);
    for (let i = 0; i < seedText.length; i++) {
      const code = seedText.charCodeAt(i);
      utf16[2 + 2 * i] = code & 0xff;
      utf16[3 + 2 * i] = code >> 8;
    }
    const fromUtf16 = await importReport({ name: "seed.txt", bytes: utf16 });
    expect(fromUtf16.ok && fromUtf16.report).toEqual(expected);
    // 「年」 is C4 EA in GBK; a short GBK report title must not be taken for UTF-8.
    const gbk = new Uint8Array([0xd5, 0xfe, 0xb8, 0xae, 0xd0, 0xc5, 0xcf, 0xa2, 0xb9, 0xab, 0xbf, 0xaa]); // 政府信息公开
    const fromGbk = await importReport({ name: "x.txt", bytes: gbk });
    expect(fromGbk).toMatchObject({ ok: false, reason: "not-a-report" });
  });
});

describe("fees printed to the 分 (six decimals of 万元)", () => {
  it.each([
    ["24252.311082", 24252.311082],
    ["4166.241619", 4166.241619],
    ["24,252.311082", 24252.311082],
  ])("keeps %s exactly as printed", (printed, value) => {
    const text = seedText.replace("\t行政事业性收费\n\t0\n", `\t行政事业性收费\n\t${printed}\n`);
    expect(text).not.toBe(seedText);
    const result = importText(text);
    if (!result.ok) throw new Error(result.reason);
    expect(result.report.values["t2.fees"]).toBe(value);
    expect(String(result.report.values["t2.fees"])).toBe(printed.replace(",", ""));
  });

  it("still refuses a seventh decimal rather than rounding it", () => {
    const result = importText(seedText.replace("\t行政事业性收费\n\t0\n", "\t行政事业性收费\n\t1.1234567\n"));
    if (!result.ok) throw new Error(result.reason);
    expect(result.report.values["t2.fees"]).toBeUndefined();
  });
});
