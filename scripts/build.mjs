// `npm run build`: bundles the bot (src/main.ts) and the CLI (src/cli/main.ts) into dist/ with
// esbuild, so `npm start` runs plain JavaScript with node instead of transforming ~200 TypeScript
// modules through tsx's loader hooks on every start.
//
//   node scripts/build.mjs [outdir]     default: dist/ in the repository
//
// node_modules stay external (imported from node_modules at run time, as before). `splitting`
// puts modules loaded with `import()` into their own chunks, so what they import (docx, jszip, …)
// is still loaded only on first use. Files read at run time (locales/, the demo seed) are found
// from the repository root (src/repo-root.ts), so the output folder must sit inside the repository.
import { rm } from "node:fs/promises";
import { isAbsolute, join, relative, resolve } from "node:path";
import { performance } from "node:perf_hooks";
import { build } from "esbuild";

const root = join(import.meta.dirname, "..");
const outdir = resolve(root, process.argv[2] ?? "dist");
const inside = relative(root, outdir);
if (inside === "" || inside.startsWith("..") || isAbsolute(inside)) {
  throw new Error(`build: the output folder must be inside the repository, not ${outdir}`);
}

const started = performance.now();
// Chunk names carry a content hash: drop the previous build's, so dist/ holds only this one.
await rm(join(outdir, "chunks"), { recursive: true, force: true });
await build({
  absWorkingDir: root,
  entryPoints: ["src/main.ts", "src/cli/main.ts"],
  outbase: "src",
  outdir,
  bundle: true,
  splitting: true,
  chunkNames: "chunks/[name]-[hash]",
  platform: "node",
  format: "esm",
  target: "node20",
  packages: "external",
  sourcemap: true,
  logLevel: "warning",
});
process.stdout.write(`build: ${inside}/ in ${Math.round(performance.now() - started)} ms\n`);
