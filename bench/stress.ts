// `npm run stress`: the long versions of test/reliability/ (CI runs the short ones in `npm test`).
//   1. SIGKILL: 200 officers answer through the real bot process, killed 50 times, each kill fired
//      (after a seeded random number of answers) while the bot holds an update it has not answered.
//   2. Telegram faults: 8 officers against a Bot API answering 429/500/hanging at random.
//   3. Duplicates: every update of 20 officers repeated, every other one twice at once.
//   4. Fuzzing (NIANBAO_FUZZ_RUNS, default 1000 cases per property), the access matrix and the
//      core property tests, all from a fresh fast-check seed.
// Prints the figures quoted in README.md ("Reliability") and exits 1 if anything was lost.
//   STRESS_KILLS=50 STRESS_OFFICERS=30 STRESS_ANSWERS_PER_LIFE=… STRESS_SEED=… npm run stress
import { spawnSync } from "node:child_process";
import { runCrashScenario, seeded } from "../test/reliability/crash-run.ts";
import { officerUser, recordProblems, SCRIPT_LENGTH, versionOf } from "../test/reliability/script.ts";
import { driveOfficer, openWorld, reportOf, scriptUpdates } from "../test/reliability/world.ts";

const env = (name: string, fallback: number): number => {
  const value = Number(process.env[name]);
  return Number.isFinite(value) && value > 0 ? value : fallback;
};

const problems: string[] = [];
const print = (line: string): void => void process.stdout.write(`${line}\n`);

async function crash(): Promise<void> {
  const kills = env("STRESS_KILLS", 50);
  const officers = env("STRESS_OFFICERS", 200);
  const seed = env("STRESS_SEED", 20220110);
  // Lives short enough in answers that work never runs out before the last kill (crash-run.ts checks).
  const answersPerLife = env("STRESS_ANSWERS_PER_LIFE", Math.floor((officers * SCRIPT_LENGTH) / (2 * kills)));
  print(`1. SIGKILL: ${officers} officers × ${SCRIPT_LENGTH} answers, ${kills} kills, 0…${answersPerLife} answers per life (seed ${seed})`);
  const f = await runCrashScenario({ officers, kills, answersPerLife, seed, progress: (line) => print(`   ${line}`) });
  problems.push(...f.problems);
  if (f.killsInFlight !== f.kills) problems.push(`crash: only ${f.killsInFlight} of ${f.kills} kills landed with answers in flight`);
  print(`   kills survived: ${f.kills}, with answers in flight: ${f.killsInFlight} of ${f.kills} (${f.answersInFlightAtKills} answers in flight at the kills)`);
  print(`   answers acknowledged: ${f.acknowledged}, found in the store: ${f.found}, lost: ${f.acknowledged - f.found}`);
  print(`   acknowledged answers re-checked in the store right after a kill: ${f.checkedAfterKills}`);
  print(`   updates re-delivered (offset unconfirmed): ${f.redelivered}, duplicates absorbed: ${f.duplicatesAbsorbed}, applied twice: ${f.problems.filter((p) => p.includes("applied twice")).length}`);
  print(`   store files parsed: ${f.filesParsed} reads, corrupt: ${f.problems.filter((p) => !p.includes("officer")).length}, orphan temp files left by kills: ${f.orphanTempFiles}`);
  print(`   ${(f.ms / 1000).toFixed(1)} s`);
}

async function faults(): Promise<void> {
  const officers = Array.from({ length: env("STRESS_FAULT_OFFICERS", 8) }, (_, i) => i + 1);
  print(`2. Telegram faults: ${officers.length} officers, 12% 429 (retry_after 1 s), 6% 500, 4 hung requests`);
  const started = performance.now();
  const w = await openWorld({ retry: { maxRetryAttempts: 2, maxDelaySeconds: 5 }, timeoutSeconds: 5 });
  try {
    w.h.api.setFaultRates({ p429: 0.12, p500: 0.06, retryAfter: 1, random: seeded(env("STRESS_SEED", 7)) });
    w.h.api.inject(...Array.from({ length: 4 }, () => ({ kind: "hang" as const, method: "sendMessage", ms: 10_000 })));
    const sweeps = await Promise.all(officers.map((officer) => driveOfficer(w, officer)));
    w.h.api.setFaultRates(undefined);
    const calls = w.h.api.calls;
    const count = (outcome: string): number => calls.filter((c) => c.outcome === outcome).length;
    let delivered = 0;
    for (const officer of officers) {
      const record = await reportOf(w, officer);
      problems.push(...recordProblems(officer, record, SCRIPT_LENGTH - 1, SCRIPT_LENGTH - 1));
      if (versionOf(record) !== SCRIPT_LENGTH - 1) problems.push(`faults: officer ${officer} at version ${versionOf(record)}`);
      delivered += w.h.api.messagesTo(officerUser(officer).id).length;
    }
    print(`   faults injected: ${count("429") + count("500") + count("hang")} (${count("429")}×429, ${count("500")}×500, ${count("hang")} hung)`);
    print(`   interviews completed: ${officers.length}/${officers.length}, messages delivered: ${delivered}, outbox sweeps needed: ${sweeps.reduce((a, b) => a + b, 0)}`);
    print(`   ${((performance.now() - started) / 1000).toFixed(1)} s`);
  } finally {
    await w.close();
  }
}

async function duplicates(): Promise<void> {
  const officers = Array.from({ length: 20 }, (_, i) => i + 1);
  print(`3. Duplicates: ${officers.length} officers, every update repeated once, every other one also concurrently`);
  const w = await openWorld();
  try {
    let repeats = 0;
    await Promise.all(
      officers.map(async (officer) => {
        for (const [k, update] of scriptUpdates(officer).entries()) {
          const full = await w.feed(update);
          repeats += k % 2 === 0 ? 1 : 2;
          if (k % 2 === 0) await w.h.bot.handleUpdate(full);
          else await Promise.all([w.h.bot.handleUpdate(full), w.h.bot.handleUpdate(full)]);
        }
      }),
    );
    let extra = 0;
    for (const officer of officers) {
      const record = await reportOf(w, officer);
      problems.push(...recordProblems(officer, record, SCRIPT_LENGTH - 1, SCRIPT_LENGTH - 1));
      // Each state change bumps the version once: anything past the script's length was a repeat applied.
      extra += Math.max(0, versionOf(record) - (SCRIPT_LENGTH - 1));
    }
    print(`   repeated deliveries: ${repeats}, state changes they caused: ${extra}`);
  } finally {
    await w.close();
  }
}

function fuzz(): void {
  const runs = env("NIANBAO_FUZZ_RUNS", 1000);
  // `npm test` always uses one seed; here every run explores new inputs, replayable by this seed.
  const fcSeed = env("NIANBAO_FC_SEED", Math.floor(Math.random() * 2 ** 31));
  print(`4. fuzzing, properties and access matrix, ${runs} runs per fuzz property, NIANBAO_FC_SEED=${fcSeed}`);
  const result = spawnSync("npx", ["vitest", "run", "test/fuzz", "test/security", "test/core"], {
    stdio: "inherit",
    env: { ...process.env, NIANBAO_FUZZ_RUNS: String(runs), NIANBAO_FC_SEED: String(fcSeed) },
  });
  if (result.status !== 0) problems.push(`fuzz/security tests failed (exit ${result.status ?? "signal"})`);
}

await crash();
await faults();
await duplicates();
fuzz();
print(problems.length === 0 ? "stress: nothing lost, nothing applied twice" : `stress: ${problems.length} problem(s):\n${problems.slice(0, 50).join("\n")}`);
process.exitCode = problems.length === 0 ? 0 : 1;
