import { readFile, stat } from "node:fs/promises";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { z } from "zod";
import { openStore } from "../../src/store/store.ts";
import { recordingLogger, tempDir } from "./helpers.ts";

let dir: string;
let cleanup: () => Promise<void>;
beforeEach(async () => ({ dir, cleanup } = await tempDir()));
afterEach(() => cleanup());

const Org = z.object({ offices: z.array(z.object({ id: z.string(), name: z.string() })) }).strict();

describe("openStore", () => {
  it("creates its folders under a data dir that does not exist yet", async () => {
    const dataDir = join(dir, "nested", "data");
    const store = await openStore({ dataDir, logger: recordingLogger() });
    for (const sub of ["reports", "index/reports", "users"]) expect((await stat(join(dataDir, sub))).isDirectory()).toBe(true);
    expect(store.dataDir).toBe(dataDir);
    await store.close();
  });

  it("keeps a generic document (org.json) with defaults, validation and one handle per path", async () => {
    const store = await openStore({ dataDir: dir, logger: recordingLogger() });
    const org = store.doc("org.json", Org, { offices: [] });
    expect(store.doc("org.json", Org, { offices: [] })).toBe(org);
    expect(await org.read()).toEqual({ offices: [] });
    await org.update((o) => ({ offices: [...o.offices, { id: "fh", name: "奉化区" }] }));
    await expect(org.update(() => ({ offices: "none" }) as never)).rejects.toThrow();
    expect(JSON.parse(await readFile(join(dir, "org.json"), "utf8"))).toEqual({ offices: [{ id: "fh", name: "奉化区" }] });
    await store.close();
    const again = await openStore({ dataDir: dir, logger: recordingLogger() });
    expect(await again.doc("org.json", Org, { offices: [] }).read()).toEqual({ offices: [{ id: "fh", name: "奉化区" }] });
    await again.close();
  });

  it("keeps per-user sessions and their extra fields", async () => {
    const store = await openStore({ dataDir: dir, logger: recordingLogger() });
    await store.user(123456).update((s) => ({ ...s, locale: "en", currentReport: { departmentId: "yingji", year: 2021 }, menu: "main" }));
    expect(JSON.parse(await readFile(join(dir, "users/123456.json"), "utf8"))).toEqual({
      locale: "en",
      currentReport: { departmentId: "yingji", year: 2021 },
      menu: "main",
    });
    await expect(store.user(1).update((s) => ({ ...s, locale: "fr" as never }))).rejects.toThrow();
    expect(() => store.user("../1")).toThrow(/userId/);
    await store.close();
  });

  it("bounds loaded documents by cacheSize", async () => {
    const store = await openStore({ dataDir: dir, logger: recordingLogger(), cacheSize: 5 });
    for (let i = 0; i < 20; i += 1) await store.user(i).update((s) => ({ ...s, locale: "zh-CN" }));
    expect(store.loadedDocuments).toBeLessThanOrEqual(5);
    await store.close();
  });
});
