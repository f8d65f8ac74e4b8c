// The real entry point as deployed — what `npm start` runs: `node dist/main.js`, the bundle that
// scripts/build.mjs makes (built once here, before the first spawn, and not timed) — against a
// FakeBotApi in this process: time from spawn to its first getUpdates (ready to serve), then
// resident memory after it has answered a few officers through long polling.
import { execFile, spawn } from "node:child_process";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { promisify } from "node:util";
import { textMessage } from "../test/support/bot-harness.ts";
import { FakeBotApi } from "../test/support/fake-bot-api.ts";
import { ANSWER_STEPS, officer } from "./officer.ts";

export interface ProcessRun {
  /** ms from spawn to the first getUpdates call. */
  readonly startMs: number;
  /** Resident set size after the answers, in MiB. */
  readonly rssMiB: number;
  readonly answers: number;
}

const ROOT = join(import.meta.dirname, "..");
const TOKEN = "100002:BENCH-process-token-00000000";

let built: Promise<unknown> | undefined;
/** `npm start` builds before it starts; the bench builds once per run, outside the timing. */
const buildOnce = (): Promise<unknown> => (built ??= promisify(execFile)(process.execPath, ["scripts/build.mjs"], { cwd: ROOT }));

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

async function until(what: string, check: () => boolean, timeoutMs: number): Promise<void> {
  const deadline = performance.now() + timeoutMs;
  while (!check()) {
    if (performance.now() > deadline) throw new Error(`bench: timed out waiting for ${what}`);
    await sleep(1);
  }
}

async function rssMiB(pid: number): Promise<number> {
  const status = await readFile(`/proc/${pid}/status`, "utf8");
  const kib = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? Number.NaN);
  return kib / 1024;
}

/** Starts dist/main.js on `dataDir`, waits until it polls, lets `userIds` answer every step, reads RSS. */
export async function runProcess(dataDir: string, userIds: readonly number[]): Promise<ProcessRun> {
  await buildOnce();
  const api = await FakeBotApi.start();
  const env: NodeJS.ProcessEnv = { ...process.env, BOT_TOKEN: TOKEN, TELEGRAM_API_ROOT: api.apiRoot, DATA_DIR: dataDir, LOG_LEVEL: "silent" };
  // Personal mode: the bench officers need no invitation.
  delete env["ADMIN_IDS"];
  const started = performance.now();
  const child = spawn(process.execPath, ["dist/main.js"], { cwd: ROOT, env, stdio: ["ignore", "ignore", "pipe"] });
  let stderr = "";
  child.stderr.on("data", (chunk: Buffer) => void (stderr += chunk.toString("utf8")));
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  try {
    await until("getUpdates", () => api.calls.some((c) => c.method === "getUpdates") || child.exitCode !== null, 20_000);
    if (child.exitCode !== null) throw new Error(`bench: dist/main.js exited ${child.exitCode}: ${stderr.slice(0, 500)}`);
    const startMs = performance.now() - started;
    let answers = 0;
    for (const id of userIds) {
      for (const step of ANSWER_STEPS) {
        const before = api.callsTo(id).length;
        api.pushUpdate(textMessage(step.text, officer(id)));
        await until(`a reply to officer ${id}`, () => api.callsTo(id).some((c, i) => i >= before && c.method === "sendMessage"), 10_000);
        answers += 1;
      }
    }
    return { startMs, rssMiB: await rssMiB(child.pid ?? 0), answers };
  } finally {
    child.kill("SIGTERM");
    await Promise.race([exited, sleep(5_000)]);
    await api.close();
  }
}
