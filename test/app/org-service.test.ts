// The organisation shell on a real store: ids, name lookup, hashed invitations, workspaces.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createOrgService, expiryFrom, hashCode } from "../../src/app/org-service.ts";
import { orgWorkspaces } from "../../src/app/workspace.ts";
import type { Store } from "../../src/store/store.ts";
import { tempDir } from "../store/helpers.ts";
import { testApp, type Clock } from "../telegram/supervision-support.ts";

let cleanup: () => Promise<void>;
let store: Store;
let clock: Clock;
let app: Awaited<ReturnType<typeof testApp>>;
beforeEach(async () => {
  const temp = await tempDir();
  cleanup = temp.cleanup;
  clock = { now: "2025-01-10T02:00:00Z" };
  app = await testApp(temp.dir, clock);
  store = app.store;
});
afterEach(async () => {
  await store.close();
  await cleanup();
});

describe("org service", () => {
  it("makes ASCII ids and finds offices and departments by name or id", async () => {
    const org = createOrgService(app);
    const office = await org.addOffice(" 奉化区政务公开办 ");
    expect(office).toEqual({ ok: true, office: { id: "o1", name: "奉化区政务公开办" } });
    expect(await org.addDepartment("奉化区政务公开办", "应急管理局")).toEqual({ ok: true, department: { id: "d1", officeId: "o1", name: "应急管理局" } });
    expect(await org.addDepartment("o1", "教育局")).toMatchObject({ ok: true, department: { id: "d2" } });
    expect(await org.addDepartment("o9", "水利局")).toEqual({ ok: false, error: "unknown-office" });
    expect(await org.addDepartment("o1", "教育局")).toEqual({ ok: false, error: "duplicate-id" });
    expect(await org.addOffice("  ")).toEqual({ ok: false, error: "empty-name" });
  });

  it("stores only the hash of a code and redeems it once before expiry", async () => {
    const org = createOrgService(app);
    await org.addOffice("甲办");
    await org.addDepartment("甲办", "甲局");
    const invited = await org.invite({ target: "甲局", role: "officer", expiresAt: expiryFrom(clock.now, "1d") ?? "", by: "9001" });
    if (!invited.ok) throw new Error(invited.error);
    expect(invited.link).toBe(`https://t.me/nianbao_test_bot?start=${invited.code}`);
    const stored = await org.org();
    expect(stored.invitations[0]?.codeHash).toBe("" + hashCode(invited.code));
    expect(JSON.stringify(stored)).not.toContain(invited.code);
    expect(await org.redeem(invited.code, "7")).toMatchObject({ ok: true, place: "甲局" });
    expect(await org.redeem(invited.code, "8")).toEqual({ ok: false, error: "used" });
  });

  it("expiryFrom reads days and hours and refuses anything else", () => {
    expect(expiryFrom("2025-01-10T02:00:00Z", "7d")).toBe("2025-01-17T02:00:00.000Z");
    expect(expiryFrom("2025-01-10T02:00:00Z", "36h")).toBe("2025-01-11T14:00:00.000Z");
    expect(expiryFrom("2025-01-10T02:00:00Z", "0d")).toBeUndefined();
    expect(expiryFrom("2025-01-10T02:00:00Z", "tomorrow")).toBeUndefined();
  });
});

describe("organisation workspaces", () => {
  it("an officer works on their department's campaign year; others are strangers", async () => {
    const org = createOrgService(app);
    await org.addOffice("甲办");
    await org.addDepartment("甲办", "甲区应急管理局");
    const officer = await org.invite({ target: "d1", role: "officer", expiresAt: "2025-02-01T00:00:00Z", by: "a" });
    const supervisor = await org.invite({ target: "o1", role: "supervisor", expiresAt: "2025-02-01T00:00:00Z", by: "a" });
    if (!officer.ok || !supervisor.ok) throw new Error("invite failed");
    await org.redeem(officer.code, "21");
    await org.redeem(supervisor.code, "31");
    const resolve = orgWorkspaces(() => org.org());
    // 2025-12-31T16:30Z is already 2026-01-01 in Shanghai: the campaign is 2025.
    expect(await resolve("21", "2025-12-31T16:30:00Z")).toEqual({ kind: "ready", workspace: { departmentId: "d1", officeId: "o1", agency: "甲区应急管理局", year: 2025 } });
    expect(await resolve("21", "2025-10-31T15:30:00Z")).toMatchObject({ workspace: { year: 2024 } }); // 31 Oct in Shanghai
    // A session written by an older release may still hold a chosen year: the office's campaign year decides.
    await store.user("21").update((session) => ({ ...session, currentReport: { departmentId: "d1", year: 2022 } }));
    expect(await resolve("21", "2025-12-31T16:30:00Z")).toMatchObject({ workspace: { departmentId: "d1", year: 2025 } });
    expect(await resolve("31", clock.now)).toEqual({ kind: "stranger" });
    expect(await resolve("99", clock.now)).toEqual({ kind: "stranger" });
  });
});
