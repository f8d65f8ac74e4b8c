// `npm run build`: bundles the bot (src/main.ts) and the CLI (src/cli/main.ts) into dist/ with
// esbuild, so `npm start` runs plain JavaScript with node instead of transforming ~200 TypeScript
// modules through tsx's loader hooks on every start.
//
//   node scripts/build.mjs [outdir]     default: dist/ in the repository
//
// What start-up loads (grammY, zod, pino, lowdb, Fluent …) is bundled in: resolving and linking a
// few hundred files of node_modules one by one was about a third of the start. Packages loaded on
// first use (LAZY) stay in node_modules, imported from the chunks that `splitting` makes for each
// `import()`; devDependencies stay external too, so test/deploy sees a bundle that imports one.
// Files read at run time (locales/, the demo seed) are found from the repository root
// (src/repo-root.ts), so the output folder must sit inside the repository.
import { readFile, rm } from "node:fs/promises";
import { isAbsolute, join, relative, resolve } from "node:path";
import { performance } from "node:perf_hooks";
import { build } from "esbuild";

const LAZY = ["docx", "jszip", "unpdf", "htmlparser2", "domhandler", "domutils", "write-excel-file", "dingtalk-stream"];

/**
 * node-fetch (grammY's HTTP client) uses Node's own URL wherever it exists and whatwg-url only as a
 * fallback for old platforms; that fallback's IDNA tables (tr46) were a sixth of what start-up parsed.
 */
const nodeUrlOnly = {
  name: "node-url-only",
  setup(build) {
    build.onResolve({ filter: /^whatwg-url$/ }, () => ({ path: "whatwg-url", namespace: "node-url-only" }));
    build.onLoad({ filter: /.*/, namespace: "node-url-only" }, () => ({ contents: "module.exports = { URL };", loader: "js" }));
  },
};

const root = join(import.meta.dirname, "..");
const outdir = resolve(root, process.argv[2] ?? "dist");
const inside = relative(root, outdir);
if (inside === "" || inside.startsWith("..") || isAbsolute(inside)) {
  throw new Error(`build: the output folder must be inside the repository, not ${outdir}`);
}
const { devDependencies } = JSON.parse(await readFile(join(root, "package.json"), "utf8"));

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
  external: [...LAZY, ...Object.keys(devDependencies)].flatMap((name) => [name, `${name}/*`]),
  // Bundled CommonJS packages (grammY, pino) require() Node's own modules: an ES module has no require.
  banner: { js: 'import { createRequire as __nianbaoRequire } from "node:module";\nconst require = __nianbaoRequire(import.meta.url);' },
  plugins: [nodeUrlOnly],
  sourcemap: true,
  logLevel: "warning",
});
process.stdout.write(`build: ${inside}/ in ${Math.round(performance.now() - started)} ms\n`);
