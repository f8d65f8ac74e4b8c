// .docx render and import timings: the seed report and a busy one, rendered as a final; imports of
// the published seed text, of a rendered .docx and of a published 6-page PDF (淮安市人民政府 2024).
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { importReport } from "../src/core/import/import-report.ts";
import { renderReport } from "../src/core/render/render-report.ts";
import type { Report } from "../src/core/report/schema.ts";
import { busyReport } from "../test/support/report-builders.ts";
import { summarise, type Summary } from "./stats.ts";

export interface DocTiming {
  readonly name: string;
  readonly time: Summary;
  readonly bytes: number;
}

const FIXTURES = join(import.meta.dirname, "..", "test", "fixtures");

async function repeat(runs: number, fn: () => Promise<number>): Promise<{ time: Summary; bytes: number }> {
  await fn(); // warm-up: module and font tables
  const times: number[] = [];
  let bytes = 0;
  for (let i = 0; i < runs; i += 1) {
    const started = performance.now();
    bytes = await fn();
    times.push(performance.now() - started);
  }
  return { time: summarise(times), bytes };
}

export async function documents(runs: number): Promise<DocTiming[]> {
  const seed = JSON.parse(await readFile(join(FIXTURES, "seed-2021.report.json"), "utf8")) as Report;
  const busy = busyReport();
  const seedText = await readFile(join(FIXTURES, "seed-2021.txt"));
  const rendered = await renderReport(seed, { draft: false });
  const pdf = new Uint8Array(await readFile(join(FIXTURES, "import", "huaian-2024.pdf")));
  const imported = async (name: string, bytes: Uint8Array): Promise<number> => {
    const result = await importReport({ name, bytes });
    if (!result.ok) throw new Error(`bench: import of ${name} failed: ${result.reason}`);
    return bytes.length;
  };
  return [
    { name: "render seed report", ...(await repeat(runs, async () => (await renderReport(seed, { draft: false })).length)) },
    { name: "render busy report", ...(await repeat(runs, async () => (await renderReport(busy, { draft: false })).length)) },
    { name: "import seed .txt", ...(await repeat(runs, () => imported("seed-2021.txt", seedText))) },
    { name: "import rendered .docx", ...(await repeat(runs, () => imported("seed-2021.docx", rendered))) },
    // pdf.js parses every page's content stream: a few hundred ms a run, so fewer runs.
    { name: "import 6-page PDF", ...(await repeat(Math.min(runs, 15), () => imported("huaian-2024.pdf", pdf))) },
  ];
}
