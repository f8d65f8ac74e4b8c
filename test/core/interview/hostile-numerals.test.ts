// Malformed Chinese numerals and 负零 typed at a number question: refused with a clear reason,
// nothing stored (they were saved as invented values: 万万→0, 十十→20, 一万万→10000).
import { describe, expect, it } from "vitest";
import { startInterview } from "../../../src/core/interview/engine.ts";
import { Session } from "./driver.ts";

function atLicensing(): Session {
  const s = new Session(startInterview({ agency: "某区司法局", year: 2023 }));
  s.command("start");
  s.tap("interview-btn-meta-ok");
  s.command("edit", "t2.licensing");
  return s;
}

describe("malformed numerals at a number question", () => {
  it.each(["万万", "十十", "千千", "十一百", "一万万"])("refuses %s as no well-formed numeral and stores nothing", (typed) => {
    const s = atLicensing();
    const before = s.state;
    s.text(typed);
    expect(s.state).toBe(before);
    expect(s.last.changes).toEqual([]);
    expect(s.rendered()).toContain(`「${typed}」不是规范的中文数字`);
  });

  it.each(["负零", "-0"])("refuses %s like any negative", (typed) => {
    const s = atLicensing();
    s.text(typed);
    expect(s.state.report.values["t2.licensing"]).toBeUndefined();
    expect(s.rendered()).toContain(`「${typed}」是负数`);
  });

  it("still reads well-formed numerals", () => {
    const s = atLicensing();
    s.text("一千零五");
    expect(s.state.report.values["t2.licensing"]).toBe(1005);
  });
});
