// `npx nianbao` through bin/nianbao.js, as from a fresh clone: it builds the bundle when missing or older than src/, then runs it.
import { spawn, spawnSync } from "node:child_process";
import { once } from "node:events";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = join(import.meta.dirname, "..", "..");
// English whatever the machine's locale: LC_ALL and NIANBAO_LANG, when set, outrank LANG.
const ENGLISH = { ...process.env, NIANBAO_LANG: "en", LC_ALL: "en_US.UTF-8", LANG: "en_US.UTF-8" };

function nianbao(...args: string[]) {
  return spawnSync(process.execPath, [join(ROOT, "bin", "nianbao.js"), ...args], { cwd: ROOT, encoding: "utf8", env: ENGLISH, timeout: 60_000 });
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

describe("nianbao … | head", () => {
  it("stops quietly when the reader closes the pipe early (EPIPE), no stack trace", async () => {
    const child = spawn(process.execPath, [join(ROOT, "bin", "nianbao.js"), "check", join("test", "fixtures", "seed-2021.txt")], {
      cwd: ROOT,
      env: ENGLISH,
      stdio: ["ignore", "pipe", "pipe"],
    });
    // The reader goes away before the CLI writes a line: every write it makes meets a closed pipe.
    child.stdout.destroy();
    let stderr = "";
    child.stderr.setEncoding("utf8").on("data", (chunk: string) => (stderr += chunk));
    const [code, signal] = (await once(child, "close")) as [number | null, NodeJS.Signals | null];
    expect(stderr).not.toMatch(/EPIPE|Error|at /u);
    expect(stderr).toBe("");
    expect(signal).toBeNull();
    expect(code).toBe(0);
  }, 60_000);
});
