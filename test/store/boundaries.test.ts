// The store sits behind an interface the app owns (src/app/store-port.ts): the app never imports
// src/store/, and the store imports only the app's port and record types, the core, Node and lowdb.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

const SRC = join(import.meta.dirname, "..", "..", "src");
const importsOf = (file: string): string[] => [...readFileSync(file, "utf8").matchAll(/^import[^;]*?from\s+"([^"]+)"/gms)].map((m) => m[1] ?? "");
const tsFiles = (dir: string): string[] => readdirSync(dir).filter((name) => name.endsWith(".ts")).map((name) => join(dir, name));

// tar: backup archives (backup-archive.ts).
const STORE_MAY_IMPORT = [/^node:/, /^lowdb$/, /^tar$/, /^zod$/, /^\.\/[a-z-]+\.ts$/, /^\.\.\/core\//, /^\.\.\/app\/(store-port|report-record|user-session|keyed-queue)\.ts$/];

describe("store boundaries", () => {
  // app/data-folder.ts is the one door: where the composition roots (main.ts, the CLI) open the store.
  for (const file of tsFiles(join(SRC, "app")).filter((path) => !path.endsWith("data-folder.ts"))) {
    it(`app/${file.split("/").pop()} does not reach into the store`, () => {
      expect(importsOf(file).filter((from) => from.includes("/store/"))).toEqual([]);
    });
  }
  for (const file of tsFiles(join(SRC, "store"))) {
    it(`store/${file.split("/").pop()} imports only the app's port, the core, Node and lowdb`, () => {
      expect(importsOf(file).filter((from) => !STORE_MAY_IMPORT.some((allowed) => allowed.test(from)))).toEqual([]);
    });
  }
});
