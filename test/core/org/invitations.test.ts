import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { base64Url, createInvitation, openInvitations, redeemInvitation, START_PARAM_PATTERN } from "../../../src/core/org/invitations.ts";
import { OrgSchema, type Org } from "../../../src/core/org/org-schema.ts";
import { sampleOrg } from "./sample-org.ts";

const sha256 = (text: string): string => createHash("sha256").update(text).digest("hex");
const bytes = (seed: number, length = 16): Uint8Array => Uint8Array.from({ length }, (_, i) => (seed * 31 + i * 17) & 255);
const EXPIRES = "2025-01-10T00:00:00Z";

function invite(org: Org, seed = 1): { org: Org; code: string } {
  const result = createInvitation(org, { target: { kind: "department", departmentId: "dA3" }, role: "officer", expiresAt: EXPIRES, createdBy: "u-supervisor" }, bytes(seed), sha256);
  if (!result.ok) throw new Error(result.error);
  return result;
}

describe("base64Url", () => {
  it("matches RFC 4648 vectors in the URL-safe alphabet without padding", () => {
    const ascii = (text: string): Uint8Array => new TextEncoder().encode(text);
    expect(base64Url(ascii("f"))).toBe("Zg");
    expect(base64Url(ascii("fo"))).toBe("Zm8");
    expect(base64Url(ascii("foo"))).toBe("Zm9v");
    expect(base64Url(ascii("foobar"))).toBe("Zm9vYmFy");
    expect(base64Url(Uint8Array.from([0xfb, 0xff, 0xbf]))).toBe("-_-_");
  });
  it("agrees with Node's base64url for random-looking input", () => {
    for (let seed = 0; seed < 50; seed += 1) {
      const input = bytes(seed, 16 + (seed % 20));
      expect(base64Url(input)).toBe(Buffer.from(input).toString("base64url"));
    }
  });
});

describe("createInvitation", () => {
  it("returns a 128-bit code usable as a Telegram start parameter and stores only its hash", () => {
    const { org, code } = invite(sampleOrg());
    expect(code).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(START_PARAM_PATTERN.test(code)).toBe(true);
    // All 16 random bytes are carried by the code (nothing truncated).
    expect([...Buffer.from(code, "base64url")]).toEqual([...bytes(1)]);
    expect(org.invitations[0]?.codeHash).toBe(sha256(code));
    expect(JSON.stringify(org)).not.toContain(code);
    expect(OrgSchema.safeParse(org).success).toBe(true);
  });
  it("makes different codes from different random bytes", () => {
    const codes = new Set(Array.from({ length: 100 }, (_, seed) => invite(sampleOrg(), seed + 1).code));
    expect(codes.size).toBe(100);
  });
  it("fits 48 bytes into 64 characters and refuses fewer than 128 bits", () => {
    const result = createInvitation(sampleOrg(), { target: { kind: "office", officeId: "oA" }, role: "supervisor", expiresAt: EXPIRES, createdBy: "u-admin" }, bytes(3, 48), sha256);
    expect(result.ok && result.code.length).toBe(64);
    expect(() => createInvitation(sampleOrg(), { target: { kind: "office", officeId: "oA" }, role: "supervisor", expiresAt: EXPIRES, createdBy: "u-admin" }, bytes(3, 15), sha256)).toThrow(/16/);
  });
  it("refuses roles that do not fit the target, unknown targets and bad expiry", () => {
    const org = sampleOrg();
    const ask = (target: { kind: "office"; officeId: string } | { kind: "department"; departmentId: string }, role: "officer" | "supervisor" | "leader" | "admin", expiresAt = EXPIRES) =>
      createInvitation(org, { target, role, expiresAt, createdBy: "u-admin" }, bytes(1), sha256);
    expect(ask({ kind: "office", officeId: "oA" }, "officer")).toEqual({ ok: false, error: "role-target-mismatch" });
    expect(ask({ kind: "department", departmentId: "dA1" }, "supervisor")).toEqual({ ok: false, error: "role-target-mismatch" });
    expect(ask({ kind: "office", officeId: "oA" }, "admin")).toEqual({ ok: false, error: "role-target-mismatch" });
    expect(ask({ kind: "department", departmentId: "zz" }, "officer")).toEqual({ ok: false, error: "unknown-target" });
    expect(ask({ kind: "office", officeId: "zz" }, "leader")).toEqual({ ok: false, error: "unknown-target" });
    expect(ask({ kind: "office", officeId: "oA" }, "leader", "tomorrow")).toEqual({ ok: false, error: "bad-expiry" });
    expect(ask({ kind: "office", officeId: "oA" }, "leader").ok).toBe(true);
  });
});

describe("redeemInvitation", () => {
  it("adds the member and marks the invitation used", () => {
    const { org, code } = invite(sampleOrg());
    const result = redeemInvitation(org, code, "u-new", "2025-01-09T23:59:59Z", sha256);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.member).toEqual({ userId: "u-new", role: "officer", departmentId: "dA3" });
    expect(result.org.members).toContainEqual({ userId: "u-new", role: "officer", departmentId: "dA3" });
    expect(result.org.invitations[0]).toMatchObject({ usedBy: "u-new", usedAt: "2025-01-09T23:59:59Z" });
    expect(OrgSchema.safeParse(result.org).success).toBe(true);
    // The input org is untouched.
    expect(org.invitations[0]?.usedBy).toBeUndefined();
  });
  it("refuses reuse, by anyone", () => {
    const { org, code } = invite(sampleOrg());
    const first = redeemInvitation(org, code, "u-new", "2025-01-01T00:00:00Z", sha256);
    if (!first.ok) throw new Error("first redeem failed");
    expect(redeemInvitation(first.org, code, "u-other", "2025-01-01T00:01:00Z", sha256)).toEqual({ ok: false, error: "used" });
    expect(redeemInvitation(first.org, code, "u-new", "2025-01-01T00:01:00Z", sha256)).toEqual({ ok: false, error: "used" });
  });
  it("refuses an expired code (at and after expiresAt)", () => {
    const { org, code } = invite(sampleOrg());
    expect(redeemInvitation(org, code, "u-new", EXPIRES, sha256)).toEqual({ ok: false, error: "expired" });
    expect(redeemInvitation(org, code, "u-new", "2025-01-10T08:00:00+08:00", sha256)).toEqual({ ok: false, error: "expired" });
    expect(redeemInvitation(org, code, "u-new", "2025-01-10T07:59:59+08:00", sha256).ok).toBe(true);
  });
  it("refuses wrong, altered and malformed codes", () => {
    const { org, code } = invite(sampleOrg());
    const altered = (code[0] === "A" ? "B" : "A") + code.slice(1);
    expect(redeemInvitation(org, altered, "u-new", "2025-01-01T00:00:00Z", sha256)).toEqual({ ok: false, error: "unknown" });
    expect(redeemInvitation(org, sha256(code), "u-new", "2025-01-01T00:00:00Z", sha256)).toEqual({ ok: false, error: "unknown" });
    expect(redeemInvitation(org, "", "u-new", "2025-01-01T00:00:00Z", sha256)).toEqual({ ok: false, error: "unknown" });
    expect(redeemInvitation(org, "a b+c/", "u-new", "2025-01-01T00:00:00Z", sha256)).toEqual({ ok: false, error: "unknown" });
  });
  it("does not duplicate a membership the person already has", () => {
    const base = sampleOrg();
    const created = createInvitation(base, { target: { kind: "department", departmentId: "dA1" }, role: "officer", expiresAt: EXPIRES, createdBy: "u-supervisor" }, bytes(9), sha256);
    if (!created.ok) throw new Error(created.error);
    const result = redeemInvitation(created.org, created.code, "u-officer", "2025-01-01T00:00:00Z", sha256);
    expect(result.ok && result.org.members.length).toBe(base.members.length);
  });
  it("one person, one role per office: an officer cannot become the office's supervisor, nor the reverse", () => {
    const asSupervisor = createInvitation(sampleOrg(), { target: { kind: "office", officeId: "oA" }, role: "supervisor", expiresAt: EXPIRES, createdBy: "u-admin" }, bytes(5), sha256);
    if (!asSupervisor.ok) throw new Error(asSupervisor.error);
    expect(redeemInvitation(asSupervisor.org, asSupervisor.code, "u-officer", "2025-01-01T00:00:00Z", sha256)).toEqual({ ok: false, error: "other-role" });
    const asOfficer = createInvitation(sampleOrg(), { target: { kind: "department", departmentId: "dA3" }, role: "officer", expiresAt: EXPIRES, createdBy: "u-admin" }, bytes(6), sha256);
    if (!asOfficer.ok) throw new Error(asOfficer.error);
    expect(redeemInvitation(asOfficer.org, asOfficer.code, "u-supervisor", "2025-01-01T00:00:00Z", sha256)).toEqual({ ok: false, error: "other-role" });
    expect(redeemInvitation(asOfficer.org, asOfficer.code, "u-leader", "2025-01-01T00:00:00Z", sha256)).toEqual({ ok: false, error: "other-role" });
    // The code stays unused for its real invitee.
    expect(redeemInvitation(asSupervisor.org, asSupervisor.code, "u-new", "2025-01-01T00:00:00Z", sha256).ok).toBe(true);
  });
  it("an office invitation makes an office member", () => {
    const created = createInvitation(sampleOrg(), { target: { kind: "office", officeId: "oB" }, role: "leader", expiresAt: EXPIRES, createdBy: "u-admin" }, bytes(4), sha256);
    if (!created.ok) throw new Error(created.error);
    const result = redeemInvitation(created.org, created.code, "u-boss", "2025-01-01T00:00:00Z", sha256);
    expect(result.ok && result.member).toEqual({ userId: "u-boss", role: "leader", officeId: "oB" });
  });
});

describe("openInvitations", () => {
  it("lists unused, unexpired invitations, optionally of one office", () => {
    const first = invite(sampleOrg(), 1);
    const second = createInvitation(first.org, { target: { kind: "office", officeId: "oB" }, role: "supervisor", expiresAt: "2025-02-01T00:00:00Z", createdBy: "u-admin" }, bytes(2), sha256);
    if (!second.ok) throw new Error(second.error);
    expect(openInvitations(second.org, "2025-01-01T00:00:00Z")).toHaveLength(2);
    expect(openInvitations(second.org, "2025-01-01T00:00:00Z", "oA").map((i) => i.codeHash)).toEqual([sha256(first.code)]);
    expect(openInvitations(second.org, "2025-01-15T00:00:00Z").map((i) => i.codeHash)).toEqual([sha256(second.code)]);
    const used = redeemInvitation(second.org, second.code, "u-x", "2025-01-15T00:00:00Z", sha256);
    expect(used.ok && openInvitations(used.org, "2025-01-15T00:00:00Z")).toEqual([]);
  });
});
