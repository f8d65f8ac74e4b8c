// Many officers at once through the full pipeline, each on their own report: every officer sends
// its next answer as soon as the previous one is acknowledged (reply sent, so data fsynced).
// Sustained rate = numeric answers acknowledged / wall time, over a bounded window.
import { ANSWER_STEPS, answer, officer } from "./officer.ts";
import type { Pipeline } from "./pipeline.ts";
import { summarise, type Summary } from "./stats.ts";

export interface Throughput {
  readonly officers: number;
  readonly answers: number;
  readonly seconds: number;
  readonly perSecond: number;
  readonly latency: Summary;
}

export async function throughput(pipeline: Pipeline, userIds: readonly number[], maxSeconds: number): Promise<Throughput> {
  const latencies: number[] = [];
  const started = performance.now();
  const deadline = started + maxSeconds * 1000;
  let answers = 0;
  await Promise.all(
    userIds.map(async (id) => {
      const from = officer(id);
      for (const step of ANSWER_STEPS) {
        if (performance.now() > deadline) return;
        const latency = await answer(pipeline, from, step);
        if (Number.isNaN(latency)) throw new Error(`bench: officer ${id} got no reply`);
        if (step.numeric) {
          answers += 1;
          latencies.push(latency);
        }
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  return { officers: userIds.length, answers, seconds, perSecond: answers / seconds, latency: summarise(latencies) };
}
