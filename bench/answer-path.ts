// Which source files one answer crosses, from the update to the disk and back, in the real bot
// process (`node --import tsx src/main.ts`, personal mode, long polling a fake Bot API). Two runs
// under V8 coverage: the same officer's first answers, then the same plus one more numeric answer;
// a file is crossed when one of its functions ran more often in the second run.
//
//   npx tsx bench/answer-path.ts        prints the files, grouped by folder, and their count
import { spawn } from "node:child_process";
import { mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { officerScript, officerUser } from "../test/reliability/script.ts";
import { FakeBotApi } from "../test/support/fake-bot-api.ts";

const ROOT = join(import.meta.dirname, "..");
const OFFICER = 1;
/** agency, meta ok, rules gate, the first number: then the measured answer, the second number. */
const WARM_STEPS = 4;

type Counts = Map<string, number>;

async function run(steps: number): Promise<Counts> {
  const coverage = await mkdtemp(join(tmpdir(), "nianbao-cov-"));
  const data = await mkdtemp(join(tmpdir(), "nianbao-path-"));
  const api = await FakeBotApi.start();
  try {
    const child = spawn(process.execPath, ["--import", "tsx", "src/main.ts"], {
      cwd: ROOT,
      env: { PATH: process.env["PATH"] ?? "", HOME: process.env["HOME"] ?? "", BOT_TOKEN: "123456:PATH-token-abcdefghijklmnopqrstuvwxyz", TELEGRAM_API_ROOT: api.apiRoot, DATA_DIR: data, LOG_LEVEL: "silent", ADMIN_IDS: "", NODE_V8_COVERAGE: coverage },
      stdio: "ignore",
    });
    const exited = new Promise((resolve) => child.on("exit", resolve));
    const user = officerUser(OFFICER);
    for (const step of officerScript(OFFICER).slice(0, steps)) {
      const replies = api.messagesTo(user.id).length;
      api.pushUpdate(step.update(user));
      // Its reply has reached Telegram (a button tap also edits the old keyboard: not a reply).
      const deadline = Date.now() + 20_000;
      while (api.messagesTo(user.id).length === replies && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 10));
    }
    child.kill("SIGTERM");
    await exited;
    const counts: Counts = new Map();
    for (const name of await readdir(coverage)) {
      const report = JSON.parse(await readFile(join(coverage, name), "utf8")) as { result: { url: string; functions: { functionName: string; ranges: { startOffset: number; count: number }[] }[] }[] };
      for (const script of report.result) {
        if (!script.url.startsWith("file:")) continue;
        const file = relative(ROOT, fileURLToPath(script.url));
        if (!file.startsWith("src/")) continue;
        for (const fn of script.functions) counts.set(`${file}#${fn.functionName}@${fn.ranges[0]?.startOffset ?? 0}`, fn.ranges[0]?.count ?? 0);
      }
    }
    return counts;
  } finally {
    await api.close();
    await rm(coverage, { recursive: true, force: true });
    await rm(data, { recursive: true, force: true });
  }
}

const before = await run(WARM_STEPS);
const after = await run(WARM_STEPS + 1);
const files = new Set<string>();
for (const [key, count] of after) if (count > (before.get(key) ?? 0)) files.add(key.slice(0, key.indexOf("#")));
const sorted = [...files].sort();
for (const file of sorted) process.stdout.write(`${file}\n`);
process.stdout.write(`${sorted.length} files crossed by one answer\n`);
