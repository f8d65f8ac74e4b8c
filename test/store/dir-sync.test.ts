import { mkdir } from "node:fs/promises";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { syncDir } from "../../src/store/dir-sync.ts";
import { tempDir } from "./helpers.ts";

let dir: string;
let cleanup: () => Promise<void>;

beforeEach(async () => {
  ({ dir, cleanup } = await tempDir());
});
afterEach(() => cleanup());

describe("syncDir (group commit of folder fsyncs)", () => {
  it("starts an fsync at once when none is running", async () => {
    await expect(syncDir(dir)).resolves.toBeUndefined();
  });

  it("lets callers that arrive during an fsync share the next one, never the running one", async () => {
    const order: string[] = [];
    const first = syncDir(dir);
    const second = syncDir(dir);
    const third = syncDir(dir);
    // The running fsync may have begun before the second and third renames: they wait for a new one.
    expect(second).not.toBe(first);
    expect(third).toBe(second);
    void first.then(() => order.push("first"));
    void second.then(() => order.push("second"));
    await Promise.all([first, second, third]);
    expect(order).toEqual(["first", "second"]);
  });

  it("keeps folders apart", () => {
    const a = syncDir(dir);
    const b = syncDir(join(dir, "."));
    const other = syncDir(join(dir, ".."));
    expect(other).not.toBe(a);
    return Promise.all([a, b, other]);
  });

  it("reports a failing fsync to its callers and recovers for later ones", async () => {
    const missing = join(dir, "not-yet");
    const failing = syncDir(missing);
    const joined = syncDir(missing);
    await expect(failing).rejects.toMatchObject({ code: "ENOENT" });
    await expect(joined).rejects.toMatchObject({ code: "ENOENT" });
    await mkdir(missing);
    await expect(syncDir(missing)).resolves.toBeUndefined();
  });

  it("serves a burst of callers with every promise settled", async () => {
    const calls = Array.from({ length: 200 }, () => syncDir(dir));
    expect(new Set(calls).size).toBeLessThanOrEqual(2);
    await Promise.all(calls);
  });
});
