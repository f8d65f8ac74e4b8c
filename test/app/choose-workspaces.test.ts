// Personal mode until an organisation exists; then only members get a workspace.
import { getRandomValues } from "node:crypto";
import { afterEach, describe, expect, it } from "vitest";
import { chooseWorkspaces, type AppBase } from "../../src/app/workspace.ts";
import { adminActions } from "../../src/app/admin-actions.ts";
import { createOrgService } from "../../src/app/org-service.ts";
import { openStore, type Store } from "../../src/store/store.ts";
import { recordingLogger } from "../support/bot-harness.ts";
import { tempDir } from "../store/helpers.ts";

const NOW = "2025-01-05T02:00:00.000Z";
let cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups) await cleanup();
  cleanups = [];
});

async function base(adminIds: string[]): Promise<AppBase & { store: Store }> {
  const { dir, cleanup } = await tempDir();
  const store = await openStore({ dataDir: dir, logger: recordingLogger() });
  cleanups.push(async () => {
    await store.close();
    await cleanup();
  });
  return { store, logger: recordingLogger(), now: () => NOW, randomBytes: (n) => getRandomValues(new Uint8Array(n)), adminIds, botUsername: "b" };
}

describe("chooseWorkspaces", () => {
  it("is personal mode with no admins and no offices: a new user is asked for the agency", async () => {
    const resolve = await chooseWorkspaces(await base([]));
    expect(await resolve("42", NOW)).toEqual({ kind: "needs-agency" });
  });

  it("is organisation mode once ADMIN_IDS is set: a stranger gets no workspace", async () => {
    const resolve = await chooseWorkspaces(await base(["9001"]));
    expect(await resolve("42", NOW)).toEqual({ kind: "stranger" });
  });

  it("is organisation mode when org.json has an office, even without admins", async () => {
    const app = await base([]);
    await adminActions(app, createOrgService(app)).addOffice("operator", "奉化区政务公开办");
    const resolve = await chooseWorkspaces(app);
    expect(await resolve("42", NOW)).toEqual({ kind: "stranger" });
  });

  it("switches to organisation mode when an office is added while running (no restart)", async () => {
    const app = await base([]);
    const resolve = await chooseWorkspaces(app);
    expect(await resolve("42", NOW)).toEqual({ kind: "needs-agency" });
    await adminActions(app, createOrgService(app)).addOffice("operator", "奉化区政务公开办");
    expect(await resolve("42", NOW)).toEqual({ kind: "stranger" });
  });
});
