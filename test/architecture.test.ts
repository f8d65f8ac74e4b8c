// The core is pure: it must not reach grammY, lowdb, the file system, the process or the clock.
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";

const CORE = join(import.meta.dirname, "..", "src", "core");
const FORBIDDEN_IMPORTS = /from\s+["'](grammy|@grammyjs\/[^"']+|lowdb[^"']*|node:fs[^"']*|fs|node:child_process|node:net|node:http|pino|croner|\.\.\/\.\.\/(store|telegram|cli|console|scheduler)[^"']*)["']/;
const FORBIDDEN_CALLS = /\b(Date\.now\(|new Date\(\)|Math\.random\(|process\.)/;

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : path.endsWith(".ts") ? [path] : [];
  });
}

describe("architecture", () => {
  const sources = files(CORE);
  it("has core sources", () => expect(sources.length).toBeGreaterThan(3));
  for (const file of sources) {
    it(`${relative(CORE, file)} stays pure`, () => {
      const text = readFileSync(file, "utf8");
      expect(text).not.toMatch(FORBIDDEN_IMPORTS);
      expect(text).not.toMatch(FORBIDDEN_CALLS);
    });
  }
});
