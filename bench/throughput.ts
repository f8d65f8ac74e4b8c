// Many officers at once through the whole pipeline as production runs it: the bot long-polls the
// fake Bot API (intake.ts, @grammyjs/runner), answers through the interview and the store (each
// answer durable before its reply), and replies with grammY's own HTTP client. The
// officers live with the fake Telegram in another thread (crowd-worker.ts); each sends its next
// answer when the next question arrives. Sustained rate = numeric answers answered / wall time.
import type { App } from "../src/app/app.ts";
import { createInterviewService } from "../src/app/interview-service.ts";
import { storeLocaleChoices } from "../src/app/locale-choices.ts";
import { personalWorkspaces } from "../src/app/workspace.ts";
import { openStore } from "../src/store/store.ts";
import { createBot } from "../src/telegram/create-bot.ts";
import { interviewFeature } from "../src/telegram/features/interview.ts";
import { startIntake } from "../src/telegram/intake.ts";
import { updatesInHand } from "../src/app/updates-in-hand.ts";
import type { FromCrowd, ToCrowd } from "./crowd-worker.ts";
import { ANSWER_STEPS } from "./officer.ts";
import { benchClock, silent } from "./pipeline.ts";
import type { Summary } from "./stats.ts";
import { startBenchWorker } from "./worker-boot.ts";

export interface Throughput {
  readonly officers: number;
  readonly answers: number;
  readonly seconds: number;
  readonly perSecond: number;
  /** From an answer reaching the fake Telegram to its first reply arriving there. */
  readonly latency: Summary;
  readonly latencies: readonly number[];
  /** Event-loop utilisation of the bot's thread over the run (1 = never idle). */
  readonly botThreadBusy: number;
}

export async function throughput(dataDir: string, userIds: readonly number[], maxSeconds: number): Promise<Throughput> {
  let finish: (result: Extract<FromCrowd, { kind: "done" }>) => void = () => undefined;
  const finished = new Promise<Extract<FromCrowd, { kind: "done" }>>((resolve) => (finish = resolve));
  const { worker, ready } = await startBenchWorker<Extract<FromCrowd, { kind: "ready" }>, FromCrowd>("./crowd-worker.ts", (message) => {
    if (message.kind === "done") finish(message);
  });
  const store = await openStore({ dataDir, logger: silent });
  const app: App = { store, logger: silent, now: benchClock(), randomBytes: (n) => new Uint8Array(n), adminIds: [], botUsername: undefined, workspaces: personalWorkspaces(store) };
  const bot = createBot({ token: "100001:BENCH-token-0000000000000", apiRoot: ready.apiRoot, botInfo: ready.botInfo, logger: silent, store: { locales: storeLocaleChoices(store) }, features: [interviewFeature(app, createInterviewService(app))] });
  const polling = await startIntake(bot, { inHand: updatesInHand(store), logger: silent });
  try {
    const before = performance.eventLoopUtilization();
    worker.postMessage({ kind: "go", officers: userIds, steps: ANSWER_STEPS, seconds: maxSeconds } satisfies ToCrowd);
    const result = await finished;
    const busy = performance.eventLoopUtilization(before).utilization;
    if (result.unanswered > 0) throw new Error(`bench: ${result.unanswered} officers still waiting for a reply`);
    return { officers: userIds.length, answers: result.answers, seconds: result.seconds, perSecond: result.answers / result.seconds, latency: result.latency, latencies: result.latencies, botThreadBusy: busy };
  } finally {
    await polling.stop();
    await store.close();
    worker.postMessage({ kind: "close" } satisfies ToCrowd);
    await new Promise((resolve) => worker.once("exit", resolve));
  }
}
