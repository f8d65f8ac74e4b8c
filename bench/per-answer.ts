// Per-answer latency, one officer at a time (no queueing), each answer compared with the floor:
// durable writes of that officer's report size, interleaved with the answers so both see the
// same disk and the same load.
import { stat } from "node:fs/promises";
import { join } from "node:path";
import { personalDepartmentId } from "../src/app/workspace.ts";
import { reportPath } from "../src/store/paths.ts";
import { measureFloor } from "./floor.ts";
import { ANSWER_STEPS, answer, officer, REPORT_YEAR } from "./officer.ts";
import type { Pipeline } from "./pipeline.ts";
import { summarise, type Summary } from "./stats.ts";

export interface PerAnswer {
  readonly answer: Summary;
  /** The durable write (floor.ts). */
  readonly floor: Summary;
  readonly floorWithoutDir: Summary;
  readonly reportBytes: number;
}

const FLOOR_WRITES_PER_OFFICER = 20;

export async function perAnswer(pipeline: Pipeline, userIds: readonly number[], floorDir: string): Promise<PerAnswer> {
  const latencies: number[] = [];
  const floor: number[] = [];
  const floorWithoutDir: number[] = [];
  const sizes: number[] = [];
  for (const id of userIds) {
    const from = officer(id);
    for (const step of ANSWER_STEPS) {
      const latency = await answer(pipeline, from, step);
      if (step.numeric) latencies.push(latency);
    }
    // The report's file as it stands after the answers (each answer was durable before its reply).
    const file = join(pipeline.store.dataDir, reportPath({ departmentId: personalDepartmentId(String(id)), year: REPORT_YEAR }));
    const bytes = (await stat(file)).size;
    sizes.push(bytes);
    for (const sample of await measureFloor(floorDir, bytes, FLOOR_WRITES_PER_OFFICER)) {
      floor.push(sample.durable);
      floorWithoutDir.push(sample.withoutDir);
    }
  }
  if (latencies.some((l) => Number.isNaN(l))) throw new Error("bench: an answer got no reply");
  return { answer: summarise(latencies), floor: summarise(floor), floorWithoutDir: summarise(floorWithoutDir), reportBytes: summarise(sizes).p50 };
}
