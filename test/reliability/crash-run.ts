// The SIGKILL scenario shared by test/reliability/crash.test.ts (small) and bench/stress.ts (long):
// the real bot as a child process (`node --import tsx src/main.ts`, personal mode) long-polls a
// FakeBotApi in this process while scripted officers answer; the bot is killed with SIGKILL at
// random moments and restarted. After every kill, with the process dead, the files on disk must
// parse and (once the journal is replayed, as the next start does) hold every acknowledged answer;
// nothing may be applied twice.
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { FakeBotApi } from "../support/fake-bot-api.ts";
import { auditFiles, officerScript, officerUser, readRecord, recordProblems, recoveredCopy, replyVersion, type Step } from "./script.ts";

const ROOT = join(import.meta.dirname, "..", "..");
export const CRASH_TOKEN = "424242:RELIABILITY-crash-token-abcdefghijklmnop";

export interface CrashOptions {
  readonly officers: number;
  readonly kills: number;
  /** Each life lasts a random 0…maxLifeMs after the bot first polls, then SIGKILL. */
  readonly maxLifeMs: number;
  readonly seed: number;
  /** Progress lines (the stress run prints them). */
  readonly progress?: (line: string) => void;
}

export interface CrashFigures {
  kills: number;
  /** Kills that hit while at least one answer was in flight (sent, not yet acknowledged). */
  killsInFlight: number;
  /** Answers whose reply reached the fake Telegram. */
  acknowledged: number;
  /** Of those, found in the store at the end. */
  found: number;
  /** Acknowledged answers checked on disk right after a SIGKILL, summed over the kills. */
  checkedAfterKills: number;
  /** Updates Telegram (the fake) delivered more than once because the offset was never confirmed. */
  redelivered: number;
  /** Repeats the bot logged as absorbed. */
  duplicatesAbsorbed: number;
  filesParsed: number;
  orphanTempFiles: number;
  problems: string[];
  ms: number;
}

/** mulberry32: a seeded source, so a failing run can be repeated. */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Officer {
  readonly n: number;
  readonly chatId: number;
  readonly script: Step[];
  /** Next step to send. */
  next: number;
  /** Highest step acknowledged (-1: none). */
  acked: number;
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

interface Life {
  readonly child: ChildProcess;
  readonly exited: Promise<number | null>;
}

export async function runCrashScenario(options: CrashOptions): Promise<CrashFigures> {
  const started = performance.now();
  const random = seeded(options.seed);
  const api = await FakeBotApi.start();
  const dir = await mkdtemp(join(tmpdir(), "nianbao-crash-"));
  const officers: Officer[] = Array.from({ length: options.officers }, (_, i) => ({ n: i + 1, chatId: officerUser(i + 1).id, script: officerScript(i + 1), next: 0, acked: -1 }));
  const byChat = new Map(officers.map((o) => [o.chatId, o]));
  const figures: CrashFigures = { kills: 0, killsInFlight: 0, acknowledged: 0, found: 0, checkedAfterKills: 0, redelivered: 0, duplicatesAbsorbed: 0, filesParsed: 0, orphanTempFiles: 0, problems: [], ms: 0 };
  let output = "";
  let scanned = 0;

  // A reply is an acknowledgement of every step up to the version on its buttons (script.ts).
  const scan = (): void => {
    for (; scanned < api.calls.length; scanned += 1) {
      const call = api.calls[scanned];
      if (call === undefined || call.method !== "sendMessage" || call.outcome !== "ok" || call.chatId === undefined) continue;
      const officer = byChat.get(call.chatId);
      if (officer !== undefined) officer.acked = Math.max(officer.acked, Math.min(replyVersion(call), officer.next - 1));
    }
  };
  // Each officer waits for the answer to their last message before sending the next, like a person.
  const pump = (): void => {
    scan();
    for (const officer of officers) {
      const step = officer.script[officer.next];
      if (step === undefined || officer.acked < officer.next - 1) continue;
      api.pushUpdate(step.update(officerUser(officer.n)));
      officer.next += 1;
    }
  };
  const inFlight = (): boolean => officers.some((o) => o.acked < o.next - 1);
  const done = (): boolean => officers.every((o) => o.acked === o.script.length - 1);

  const spawnBot = (): Life => {
    const child = spawn(process.execPath, ["--import", "tsx", "src/main.ts"], {
      cwd: ROOT,
      env: { PATH: process.env["PATH"] ?? "", HOME: process.env["HOME"] ?? "", BOT_TOKEN: CRASH_TOKEN, TELEGRAM_API_ROOT: api.apiRoot, DATA_DIR: dir, LOG_LEVEL: "info", ADMIN_IDS: "" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    child.stdout?.on("data", (chunk: Buffer) => (output += chunk.toString("utf8")));
    child.stderr?.on("data", (chunk: Buffer) => (output += chunk.toString("utf8")));
    return { child, exited: new Promise((resolve) => child.on("exit", (code) => resolve(code))) };
  };
  const polls = (): number => api.calls.filter((c) => c.method === "getUpdates").length;

  const verify = async (when: string, afterKill: boolean): Promise<void> => {
    const audit = await auditFiles(dir);
    figures.filesParsed += audit.parsed;
    figures.orphanTempFiles = audit.orphans;
    figures.problems.push(...audit.problems.map((p) => `${when}: ${p}`));
    // Acknowledged answers may still be in the journal only: read them as the next start will.
    const recovered = await recoveredCopy(dir);
    try {
      for (const officer of officers) {
        const record = await readRecord(recovered.dir, officer.n);
        figures.problems.push(...recordProblems(officer.n, record, officer.acked, officer.next - 1).map((p) => `${when}: ${p}`));
        if (afterKill) figures.checkedAfterKills += officer.acked + 1;
      }
    } finally {
      await recovered.remove();
    }
  };

  try {
    for (let life = 0; life <= options.kills; life += 1) {
      const before = polls();
      const { child, exited } = spawnBot();
      const deadline = Date.now() + 60_000;
      while (polls() === before && Date.now() < deadline) {
        pump();
        await sleep(5);
      }
      if (life < options.kills) {
        const until = Date.now() + random() * options.maxLifeMs;
        while (Date.now() < until) {
          pump();
          await sleep(5);
        }
        child.kill("SIGKILL");
        await exited;
        scan();
        figures.kills += 1;
        if (inFlight()) figures.killsInFlight += 1;
        await verify(`after kill ${life + 1}`, true);
        options.progress?.(`kill ${life + 1}/${options.kills}: ${officers.reduce((sum, o) => sum + o.acked + 1, 0)} answers acknowledged so far, ${figures.problems.length} problems`);
        continue;
      }
      // Last life: let every officer finish, then stop gracefully.
      const end = Date.now() + 120_000;
      while (!done() && Date.now() < end) {
        pump();
        await sleep(5);
      }
      child.kill("SIGTERM");
      const code = await exited;
      if (code !== 0) figures.problems.push(`final SIGTERM exit code ${String(code)}`);
      if (!done()) figures.problems.push(`officers unfinished: ${officers.filter((o) => o.acked < o.script.length - 1).map((o) => `${o.n}@${o.acked}/${o.next}`).join(" ")}`);
      await verify("final", false);
    }
    figures.acknowledged = officers.reduce((sum, o) => sum + o.acked + 1, 0);
    for (const officer of officers) {
      const record = await readRecord(dir, officer.n);
      figures.found += officer.script.slice(0, officer.acked + 1).filter((step) => record !== null && step.check(record) === undefined).length;
    }
    const seen = new Map<number, number>();
    for (const call of api.calls) {
      if (call.method !== "getUpdates" || !Array.isArray(call.result)) continue;
      for (const update of call.result as { update_id: number }[]) seen.set(update.update_id, (seen.get(update.update_id) ?? 0) + 1);
    }
    figures.redelivered = [...seen.values()].filter((count) => count > 1).length;
    figures.duplicatesAbsorbed = output.split("\n").filter((line) => line.includes("duplicate update absorbed")).length;
    if (output.includes(CRASH_TOKEN)) figures.problems.push("the bot token appeared in the bot's output");
  } finally {
    await api.close();
    await rm(dir, { recursive: true, force: true });
  }
  figures.ms = Math.round(performance.now() - started);
  return figures;
}
