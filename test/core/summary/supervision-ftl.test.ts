// Every sentence the supervision core can produce exists in both languages.
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ACTIONS } from "../org/sample-org.ts";
import { loadBundle, LOCALES } from "../../../src/i18n.ts";

const ROOT = join(import.meta.dirname, "..", "..", "..");
const DIRS = ["src/core/org", "src/core/lifecycle", "src/core/deadline", "src/core/summary", "src/xlsx"];

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sources(path) : path.endsWith(".ts") ? [path] : [];
  });
}

const used = new Set(
  DIRS.flatMap((dir) => sources(join(ROOT, dir))).flatMap((file) => [...readFileSync(file, "utf8").matchAll(/"(sup-[a-z0-9-]+)"/g)].map((match) => match[1] ?? "")),
);
// Keys the shells build from error codes the core returns.
const ERROR_KEYS = [
  ...["duplicate-id", "unknown-office", "unknown-department", "empty-name"].map((code) => `sup-org-error-${code}`),
  ...["unknown-target", "role-target-mismatch", "bad-expiry"].map((code) => `sup-invite-error-${code}`),
  ...["unknown", "used", "expired"].map((code) => `sup-redeem-error-${code}`),
  ...["not-allowed", "wrong-party", "not-clean", "comment-required", "unknown-target"].map((code) => `sup-transition-error-${code}`),
  ...["bad-date", "later-than-default", "inside-report-year"].map((code) => `sup-deadline-error-${code}`),
  "sup-denied",
];

describe("supervision.ftl", () => {
  it("the code uses some keys", () => expect(used.size).toBeGreaterThan(10));
  for (const locale of LOCALES) {
    it(`${locale} has every key`, () => {
      const bundle = loadBundle(locale);
      for (const key of [...used, ...ERROR_KEYS]) expect(bundle.hasMessage(key), key).toBe(true);
    });
    it(`${locale} has a denial for every action`, () => {
      const bundle = loadBundle(locale);
      const denials = new Set(ACTIONS.map((action) => bundle.formatPattern(bundle.getMessage("sup-denied")!.value!, { action })));
      expect(denials.size).toBe(ACTIONS.length);
    });
  }
});
