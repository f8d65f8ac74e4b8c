// Hostile input returns a failure (or a report); it never throws. Runaway work shows as the test's
// timeout, a safety net: no verdict depends on how fast the machine is.
import { describe, expect, it } from "vitest";
import { importReport } from "../../../src/core/import/import-report.ts";

const bytes = (text: string): Uint8Array => new TextEncoder().encode(text);

describe("hostile input", () => {
  it("refuses html nested 200 000 deep", async () => {
    const html = `<html>${"<div>".repeat(200_000)}一、总体情况${"</div>".repeat(200_000)}</html>`;
    expect(await importReport({ name: "x.html", bytes: bytes(html) })).toMatchObject({ ok: false, reason: "unreadable" });
  });

  it("does not allocate a colspan of a billion", async () => {
    const html = '<table><tr><td colspan="1000000000" rowspan="1000000">三、本年度办理结果</td></tr></table>';
    expect(await importReport({ name: "x.html", bytes: bytes(html) })).toMatchObject({ ok: false, reason: "not-a-report" });
  });

  it("does not search forever for the split of 5 000 digits", async () => {
    const text = `三、收到和处理政府信息公开申请情况\n四、政府信息公开行政复议、行政诉讼情况\n${"1".repeat(5_000)}`;
    const result = await importReport({ name: "x.txt", bytes: bytes(text) });
    expect(result.ok).toBe(true);
    expect(result.ok && result.report.values).toEqual({});
    expect(result.notes.some((note) => note.code === "row-unreadable")).toBe(true);
  });
});
