// Per answer of two checkouts in one process, officers alternating between them and the floor
// interleaved, so both see the same disk and the same load (runs of `npm run bench` minutes apart
// on a shared machine differ more than the code does).
//
//   git worktree add --detach /tmp/a main && ln -s "$PWD/node_modules" /tmp/a/node_modules
//   npx tsx bench/paired.ts /tmp/a . [officers, default 40]
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import type * as FloorModule from "./floor.ts";
import type * as OfficerModule from "./officer.ts";
import type * as PipelineModule from "./pipeline.ts";
import type * as FixtureModule from "./store-fixture.ts";
import { summarise } from "./stats.ts";

const TEMPLATE_ID = 500_000;
const FLOOR_WRITES_PER_OFFICER = 20;

interface Side {
  readonly name: string;
  readonly officers: typeof OfficerModule;
  readonly pipeline: PipelineModule.Pipeline;
  readonly floor: typeof FloorModule;
  readonly latencies: number[];
}

async function openSide(tree: string, dir: string, ids: number[]): Promise<Side> {
  const root = resolve(tree);
  const officers = (await import(join(root, "bench/officer.ts"))) as typeof OfficerModule;
  const pipelines = (await import(join(root, "bench/pipeline.ts"))) as typeof PipelineModule;
  const fixture = (await import(join(root, "bench/store-fixture.ts"))) as typeof FixtureModule;
  const floor = (await import(join(root, "bench/floor.ts"))) as typeof FloorModule;
  const template = await pipelines.openPipeline(join(dir, "template"));
  await officers.reachTable3(template, officers.officer(TEMPLATE_ID));
  await template.close();
  await fixture.cloneOfficers(join(dir, "data"), await fixture.readOfficerFiles(join(dir, "template"), TEMPLATE_ID), ids);
  return { name: tree, officers, pipeline: await pipelines.openPipeline(join(dir, "data")), floor, latencies: [] };
}

const [treeA, treeB, count] = process.argv.slice(2);
if (treeA === undefined || treeB === undefined) throw new Error("usage: npx tsx bench/paired.ts <checkout A> <checkout B> [officers]");
const ids = Array.from({ length: Number(count ?? 40) }, (_, i) => 1_000 + i);
const root = await mkdtemp(join(tmpdir(), "nianbao-paired-"));
const sides = [await openSide(treeA, join(root, "a"), ids), await openSide(treeB, join(root, "b"), ids)];
const floor: number[] = [];
for (const [i, id] of ids.entries()) {
  for (const side of i % 2 === 0 ? sides : [...sides].reverse()) {
    for (const step of side.officers.ANSWER_STEPS) {
      const latency = await side.officers.answer(side.pipeline, side.officers.officer(id), step);
      if (step.numeric) side.latencies.push(latency);
    }
  }
  for (const sample of await sides[0]!.floor.measureFloor(join(root, "floor"), 24 * 1024, FLOOR_WRITES_PER_OFFICER)) floor.push(sample.durable);
}
for (const side of sides) await side.pipeline.close();
await rm(root, { recursive: true, force: true });
const floorP50 = summarise(floor).p50;
process.stdout.write(`floor p50 ${floorP50.toFixed(3)} ms\n`);
for (const side of sides) {
  const p50 = summarise(side.latencies).p50;
  process.stdout.write(`${side.name}: per answer p50 ${p50.toFixed(3)} ms = ${(p50 / floorP50).toFixed(2)}× floor (${side.latencies.length} answers)\n`);
}
