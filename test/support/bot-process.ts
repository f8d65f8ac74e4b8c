// The real bot as `npm start` runs it (the sources through tsx), in its own process against a fake
// Bot API: for tests of what happens across processes (the control socket, upgrades, signals).
import { spawn, type ChildProcess } from "node:child_process";
import { join } from "node:path";

const ROOT = join(import.meta.dirname, "..", "..");
export const TEST_TOKEN = "123456:TEST-token-abcdefghijklmnopqrstuvwxyz";

export interface BotProcess {
  readonly child: ChildProcess;
  readonly exited: Promise<number | null>;
  /** Everything written to stderr so far. */
  stderr(): string;
}

export function startBotProcess(dataDir: string, apiRoot: string, env: Readonly<Record<string, string>> = {}): BotProcess {
  const child = spawn(process.execPath, ["--import", "tsx", "src/main.ts"], {
    cwd: ROOT,
    env: { PATH: process.env["PATH"] ?? "", HOME: process.env["HOME"] ?? "", LANG: "zh_CN.UTF-8", LOG_LEVEL: "silent", ADMIN_IDS: "", BOT_TOKEN: TEST_TOKEN, DATA_DIR: dataDir, TELEGRAM_API_ROOT: apiRoot, ...env },
    stdio: ["ignore", "ignore", "pipe"],
  });
  let stderr = "";
  child.stderr?.on("data", (chunk: Buffer) => (stderr += chunk.toString("utf8")));
  const exited = new Promise<number | null>((resolve) => child.on("close", (code) => resolve(code)));
  return { child, exited, stderr: () => stderr };
}
