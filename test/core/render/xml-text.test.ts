import { describe, expect, it } from "vitest";
import { xmlSafe } from "../../../src/core/render/page.ts";

describe("xmlSafe", () => {
  it("drops control characters, U+FFFE/U+FFFF and lone surrogates", () => {
    expect(xmlSafe("a\u0000b\u0007c\u000Bd\u000Ce\u001Ff\uFFFEg\uFFFFh")).toBe("abcdefgh");
    expect(xmlSafe("x\uD800y\uDC00z")).toBe("xyz");
  });

  it("keeps tabs, line breaks, CJK and astral characters", () => {
    expect(xmlSafe("一\t二\n三\r四")).toBe("一\t二\n三\r四");
    expect(xmlSafe("𠮷野家 😀")).toBe("𠮷野家 😀");
  });
});
