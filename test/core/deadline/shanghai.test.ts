// localDate takes a fixed +08:00 shift (fast, on every answer); it must agree with the tz database.
import { TZDate } from "@date-fns/tz";
import { format } from "date-fns/format";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { localDate, TIME_ZONE } from "../../../src/core/deadline/shanghai.ts";

describe("localDate", () => {
  it("agrees with Asia/Shanghai from the tz database for any instant 2000–2100", () => {
    const from = Date.UTC(2000, 0, 1);
    const to = Date.UTC(2100, 11, 31);
    fc.assert(
      fc.property(fc.integer({ min: from, max: to }), fc.constantFrom("Z", "+08:00", "-05:00"), (ms, zone) => {
        const iso = new Date(ms).toISOString();
        const instant = zone === "Z" ? iso : format(new TZDate(ms, zone === "+08:00" ? TIME_ZONE : "America/Bogota"), "yyyy-MM-dd'T'HH:mm:ss.SSSXXX");
        expect(localDate(instant)).toBe(format(new TZDate(ms, TIME_ZONE), "yyyy-MM-dd"));
      }),
      { numRuns: 2_000 },
    );
  });

  it("names the boundary: 16:00 UTC is midnight in Shanghai", () => {
    expect(localDate("2025-01-30T15:59:59Z")).toBe("2025-01-30");
    expect(localDate("2025-01-30T16:00:00Z")).toBe("2025-01-31");
    expect(() => localDate("yesterday")).toThrow(/not an ISO instant/);
  });
});
