// The SIGKILL scenario shared by test/reliability/crash.test.ts (small) and bench/stress.ts (long):
// the real bot as a child process (`node --import tsx src/main.ts`, personal mode) long-polls a
// FakeBotApi in this process while scripted officers answer; the bot is killed with SIGKILL and
// restarted. Each kill is fired from an observed state, not a timer: after a seeded random number of
// answers, at a moment when the fake Telegram has handed the bot an update it has not answered, so
// every kill lands mid-work however fast or loaded the machine is. After every kill, with the
// process dead, the files must parse and the store (opened on a copy, as the next start opens it)
// must return every acknowledged answer; nothing may be applied twice.
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { BOT_ARGS } from "../support/bot-process.ts";
import { FakeBotApi } from "../support/fake-bot-api.ts";
import { auditFiles, officerScript, officerUser, recordProblems, replyVersion, SCRIPT_LENGTH, storedRecords, type Step } from "./script.ts";

export const CRASH_TOKEN = "424242:RELIABILITY-crash-token-abcdefghijklmnop";

export interface CrashOptions {
  readonly officers: number;
  readonly kills: number;
  /**
   * Each life lets a seeded random 0…answersPerLife answers be acknowledged, then is killed at the
   * next observed moment when Telegram (the fake) has handed the bot an update it has not answered.
   * officers × script length must exceed kills × (answersPerLife + 1), so work never runs out.
   */
  readonly answersPerLife: number;
  readonly seed: number;
  /** Progress lines (the stress run prints them). */
  readonly progress?: (line: string) => void;
}

export interface CrashFigures {
  kills: number;
  /**
   * Kills fired while at least one update was handed to the bot in that life and not yet answered
   * (the verdict wants every kill; one observed without would be a problem).
   */
  killsInFlight: number;
  /** Unanswered handed-out updates at the moments of the kills, summed. */
  answersInFlightAtKills: number;
  /** Answers whose reply reached the fake Telegram. */
  acknowledged: number;
  /** Of those, found in the store at the end. */
  found: number;
  /** Acknowledged answers checked in the store right after a SIGKILL, summed over the kills. */
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
  /** update_id of the last step sent. */
  sentId: number;
}

/** Polling interval of the driver: how often it looks at what the fake Telegram has seen. */
const LOOK_MS = 2;
/** Safety nets for a stuck bot, generous for a loaded machine; the kill itself never waits on the clock. */
const KILL_MOMENT_TIMEOUT_MS = 120_000;
const FINISH_TIMEOUT_MS = 600_000;

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

interface Life {
  readonly child: ChildProcess;
  readonly exited: Promise<number | null>;
}

export async function runCrashScenario(options: CrashOptions): Promise<CrashFigures> {
  const started = performance.now();
  const random = seeded(options.seed);
  const total = options.officers * SCRIPT_LENGTH;
  if (total <= options.kills * (options.answersPerLife + 1)) {
    throw new Error(`crash: ${total} answers cannot keep ${options.kills} lives of up to ${options.answersPerLife} answers busy`);
  }
  const api = await FakeBotApi.start();
  const dir = await mkdtemp(join(tmpdir(), "nianbao-crash-"));
  const officers: Officer[] = Array.from({ length: options.officers }, (_, i) => ({ n: i + 1, chatId: officerUser(i + 1).id, script: officerScript(i + 1), next: 0, acked: -1, sentId: -1 }));
  const byChat = new Map(officers.map((o) => [o.chatId, o]));
  const figures: CrashFigures = {
    kills: 0, killsInFlight: 0, answersInFlightAtKills: 0, acknowledged: 0, found: 0, checkedAfterKills: 0, redelivered: 0,
    duplicatesAbsorbed: 0, filesParsed: 0, orphanTempFiles: 0, problems: [], ms: 0,
  };
  let output = "";
  let scanned = 0;
  /** Index in api.calls where the current life began: getUpdates answered from there on went to it. */
  let lifeFrom = 0;

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
      officer.sentId = api.pushUpdate(step.update(officerUser(officer.n))).update_id;
      officer.next += 1;
    }
  };
  const acknowledged = (): number => officers.reduce((sum, o) => sum + o.acked + 1, 0);
  const done = (): boolean => officers.every((o) => o.acked === o.script.length - 1);
  /** Officers whose last update the current life has received (a getUpdates answer) and not answered. */
  const inFlight = (): number => {
    scan();
    const handedOut = new Set<number>();
    for (let i = lifeFrom; i < api.calls.length; i += 1) {
      const call = api.calls[i];
      // A long poll still open has no result yet: nothing handed out by it.
      if (call?.method !== "getUpdates" || !Array.isArray(call.result)) continue;
      for (const update of call.result as { update_id: number }[]) handedOut.add(update.update_id);
    }
    return officers.filter((o) => o.acked < o.next - 1 && handedOut.has(o.sentId)).length;
  };

  const spawnBot = (): Life => {
    const child = spawn(process.execPath, BOT_ARGS, {
      cwd: dir,
      env: { PATH: process.env["PATH"] ?? "", HOME: process.env["HOME"] ?? "", BOT_TOKEN: CRASH_TOKEN, TELEGRAM_API_ROOT: api.apiRoot, DATA_DIR: dir, LOG_LEVEL: "info", ADMIN_IDS: "" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    child.stdout?.on("data", (chunk: Buffer) => (output += chunk.toString("utf8")));
    child.stderr?.on("data", (chunk: Buffer) => (output += chunk.toString("utf8")));
    return { child, exited: new Promise((resolve) => child.on("exit", (code) => resolve(code))) };
  };

  const verify = async (when: string, afterKill: boolean): Promise<void> => {
    const audit = await auditFiles(dir);
    figures.filesParsed += audit.parsed;
    figures.orphanTempFiles = audit.orphans;
    figures.problems.push(...audit.problems.map((p) => `${when}: ${p}`));
    const records = await storedRecords(dir, officers.map((o) => o.n));
    for (const officer of officers) {
      figures.problems.push(...recordProblems(officer.n, records.get(officer.n) ?? null, officer.acked, officer.next - 1).map((p) => `${when}: ${p}`));
      if (afterKill) figures.checkedAfterKills += officer.acked + 1;
    }
  };

  /**
   * Drives the officers until this life's kill moment: `answers` more acknowledgements, then the
   * `skip`+1-th look that finds an update handed out and unanswered. Returns how many were in flight
   * (0 when the safety net fired or the work ran out, both reported as problems).
   */
  const killMoment = async (kill: number, answers: number, skip: number): Promise<number> => {
    const armedAt = acknowledged() + answers;
    const deadline = Date.now() + KILL_MOMENT_TIMEOUT_MS;
    let looks = skip;
    for (;;) {
      pump();
      if (acknowledged() >= armedAt) {
        const flying = inFlight();
        if (flying > 0) {
          if (looks === 0) return flying;
          looks -= 1;
        }
      }
      if (done()) {
        figures.problems.push(`kill ${kill}: every officer finished before the kill (work ran out)`);
        return 0;
      }
      if (Date.now() > deadline) {
        figures.problems.push(`kill ${kill}: no answer in flight within ${KILL_MOMENT_TIMEOUT_MS} ms (bot stuck?)`);
        return 0;
      }
      await sleep(LOOK_MS);
    }
  };

  try {
    for (let life = 0; life <= options.kills; life += 1) {
      lifeFrom = api.calls.length;
      const { child, exited } = spawnBot();
      if (life < options.kills) {
        const flying = await killMoment(life + 1, Math.floor(random() * (options.answersPerLife + 1)), Math.floor(random() * 3));
        // Same tick as the look: nothing the fake Telegram receives can change the state in between.
        child.kill("SIGKILL");
        await exited;
        figures.kills += 1;
        if (flying > 0) figures.killsInFlight += 1;
        figures.answersInFlightAtKills += flying;
        scan();
        await verify(`after kill ${life + 1}`, true);
        options.progress?.(`kill ${life + 1}/${options.kills}: ${flying} answers in flight, ${acknowledged()} acknowledged so far, ${figures.problems.length} problems`);
        continue;
      }
      // Last life: let every officer finish, then stop gracefully.
      const end = Date.now() + FINISH_TIMEOUT_MS;
      while (!done() && Date.now() < end) {
        pump();
        await sleep(LOOK_MS);
      }
      child.kill("SIGTERM");
      const code = await exited;
      if (code !== 0) figures.problems.push(`final SIGTERM exit code ${String(code)}`);
      if (!done()) figures.problems.push(`officers unfinished: ${officers.filter((o) => o.acked < o.script.length - 1).map((o) => `${o.n}@${o.acked}/${o.next}`).join(" ")}`);
      await verify("final", false);
    }
    figures.acknowledged = acknowledged();
    const records = await storedRecords(dir, officers.map((o) => o.n));
    for (const officer of officers) {
      const record = records.get(officer.n) ?? null;
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
