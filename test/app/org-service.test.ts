// The organisation on a real store, edited as the operator does: ids, name lookup, hashed invitations, workspaces.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { adminActions } from "../../src/app/admin-actions.ts";
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

const refusal = (key: string) => ({ ok: false, refusal: { key, params: {} } });

/** The invitation code in an invite answer's link. */
async function invite(admin: ReturnType<typeof adminActions>, target: string, role: string, expires?: string): Promise<string> {
  const answer = await admin.invite("operator", target, role, expires);
  const link = answer.ok ? String(answer.lines[1]?.params.link) : "";
  const code = /start=([A-Za-z0-9_-]+)$/.exec(link)?.[1];
  if (code === undefined) throw new Error(`no invitation: ${JSON.stringify(answer)}`);
  return code;
}

describe("org service", () => {
  it("makes ASCII ids and finds offices and departments by name or id", async () => {
    const org = createOrgService(app);
    const admin = adminActions(app, org);
    expect(await admin.addOffice("operator", " 奉化区政务公开办 ")).toEqual({ ok: true, lines: [{ key: "org-office-added", params: { name: "奉化区政务公开办", id: "o1" } }] });
    expect(await admin.addDepartment("operator", "奉化区政务公开办", "应急管理局")).toEqual({
      ok: true,
      lines: [{ key: "org-department-added", params: { name: "应急管理局", id: "d1", office: "奉化区政务公开办" } }],
    });
    expect(await admin.addDepartment("operator", "o1", "教育局")).toMatchObject({ ok: true, lines: [{ params: { id: "d2" } }] });
    expect((await org.org()).departments).toEqual([
      { id: "d1", officeId: "o1", name: "应急管理局" },
      { id: "d2", officeId: "o1", name: "教育局" },
    ]);
    expect(await admin.addDepartment("operator", "o9", "水利局")).toEqual(refusal("sup-org-error-unknown-office"));
    expect(await admin.addDepartment("operator", "o1", "教育局")).toEqual(refusal("sup-org-error-duplicate-id"));
    expect(await admin.addOffice("operator", "奉化区政务公开办")).toEqual(refusal("sup-org-error-duplicate-id"));
    expect(await admin.addOffice("operator", "甲\u202e办")).toEqual(refusal("sup-org-error-bad-name"));
    // Every character the org file's schema refuses is refused here as a bad name, not as a store error.
    for (const hidden of ["\u200b", "\u00ad", "\ufeff", "\u2028", "\ue000", "\ufffe"]) {
      expect(await admin.addDepartment("operator", "o1", `水${hidden}利局`)).toEqual(refusal("sup-org-error-bad-name"));
    }
    expect(await admin.addOffice("operator", "  ")).toEqual({ ok: false, refusal: "usage" });
    expect((await org.org()).offices).toEqual([{ id: "o1", name: "奉化区政务公开办" }]);
  });

  it("stores only the hash of a code and redeems it once before expiry", async () => {
    const org = createOrgService(app);
    const admin = adminActions(app, org);
    await admin.addOffice("operator", "甲办");
    await admin.addDepartment("operator", "甲办", "甲局");
    const answer = await admin.invite("operator", "甲局", "officer", "1d");
    expect(answer).toMatchObject({ ok: true, lines: [{ key: "org-invite-for", params: { place: "甲局" } }, { key: "sup-invite-created" }] });
    const code = await invite(admin, "甲局", "officer", "1d");
    const stored = await org.org();
    expect(stored.invitations[1]).toMatchObject({ codeHash: hashCode(code), expiresAt: expiryFrom(clock.now, "1d"), createdBy: "cli" });
    expect(JSON.stringify(stored)).not.toContain(code);
    expect(await org.redeem(code, "7")).toMatchObject({ ok: true, place: "甲局" });
    expect(await org.redeem(code, "8")).toEqual({ ok: false, error: "used" });
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
    const admin = adminActions(app, org);
    await admin.addOffice("operator", "甲办");
    await admin.addDepartment("operator", "甲办", "甲区应急管理局");
    await org.redeem(await invite(admin, "d1", "officer"), "21");
    await org.redeem(await invite(admin, "o1", "supervisor"), "31");
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
