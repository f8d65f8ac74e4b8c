// `npm run bench`: the figures of the "Performance" issue, measured on this machine through the
// real pipeline (createBot + interview + store on disk + FakeBotApi over loopback), printed as a
// table with goals and written to .tmp/bench/results.json. Bounded: a few minutes on 2 cores.
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { cpus, loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { documents } from "./documents.ts";
import { effort } from "./effort.ts";
import { officer, reachTable3 } from "./officer.ts";
import { perAnswer, type PerAnswer } from "./per-answer.ts";
import { openPipeline } from "./pipeline.ts";
import { runProcess, type ProcessRun } from "./process-start.ts";
import { formatTable, type Machine, type Row } from "./report-table.ts";
import { ms, percentile, summarise, type Summary } from "./stats.ts";
import { cloneOfficers, idRange, readOfficerFiles, type OfficerFiles } from "./store-fixture.ts";
import { throughput } from "./throughput.ts";

const PER_ANSWER_OFFICERS = 100; // × 27 numeric answers
const POLLED_OFFICERS = 10;
const GROWTH_OFFICERS = 40;
const GROWTH_SIZES = [10, 1_000, 10_000] as const;
const PROCESS_RUNS = 3;
const PROCESS_OFFICERS = 2;
const CONCURRENT_OFFICERS = 1_000;
const THROUGHPUT_SECONDS = 20;
const DOC_RUNS = 50;

const TEMPLATE_ID = 500_000;
/** `npm run bench -- --quick`: per answer and throughput only (about a minute). */
const QUICK = process.argv.includes("--quick");
const log = (text: string): void => void process.stderr.write(`bench: ${text}\n`);

async function template(root: string): Promise<OfficerFiles> {
  const dir = join(root, "template");
  const pipeline = await openPipeline(dir);
  await reachTable3(pipeline, officer(TEMPLATE_ID));
  await pipeline.close();
  return readOfficerFiles(dir, TEMPLATE_ID);
}

async function measureAnswers(dataDir: string, files: OfficerFiles, ids: number[], floorDir: string): Promise<PerAnswer> {
  await cloneOfficers(dataDir, files, ids);
  const pipeline = await openPipeline(dataDir);
  try {
    return await perAnswer(pipeline, ids, floorDir);
  } finally {
    await pipeline.close();
  }
}

/** One officer at a time, as main.ts takes updates: from the answer reaching Telegram to its reply there. */
async function polledAnswers(dataDir: string, files: OfficerFiles, ids: number[]): Promise<Summary> {
  await cloneOfficers(dataDir, files, ids);
  const latencies: number[] = [];
  for (const id of ids) latencies.push(...(await throughput(dataDir, [id], THROUGHPUT_SECONDS)).latencies);
  return summarise(latencies);
}

interface Growth {
  readonly reports: number;
  readonly answers: PerAnswer;
  readonly process: ProcessRun[];
}

async function growth(root: string, files: OfficerFiles): Promise<Growth[]> {
  const dataDir = join(root, "growth");
  const results: Growth[] = [];
  let stored = 0;
  let nextId = 2_000_000;
  for (const size of GROWTH_SIZES) {
    // Other departments' reports, as files in the store layout (set-up only: no fsync).
    await cloneOfficers(dataDir, files, idRange(1_000_000 + stored, size - stored));
    stored = size;
    log(`growth: ${size} stored reports, answering`);
    const ids = idRange(nextId, GROWTH_OFFICERS);
    nextId += GROWTH_OFFICERS;
    const answers = await measureAnswers(dataDir, files, ids, join(root, "floor"));
    const runs: ProcessRun[] = [];
    for (let i = 0; i < PROCESS_RUNS; i += 1) {
      const processIds = idRange(nextId, PROCESS_OFFICERS);
      nextId += PROCESS_OFFICERS;
      await cloneOfficers(dataDir, files, processIds);
      runs.push(await runProcess(dataDir, processIds));
    }
    results.push({ reports: size, answers, process: runs });
  }
  return results;
}

async function main(): Promise<void> {
  const loadBefore = loadavg();
  const root = await mkdtemp(join(tmpdir(), "nianbao-bench-"));
  const rows: Row[] = [];
  const json: Record<string, unknown> = {};
  try {
    log("warming up main.ts once (tsx transform cache)");
    const files = await template(root);
    await cloneOfficers(join(root, "warm"), files, [TEMPLATE_ID]);
    if (!QUICK) await runProcess(join(root, "warm"), []);

    log(`per answer: ${PER_ANSWER_OFFICERS} officers × 27 answers`);
    const single = await measureAnswers(join(root, "single"), files, idRange(100_000, PER_ANSWER_OFFICERS), join(root, "floor"));
    json["perAnswer"] = single;
    const ratio50 = single.answer.p50 / single.floor.p50;
    rows.push({ what: `per answer, p50 (${single.answer.n} answers)`, measured: `${ms(single.answer.p50)} ms = ${ratio50.toFixed(2)}× floor`, goal: "≤ 2× floor", met: ratio50 <= 2 });
    rows.push({ what: "per answer, p99", measured: `${ms(single.answer.p99)} ms = ${(single.answer.p99 / single.floor.p99).toFixed(2)}× floor p99`, goal: "" });
    rows.push({ what: `floor: durable write of ${(single.reportBytes / 1024).toFixed(0)} KiB, p50/p99`, measured: `${ms(single.floor.p50)} / ${ms(single.floor.p99)} ms (temp, fsync, rename, fsync of the folder)`, goal: "" });
    rows.push({ what: "  … without the folder's fsync, p50/p99", measured: `${ms(single.floorWithoutDir.p50)} / ${ms(single.floorWithoutDir.p99)} ms`, goal: "" });

    log(`per answer through long polling: ${POLLED_OFFICERS} officers one after another`);
    const polled = await polledAnswers(join(root, "polled"), files, idRange(200_000, POLLED_OFFICERS));
    json["polledAnswer"] = polled;
    rows.push({ what: `per answer via intake.ts, p50 (${polled.n} answers)`, measured: `${ms(polled.p50)} ms = ${(polled.p50 / single.floor.p50).toFixed(2)}× floor (p99 ${ms(polled.p99)} ms)`, goal: "" });

    const grown = QUICK ? [] : await growth(root, files);
    json["growth"] = grown;
    const base = grown[0];
    for (const g of grown) {
      const starts = g.process.map((p) => p.startMs);
      const start = percentile(starts, 50);
      const rss = g.process.at(-1)?.rssMiB ?? Number.NaN;
      const ratio = base === undefined ? Number.NaN : g.answers.answer.p50 / base.answers.answer.p50;
      rows.push({ what: `${g.reports} reports: per answer p50/p99`, measured: `${ms(g.answers.answer.p50)} / ${ms(g.answers.answer.p99)} ms (${ratio.toFixed(2)}× at 10; floor ${ms(g.answers.floor.p50)})`, goal: g === base ? "" : "≤ 1.2× at 10", ...(g === base ? {} : { met: ratio <= 1.2 }) });
      rows.push({ what: `${g.reports} reports: process start (median of ${starts.length})`, measured: `${start.toFixed(0)} ms`, goal: "< 300 ms", met: start < 300 });
      const rssRatio = base === undefined ? Number.NaN : rss / (base.process.at(-1)?.rssMiB ?? Number.NaN);
      rows.push({ what: `${g.reports} reports: RSS after ${g.process.at(-1)?.answers ?? 0} answers`, measured: `${rss.toFixed(0)} MiB`, goal: g === base ? "" : "≤ 1.25× at 10", ...(g === base ? {} : { met: rssRatio <= 1.25 }) });
    }

    log(`throughput: ${CONCURRENT_OFFICERS} officers at once, up to ${THROUGHPUT_SECONDS} s`);
    const crowdDir = join(root, "crowd");
    const crowd = idRange(3_000_000, CONCURRENT_OFFICERS);
    await cloneOfficers(crowdDir, files, crowd);
    const rate = await throughput(crowdDir, crowd, THROUGHPUT_SECONDS);
    json["throughput"] = { ...rate, latencies: undefined };
    rows.push({ what: `throughput, ${rate.officers} officers at once`, measured: `${rate.perSecond.toFixed(0)} answers/s (${rate.answers} in ${rate.seconds.toFixed(1)} s; p50 ${ms(rate.latency.p50)} ms, p99 ${ms(rate.latency.p99)} ms; bot thread ${(rate.botThreadBusy * 100).toFixed(0)} % busy)`, goal: "≥ 300/s, each durable", met: rate.perSecond >= 300 });

    log(`documents: ${QUICK ? 0 : DOC_RUNS} runs each`);
    const docs = QUICK ? [] : await documents(DOC_RUNS);
    json["documents"] = docs;
    for (const d of docs) {
      const render = d.name.startsWith("render");
      const pdf = d.name.includes("PDF");
      const goal = render ? 50 : pdf ? 500 : undefined;
      rows.push({ what: `${d.name}, p50/p99`, measured: `${ms(d.time.p50)} / ${ms(d.time.p99)} ms (${(d.bytes / 1024).toFixed(1)} KiB)`, goal: goal === undefined ? "" : `p50 < ${goal} ms`, ...(goal === undefined ? {} : { met: d.time.p50 < goal }) });
    }

    const efforts = QUICK ? [] : effort();
    json["effort"] = efforts;
    for (const e of efforts) {
      rows.push({ what: `effort: ${e.name}`, measured: `${e.messages} messages + ${e.taps} taps = ${e.messages + e.taps}${e.complete ? "" : " (INCOMPLETE)"}`, goal: `< ${e.formCells} form cells`, met: e.complete && e.messages + e.taps < e.formCells });
    }
  } finally {
    await rm(root, { recursive: true, force: true });
  }
  const machine: Machine = {
    cores: cpus().length,
    cpu: cpus()[0]?.model.trim() ?? "unknown",
    node: process.version,
    loadBefore,
    loadAfter: loadavg(),
    threadpool: process.env["UV_THREADPOOL_SIZE"] ?? "4 (default)",
  };
  const table = formatTable(machine, rows);
  process.stdout.write(`${table}\n`);
  const out = join(import.meta.dirname, "..", ".tmp", "bench");
  await mkdir(out, { recursive: true });
  await writeFile(join(out, QUICK ? "results-quick.json" : "results.json"), `${JSON.stringify({ at: new Date().toISOString(), machine, rows, ...json }, null, 2)}\n`);
  await writeFile(join(out, QUICK ? "results-quick.txt" : "results.txt"), `${table}\n`);
  log(`written to ${join(out, QUICK ? "results-quick.json" : "results.json")}`);
}

await main();
