// Files shipped beside the code (locales/, the demo seed) are found from the repository root, so
// the lookup works the same from the sources (src/…, run by tsx) and from the bundle (dist/…).
import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";

/** The nearest folder above this module (or above the bundle that contains it) with a package.json. */
function findRoot(start: string): string {
  for (let dir = start; ; dir = dirname(dir)) {
    if (existsSync(join(dir, "package.json"))) return dir;
    if (dirname(dir) === dir) throw new Error(`nianbao: no package.json above ${start}`);
  }
}

const REPO_ROOT = findRoot(import.meta.dirname);

export const repoPath = (...parts: string[]): string => join(REPO_ROOT, ...parts);

/** This release's version (package.json), written into format.json and backup manifests. */
export const RELEASE = (JSON.parse(readFileSync(join(REPO_ROOT, "package.json"), "utf8")) as { version: string }).version;
