// One process per data folder: a second process is refused while the first runs, a dead owner's
// lock is taken over, closing releases it, and two processes racing for it never both win.
import { spawn, type ChildProcessWithoutNullStreams } from "node:child_process";
import { access, mkdir, readdir, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { createInterface } from "node:readline";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { LOCK_FILE, StoreLockedError } from "../../src/store/store-lock.ts";
import { openStore } from "../../src/store/store.ts";
import { recordingLogger, tempDir } from "./helpers.ts";

let dir: string;
let cleanup: () => Promise<void>;
beforeEach(async () => ({ dir, cleanup } = await tempDir()));
afterEach(async () => cleanup());

const exists = (path: string): Promise<boolean> => access(path).then(() => true, () => false);

async function deadPid(): Promise<number> {
  const gone = spawn(process.execPath, ["-e", ""], { stdio: "ignore" });
  await new Promise((resolve) => gone.once("exit", resolve));
  return gone.pid ?? 0;
}

/** A racer process (lock-racer.ts) and the lines it prints, awaited by prefix. */
function racer(dataDir: string): { child: ChildProcessWithoutNullStreams; next: (prefix: string) => Promise<string> } {
  const child = spawn(process.execPath, ["--import", "tsx", join(import.meta.dirname, "lock-racer.ts"), dataDir], { stdio: "pipe" });
  const lines: string[] = [];
  const waiting: { prefix: string; resolve: (line: string) => void }[] = [];
  createInterface({ input: child.stdout }).on("line", (line) => {
    const at = waiting.findIndex((w) => line.startsWith(w.prefix));
    if (at >= 0) waiting.splice(at, 1)[0]?.resolve(line);
    else lines.push(line);
  });
  return {
    child,
    next: (prefix) =>
      new Promise((resolve) => {
        const at = lines.findIndex((line) => line.startsWith(prefix));
        if (at >= 0) resolve(lines.splice(at, 1)[0] ?? "");
        else waiting.push({ prefix, resolve });
      }),
  };
}

describe("store lock", () => {
  it("refuses a folder another live process holds, and says which", async () => {
    const sleeper = spawn(process.execPath, ["-e", "setTimeout(() => {}, 20000)"], { stdio: "ignore" });
    try {
      await mkdir(join(dir, LOCK_FILE));
      await writeFile(join(dir, LOCK_FILE, `${sleeper.pid}-0a1b`), "");
      const error = await openStore({ dataDir: dir, logger: recordingLogger() }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(StoreLockedError);
      expect(String(error)).toContain(`process ${sleeper.pid}`);
      expect(await readdir(join(dir, LOCK_FILE))).toEqual([`${sleeper.pid}-0a1b`]);
    } finally {
      sleeper.kill("SIGKILL");
    }
  });

  it("refuses while an earlier release's lock file names a live process", async () => {
    const sleeper = spawn(process.execPath, ["-e", "setTimeout(() => {}, 20000)"], { stdio: "ignore" });
    try {
      await writeFile(join(dir, LOCK_FILE), `${sleeper.pid}\n`);
      await expect(openStore({ dataDir: dir, logger: recordingLogger() })).rejects.toThrow(StoreLockedError);
    } finally {
      sleeper.kill("SIGKILL");
    }
  });

  it.each(["lock folder", "earlier release's lock file"])("takes over the %s of a process that is gone, and releases it on close", async (kind) => {
    const gone = await deadPid();
    if (kind === "lock folder") {
      await mkdir(join(dir, LOCK_FILE));
      await writeFile(join(dir, LOCK_FILE, `${gone}-0a1b`), "");
    } else {
      await writeFile(join(dir, LOCK_FILE), `${gone}\n`);
    }
    const store = await openStore({ dataDir: dir, logger: recordingLogger() });
    expect((await readdir(join(dir, LOCK_FILE))).map((name) => name.split("-")[0])).toEqual([String(process.pid)]);
    await store.close();
    expect(await exists(join(dir, LOCK_FILE))).toBe(false);
  });

  it("lets exactly one of two processes racing for the folder win, 200 times over (free, stale, legacy, empty)", async () => {
    const gone = await deadPid();
    const a = racer(dir);
    const b = racer(dir);
    try {
      for (let n = 0; n < 200; n += 1) {
        // The state an unclean stop (or none) leaves, varied so every takeover path is raced.
        const state = n % 4;
        if (state === 1) {
          await mkdir(join(dir, LOCK_FILE));
          await writeFile(join(dir, LOCK_FILE, `${gone}-dead`), "");
        } else if (state === 2) {
          await writeFile(join(dir, LOCK_FILE), `${gone}\n`);
        } else if (state === 3) {
          await mkdir(join(dir, LOCK_FILE));
        }
        a.child.stdin.write(`go ${n}\n`);
        b.child.stdin.write(`go ${n}\n`);
        const results = await Promise.all([a.next(`${n} `), b.next(`${n} `)]);
        const winners = results.filter((line) => line === `${n} got`);
        expect(winners, `trial ${n} (state ${state}): ${results.join(" | ")}`).toHaveLength(1);
        const loser = results.find((line) => line !== `${n} got`) ?? "";
        const winner = results[0] === `${n} got` ? a : b;
        expect(loser).toBe(`${n} locked ${winner.child.pid}`);
        winner.child.stdin.write(`release ${n}\n`);
        await winner.next(`${n} released`);
        await rm(join(dir, LOCK_FILE), { recursive: true, force: true });
      }
    } finally {
      a.child.stdin.end();
      b.child.stdin.end();
    }
  }, 120_000);
});
