// One process per data folder: a second process is refused while the first runs, a dead owner's
// lock is taken over, and closing releases it.
import { spawn } from "node:child_process";
import { access, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { LOCK_FILE, StoreLockedError } from "../../src/store/store-lock.ts";
import { openStore } from "../../src/store/store.ts";
import { recordingLogger, tempDir } from "./helpers.ts";

let dir: string;
let cleanup: () => Promise<void>;
beforeEach(async () => ({ dir, cleanup } = await tempDir()));
afterEach(async () => cleanup());

const exists = (path: string): Promise<boolean> => access(path).then(() => true, () => false);

describe("store lock", () => {
  it("refuses a folder another live process holds, and says which", async () => {
    const sleeper = spawn(process.execPath, ["-e", "setTimeout(() => {}, 20000)"], { stdio: "ignore" });
    try {
      await writeFile(join(dir, LOCK_FILE), `${sleeper.pid}\n`);
      const error = await openStore({ dataDir: dir, logger: recordingLogger() }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(StoreLockedError);
      expect(String(error)).toContain(`process ${sleeper.pid}`);
      expect(await readFile(join(dir, LOCK_FILE), "utf8")).toBe(`${sleeper.pid}\n`);
    } finally {
      sleeper.kill("SIGKILL");
    }
  });

  it("takes over the lock of a process that is gone, and releases it on close", async () => {
    const gone = spawn(process.execPath, ["-e", ""], { stdio: "ignore" });
    await new Promise((resolve) => gone.once("exit", resolve));
    await writeFile(join(dir, LOCK_FILE), `${gone.pid}\n`);
    const store = await openStore({ dataDir: dir, logger: recordingLogger() });
    expect(await readFile(join(dir, LOCK_FILE), "utf8")).toBe(`${process.pid}\n`);
    await store.close();
    expect(await exists(join(dir, LOCK_FILE))).toBe(false);
  });
});
