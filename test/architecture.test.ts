// The layers and their direction: shells (telegram/, cli/, console/, scheduler/) → app → core.
// The core is pure (no grammY, lowdb, file system, process or clock); only the app reaches the
// store; no shell reaches another; grammY lives in telegram/ alone and dingtalk-stream in dingtalk/
// alone, so each chat channel is one folder. main.ts is the composition root and may import anything.
import { readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, relative, resolve, sep } from "node:path";
import { describe, expect, it } from "vitest";

const SRC = join(import.meta.dirname, "..", "src");
const CORE_FORBIDDEN_PACKAGES = /^(grammy|@grammyjs\/.*|lowdb.*|node:fs.*|fs|node:child_process|node:net|node:http|pino|croner)$/;
const FORBIDDEN_CALLS = /\b(Date\.now\(|new Date\(\)|Math\.random\(|process\.)/;
const SHELLS = ["telegram", "dingtalk", "cli", "console", "scheduler"];
/** Folders (or root files, by name without .ts) each layer may import from src/. */
const ROOT_MODULES = ["i18n", "findings-text", "repo-root", "log", "log-pretty", "config"];
const ALLOWED: Record<string, readonly string[]> = {
  core: ["core"],
  xlsx: ["core", "xlsx"],
  // The store implements the app's port (app/store-port.ts); test/store/boundaries.test.ts says which files.
  store: ["core", "store", "i18n", "app"],
  app: ["app", "core", "store", "xlsx", ...ROOT_MODULES],
  ...Object.fromEntries(SHELLS.map((shell) => [shell, [shell, "app", "core", ...ROOT_MODULES]])),
  ...Object.fromEntries(ROOT_MODULES.map((name) => [name, [...ROOT_MODULES, "core"]])),
};

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : path.endsWith(".ts") ? [path] : [];
  });
}

/** The layer of a file under src/: its top folder, or its name for a file at the root. */
function layerOf(file: string): string {
  const [top = "", ...rest] = relative(SRC, file).split(sep);
  return rest.length === 0 ? top.replace(/\.ts$/, "") : top;
}

/** Every module a file imports, statically, by re-export or with import(). */
function importsOf(text: string): string[] {
  return [...text.matchAll(/(?:^|\s)(?:import|export)\s[^;]*?from\s+["']([^"']+)["']|import\(\s*["']([^"']+)["']\s*\)/gm)].map((match) => match[1] ?? match[2] ?? "");
}

const sources = files(SRC);

describe("architecture", () => {
  it("finds every layer", () => {
    const layers = new Set(sources.map(layerOf));
    for (const layer of ["core", "app", "store", ...SHELLS]) expect(layers).toContain(layer);
  });

  for (const file of sources) {
    const name = relative(SRC, file);
    const layer = layerOf(file);
    if (layer === "main") continue;
    const text = readFileSync(file, "utf8");
    it(`${name} imports only what its layer (${layer}) may`, () => {
      const allowed = ALLOWED[layer];
      expect(allowed, `no rule for layer ${layer}`).toBeDefined();
      const wrong: string[] = [];
      for (const spec of importsOf(text)) {
        if (spec.startsWith(".")) {
          const target = layerOf(resolve(dirname(file), spec));
          if (!(allowed ?? []).includes(target)) wrong.push(spec);
        } else if (layer === "core" ? CORE_FORBIDDEN_PACKAGES.test(spec) : (layer !== "telegram" && /^(grammy|@grammyjs\/)/.test(spec)) || (layer !== "dingtalk" && /^dingtalk-stream/.test(spec))) {
          wrong.push(spec);
        }
      }
      expect(wrong).toEqual([]);
    });
    if (layer === "core") {
      it(`${name} stays pure`, () => expect(text).not.toMatch(FORBIDDEN_CALLS));
    }
  }
});
