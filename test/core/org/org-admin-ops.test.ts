import { describe, expect, it } from "vitest";
import { invitationByRef, invitationOfficeId, moveDepartment, removeMember, revokeInvitation } from "../../../src/core/org/org-ops.ts";
import type { Invitation, Org } from "../../../src/core/org/org-schema.ts";
import { sampleOrg } from "./sample-org.ts";

const invitation = (codeHash: string, extra: Partial<Invitation> = {}): Invitation => ({
  codeHash,
  target: { kind: "department", departmentId: "dA1" },
  role: "officer",
  expiresAt: "2025-02-01T00:00:00Z",
  createdBy: "u-supervisor",
  ...extra,
});

function withInvitations(...invitations: Invitation[]): Org {
  return { ...sampleOrg(), invitations };
}

describe("invitations by reference", () => {
  it("finds the one unused invitation a prefix names, refuses short, ambiguous or used ones", () => {
    const org = withInvitations(invitation("abcdef01aaaa"), invitation("abcdef02bbbb"), invitation("99990000", { usedBy: "u-x", usedAt: "2025-01-02T00:00:00Z" }));
    expect(invitationByRef(org, "ABCDEF01")).toMatchObject({ ok: true, invitation: { codeHash: "abcdef01aaaa" } });
    expect(invitationByRef(org, "abcdef")).toEqual({ ok: false, error: "ambiguous-invitation" });
    expect(invitationByRef(org, "abc")).toEqual({ ok: false, error: "unknown-invitation" });
    expect(invitationByRef(org, "9999")).toEqual({ ok: false, error: "unknown-invitation" });
    expect(invitationByRef(org, "#$%^")).toEqual({ ok: false, error: "unknown-invitation" });
  });

  it("revoking drops only that invitation; its office is the department's", () => {
    const org = withInvitations(invitation("abcdef01"), invitation("12345678", { target: { kind: "office", officeId: "oB" }, role: "supervisor" }));
    const revoked = revokeInvitation(org, "abcdef01");
    expect(revoked.ok && revoked.org.invitations.map((i) => i.codeHash)).toEqual(["12345678"]);
    expect(invitationOfficeId(org, org.invitations[0] as Invitation)).toBe("oA");
    expect(invitationOfficeId(org, org.invitations[1] as Invitation)).toBe("oB");
  });
});

describe("members and departments", () => {
  it("removes a person's memberships in one office or everywhere", () => {
    const org = sampleOrg();
    expect(removeMember(org, "u-officerB", "oA")).toEqual({ ok: false, error: "unknown-member" });
    const removed = removeMember(org, "u-officerB", "oB");
    expect(removed.ok && removed.removed).toEqual([{ userId: "u-officerB", role: "officer", departmentId: "dB1" }]);
    expect(removed.ok && removed.org.members.length).toBe(org.members.length - 1);
    expect(removeMember(org, "nobody")).toEqual({ ok: false, error: "unknown-member" });
  });

  it("moves a department under another office, and refuses unknown or unchanged targets", () => {
    const org = sampleOrg();
    const moved = moveDepartment(org, "dA3", "oB");
    expect(moved.ok && moved.org.departments.find((d) => d.id === "dA3")).toEqual({ id: "dA3", officeId: "oB", name: "奉化区水利局" });
    expect(moveDepartment(org, "dA3", "oA")).toEqual({ ok: false, error: "same-office" });
    expect(moveDepartment(org, "dZ", "oA")).toEqual({ ok: false, error: "unknown-department" });
    expect(moveDepartment(org, "dA3", "oZ")).toEqual({ ok: false, error: "unknown-office" });
  });
});
