// The build `npm start` runs: scripts/build.mjs bundles src/ into a folder (a temporary one under
// .tmp/ here, since the bundle finds locales/ by walking up to the repository root), and the bundled
// bot long-polls a fake Bot API, answers /start, hands out
// a .docx (the lazily loaded renderer) and exits 0 on SIGTERM. Also: the bot's start does not load the heavy document packages.
import { execFile, spawn } from "node:child_process";
import { mkdir, mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { textMessage, user } from "./support/bot-harness.ts";
import { FakeBotApi } from "./support/fake-bot-api.ts";

const ROOT = join(import.meta.dirname, "..");
const run = promisify(execFile);
let out = "";
let data = "";

beforeAll(async () => {
  await mkdir(join(ROOT, ".tmp"), { recursive: true });
  out = await mkdtemp(join(ROOT, ".tmp", "build-test-"));
  data = await mkdtemp(join(tmpdir(), "nianbao-build-"));
  await run(process.execPath, ["scripts/build.mjs", out], { cwd: ROOT });
});
afterAll(async () => {
  if (out !== "") await rm(out, { recursive: true, force: true });
  if (data !== "") await rm(data, { recursive: true, force: true });
});

/**
 * Packages a built file loads before any of its code runs (static imports, followed through chunks):
 * bare names for those imported from node_modules, `node_modules/<name>` for those bundled in.
 */
async function loadedAtStart(file: string, seen = new Set<string>()): Promise<Set<string>> {
  const packages = new Set<string>();
  if (seen.has(file)) return packages;
  seen.add(file);
  const text = await readFile(file, "utf8");
  for (const [, spec = ""] of text.matchAll(/^(?:import|export)\s[^;]*?["']([^"']+)["'];?$/gms)) {
    if (spec.startsWith(".")) for (const name of await loadedAtStart(resolve(dirname(file), spec), seen)) packages.add(name);
    else if (!spec.startsWith("node:")) packages.add(spec);
  }
  // esbuild heads each bundled module with a comment naming its path.
  for (const [, name = ""] of text.matchAll(/^\/\/ (node_modules\/(?:@[^/\n]+\/)?[^/\n]+)\//gm)) packages.add(name);
  return packages;
}

describe("npm run build", () => {
  it("bundles a bot that polls, answers /start, renders a .docx and exits 0 on SIGTERM", async () => {
    const api = await FakeBotApi.start();
    try {
      const child = spawn(process.execPath, [join(out, "main.js")], {
        // Not the repository: a developer's .env there would configure the bot (see bot-process.ts).
        cwd: data,
        // A clean environment, as in main.test.ts: personal mode, no token from the developer's shell.
        env: { PATH: process.env["PATH"] ?? "", HOME: process.env["HOME"] ?? "", LANG: "zh_CN.UTF-8", LOG_LEVEL: "warn", ADMIN_IDS: "", DATA_DIR: data, BOT_TOKEN: "123456:TEST-token-abcdefghijklmnopqrstuvwxyz", TELEGRAM_API_ROOT: api.apiRoot },
        stdio: ["ignore", "ignore", "pipe"],
      });
      let stderr = "";
      child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString("utf8")));
      const exited = new Promise<number | null>((done) => child.on("close", (code) => done(code)));

      const officer = user({ id: 778 });
      api.pushUpdate(textMessage("/start", officer));
      // Generous safety nets: a loaded machine starts the bot slowly, which is no failure.
      const [reply] = await api.waitFor(778, 1, 60_000);
      expect(api.callsOf("getUpdates").length).toBeGreaterThan(0);
      expect(reply?.method).toBe("sendMessage");
      expect(String(reply?.params["text"])).toContain("单位的全称");

      api.pushUpdate(textMessage("奉化区应急管理局", officer));
      await api.waitFor(778, 1, 30_000);
      api.pushUpdate(textMessage("/export", officer));
      const deadline = Date.now() + 30_000;
      while (api.callsOf("sendDocument").length === 0 && Date.now() < deadline) await new Promise((done) => setTimeout(done, 20));
      expect(api.callsOf("sendDocument")[0]?.files[0]?.bytes.subarray(0, 2).toString()).toBe("PK");

      child.kill("SIGTERM");
      expect(await exited).toBe(0);
      expect(stderr).toBe("");
    } finally {
      await api.close();
    }
  }, 180_000);

  it("starts the bot without the document packages; they load on first use", async () => {
    const bot = await loadedAtStart(join(out, "main.js"));
    expect(bot).toContain("node_modules/grammy");
    for (const heavy of ["docx", "jszip", "htmlparser2", "write-excel-file"]) {
      expect(bot).not.toContain(heavy);
      expect(bot).not.toContain(`node_modules/${heavy}`);
    }
  });

  it("bundles the CLI, which finds the shipped seed report from its own folder", async () => {
    const file = join(data, "demo.docx");
    const result = await run(process.execPath, [join(out, "cli", "main.js"), "demo", "-o", file, "--lang", "en"], { cwd: data });
    expect(result.stdout).toContain(file);
    expect((await readFile(file)).subarray(0, 2).toString()).toBe("PK");
  });
});
