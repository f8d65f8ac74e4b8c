// The Docker image's steps, replayed without Docker (CI and this machine have no daemon): the
// runtime stage's COPY lines are copied into a temporary /app, its RUN steps run there (npm ci is
// replaced by the repository's node_modules plus a check that the bundle needs only production
// dependencies: a real install takes minutes), and the image's CMD, with the image's ENV, then
// runs the terminal interview and the bot against the fake Bot API, and the HEALTHCHECK command
// finds it healthy. Also: .dockerignore keeps secrets and data out, and the check stage installs
// LibreOffice with the CJK fonts.
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { cp, mkdir, mkdtemp, readdir, readFile, rm, symlink } from "node:fs/promises";
import { builtinModules } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { textMessage, user } from "../support/bot-harness.ts";
import { FakeBotApi } from "../support/fake-bot-api.ts";
import { parseDockerfile, type Stage } from "./dockerfile.ts";
import { readEnvFile } from "../../src/config.ts";
import { freePort } from "../support/free-port.ts";

const ROOT = join(import.meta.dirname, "..", "..");
const stages = parseDockerfile(await readFile(join(ROOT, "Dockerfile"), "utf8"));
const app = stages.find((stage) => stage.name === "app") as Stage;
let image = "";
let appDir = "";
let dataDir = "";

interface Run { code: number | null; stdout: string; stderr: string }

function run(command: readonly string[], env: Record<string, string>, stdin?: string): { child: ReturnType<typeof spawn>; done: Promise<Run>; stdout: () => string } {
  const [file = "", ...args] = command;
  const child = spawn(file === "node" ? process.execPath : file, args, { cwd: appDir, env: { PATH: process.env["PATH"] ?? "", HOME: appDir, ...env }, stdio: ["pipe", "pipe", "pipe"] });
  let stdout = "";
  let stderr = "";
  child.stdout?.on("data", (chunk: Buffer) => (stdout += chunk.toString("utf8")));
  child.stderr?.on("data", (chunk: Buffer) => (stderr += chunk.toString("utf8")));
  if (stdin !== undefined) child.stdin?.end(stdin);
  const done = new Promise<Run>((resolve) => child.on("close", (code) => resolve({ code, stdout, stderr })));
  return { child, done, stdout: () => stdout };
}

/** The RUN steps of the runtime stage, each with what it does here. A new step must be added. */
async function replay(step: string): Promise<void> {
  if (/^npm ci --omit=dev\b/.test(step)) return symlink(join(ROOT, "node_modules"), join(appDir, "node_modules"), "dir");
  if (step === "node scripts/build.mjs") {
    const { code, stderr } = await run(["node", "scripts/build.mjs"], {}).done;
    expect(stderr).toBe("");
    return void expect(code).toBe(0);
  }
  if (/^mkdir -p \/data && chown node:node \/data$/.test(step)) return void (await mkdir(dataDir, { recursive: true }));
  throw new Error(`test/deploy: no replay for the Dockerfile step "${step}"; add one`);
}

beforeAll(async () => {
  image = await mkdtemp(join(tmpdir(), "nianbao-image-"));
  appDir = join(image, "app");
  dataDir = join(image, "data");
  await mkdir(appDir);
  for (const { from, to } of app.copies) {
    for (const source of from) await cp(join(ROOT, source), join(appDir, to === "./" ? source : to), { recursive: true });
  }
  for (const step of app.runs) await replay(step);
}, 120_000);
afterAll(async () => {
  if (image !== "") await rm(image, { recursive: true, force: true });
});

/** Every package the bundle imports (statically or with import()), by package name. */
async function importedPackages(dir: string): Promise<Set<string>> {
  const names = new Set<string>();
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || !entry.name.endsWith(".js")) continue;
    const text = await readFile(join(entry.parentPath, entry.name), "utf8");
    // Statements only: bundled packages' own strings may say "from '…'" too.
    for (const [, spec = ""] of text.matchAll(/(?:^(?:import|export)\s[^;]*?\bfrom\s*|\bimport\s*\(\s*|^import\s+)["']([^"'.][^"']*)["']/gm)) {
      if (spec.startsWith("node:") || builtinModules.includes(spec)) continue;
      names.add(spec.startsWith("@") ? spec.split("/").slice(0, 2).join("/") : (spec.split("/")[0] ?? spec));
    }
  }
  return names;
}

describe("the Docker image, without Docker", () => {
  it("runs as a non-root user with /data as a volume, listens on all interfaces inside the container, and starts dist/main.js", () => {
    expect(app.user).toBe("node");
    expect(app.volumes).toEqual(["/data"]);
    expect(app.env).toMatchObject({ NODE_ENV: "production", DATA_DIR: "/data", HOST: "0.0.0.0" });
    expect(app.cmd).toEqual(["node", "dist/main.js"]);
    expect(existsSync(join(appDir, "dist", "main.js"))).toBe(true);
  });

  it("needs only production dependencies at run time", async () => {
    const manifest = JSON.parse(await readFile(join(ROOT, "package.json"), "utf8")) as { dependencies: Record<string, string> };
    const missing = [...(await importedPackages(join(appDir, "dist")))].filter((name) => manifest.dependencies[name] === undefined);
    expect(missing).toEqual([]);
  });

  it("without BOT_TOKEN the image's command runs the terminal interview", async () => {
    const { done } = run(app.cmd ?? [], { ...app.env, DATA_DIR: dataDir, LANG: "zh_CN.UTF-8" }, "奉化区应急管理局\n");
    const result = await done;
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("单位的全称");
    expect(result.stdout).toContain("开始填写《奉化区应急管理局");
  }, 60_000);

  it("with BOT_TOKEN it answers the fake Bot API, passes its HEALTHCHECK and stops on SIGTERM", async () => {
    const api = await FakeBotApi.start();
    try {
      const env = { ...app.env, DATA_DIR: dataDir, HEALTH_PORT: String(await freePort()), BOT_TOKEN: "123456:TEST-token-abcdefghijklmnopqrstuvwxyz", TELEGRAM_API_ROOT: api.apiRoot };
      const bot = run(app.cmd ?? [], env);
      api.pushUpdate(textMessage("/start", user({ id: 5501 })));
      await api.waitFor(5501, 1, 30_000);
      const check = await run(app.healthcheck ?? [], env).done;
      expect(check.code, check.stderr).toBe(0);
      expect(JSON.parse(check.stdout)).toMatchObject({ ok: true, store: { writable: true } });
      bot.child.kill("SIGTERM");
      expect((await bot.done).code).toBe(0);
      // JSON lines only on stdout: what `docker logs` and journald collect.
      for (const line of bot.stdout().trim().split("\n")) expect(() => JSON.parse(line) as unknown).not.toThrow();
    } finally {
      await api.close();
    }
  }, 60_000);

  it("keeps secrets, data and installed packages out of the build context", async () => {
    const ignored = (await readFile(join(ROOT, ".dockerignore"), "utf8")).split("\n").map((line) => line.trim());
    for (const pattern of ["node_modules", "data", ".env", ".git", "dist"]) expect(ignored).toContain(pattern);
    for (const { from } of app.copies) for (const source of from) expect(ignored).not.toContain(source);
  });

  it(".env.example passed to the image with --env-file keeps the image's data folder, address and health port", async () => {
    const example = readEnvFile(join(ROOT, ".env.example"));
    for (const variable of ["DATA_DIR", "HOST", "HEALTH_PORT", "PORT", "NODE_ENV"]) expect(example[variable], variable).toBeUndefined();
  });

  it("has a check stage with LibreOffice and CJK fonts that runs the test suite requiring them", () => {
    const check = stages.find((stage) => stage.name === "check");
    expect(check?.runs.join(" ")).toMatch(/apt-get install .*libreoffice-writer-nogui.*fonts-noto-cjk/);
    expect(check?.env["NIANBAO_REQUIRE_SOFFICE"]).toBe("1");
    expect(check?.cmd).toEqual(["npm", "test"]);
  });
});
