// The real bot as `npm start` runs it (the sources through tsx), in its own process against a fake
// Bot API: for tests of what happens across processes (the control socket, upgrades, signals).
import { spawn, type ChildProcess } from "node:child_process";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { pathToFileURL } from "node:url";

const ROOT = join(import.meta.dirname, "..", "..");

/**
 * `node --import tsx src/main.ts` with absolute paths. Run it from the test's own temp folder, never
 * the repository: main.ts reads `.env` in its working folder, and a developer's clone has one (their
 * token, WEBHOOK_URL, LOG_FORMAT, DingTalk keys) that would fill in whatever the test leaves unset.
 */
export const BOT_ARGS: readonly string[] = ["--import", pathToFileURL(createRequire(import.meta.url).resolve("tsx")).href, join(ROOT, "src", "main.ts")];
export const TEST_TOKEN = "123456:TEST-token-abcdefghijklmnopqrstuvwxyz";

export interface BotProcess {
  readonly child: ChildProcess;
  readonly exited: Promise<number | null>;
  /** Everything written to stderr so far. */
  stderr(): string;
}

/** The bot on `dataDir`, which lies in the test's own temp folder: the bot runs from there (see BOT_ARGS). */
export function startBotProcess(dataDir: string, apiRoot: string, env: Readonly<Record<string, string>> = {}): BotProcess {
  const child = spawn(process.execPath, BOT_ARGS, {
    cwd: dirname(dataDir),
    env: { PATH: process.env["PATH"] ?? "", HOME: process.env["HOME"] ?? "", LANG: "zh_CN.UTF-8", LOG_LEVEL: "silent", ADMIN_IDS: "", BOT_TOKEN: TEST_TOKEN, DATA_DIR: dataDir, TELEGRAM_API_ROOT: apiRoot, ...env },
    stdio: ["ignore", "ignore", "pipe"],
  });
  let stderr = "";
  child.stderr?.on("data", (chunk: Buffer) => (stderr += chunk.toString("utf8")));
  const exited = new Promise<number | null>((resolve) => child.on("close", (code) => resolve(code)));
  return { child, exited, stderr: () => stderr };
}
