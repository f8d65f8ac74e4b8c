// `nianbao restore` over an existing folder, twice in a row: each restore keeps the folder it
// replaced. The kept folder's name has a one-second stamp, so two restores within the same second
// (a fast machine) once failed with ENOTEMPTY while a slow machine passed.
import { readdir } from "node:fs/promises";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { tempDir } from "../store/helpers.ts";
import { runIn, type CliRun } from "./run-in.ts";

let dir: string;
let cleanup: () => Promise<void>;
beforeEach(async () => ({ dir, cleanup } = await tempDir()));
afterEach(() => cleanup());

const cli = (...argv: string[]): Promise<CliRun> => runIn(dir, { DATA_DIR: join(dir, "data"), LANG: "en_US.UTF-8" }, argv);

describe("nianbao restore", () => {
  it("restores over the same folder twice in a row, keeping each folder it replaced", async () => {
    expect((await cli("admin", "add-office", "X")).code).toBe(0);
    expect((await cli("backup", "b.tar.gz")).code).toBe(0);
    const first = await cli("restore", "b.tar.gz");
    const second = await cli("restore", "b.tar.gz");
    expect(first).toMatchObject({ code: 0, err: [] });
    expect(second).toMatchObject({ code: 0, err: [] });
    const kept = (await readdir(dir)).filter((name) => name.startsWith("data.before-restore-"));
    expect(kept).toHaveLength(2);
    // Each restore names the folder it kept, and each name is one of the two.
    for (const name of kept) expect([first.out[1], second.out[1]].filter((line) => line?.includes(join(dir, name)))).toHaveLength(1);
  });
});
