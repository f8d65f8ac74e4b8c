// `npx nianbao` through bin/nianbao.js, as from a fresh clone: it builds the bundle when missing or older than src/, then runs it.
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = join(import.meta.dirname, "..", "..");

function nianbao(...args: string[]) {
  return spawnSync(process.execPath, [join(ROOT, "bin", "nianbao.js"), ...args], { cwd: ROOT, encoding: "utf8", env: { ...process.env, LANG: "en_US.UTF-8" }, timeout: 60_000 });
}

describe("bin/nianbao.js", () => {
  it("checks the seed report and exits 0", () => {
    const result = nianbao("check", join("test", "fixtures", "seed-2021.txt"));
    expect(result.stderr).toBe("");
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/Check passed/u);
  });

  it("answers a missing file with one line and exit 2, no stack trace", () => {
    const result = nianbao("render", "does-not-exist.json", "-o", "x.docx");
    expect(result.status).toBe(2);
    expect(result.stderr.trim().split("\n")).toHaveLength(1);
    expect(result.stderr).toMatch(/File not found/u);
  });
});
