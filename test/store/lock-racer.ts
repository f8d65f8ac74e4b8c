// A separate process that races for a data folder's lock on command (store-lock.test.ts):
//   "go <n>"      → tries lockStore, prints "<n> got" or "<n> locked <pid>"
//   "release <n>" → releases what it holds, prints "<n> released"
import { createInterface } from "node:readline";
import { lockStore, StoreLockedError, type StoreLock } from "../../src/store/store-lock.ts";

const dir = process.argv[2] ?? "";
let held: StoreLock | undefined;
const say = (line: string): void => void process.stdout.write(`${line}\n`);

for await (const line of createInterface({ input: process.stdin })) {
  const [command, n] = line.split(" ");
  if (command === "go") {
    try {
      held = await lockStore(dir);
      say(`${n} got`);
    } catch (error) {
      say(error instanceof StoreLockedError ? `${n} locked ${error.pid}` : `${n} error ${String(error)}`);
    }
  } else if (command === "release") {
    await held?.release();
    held = undefined;
    say(`${n} released`);
  }
}
