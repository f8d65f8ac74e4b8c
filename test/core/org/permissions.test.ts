import { describe, expect, it } from "vitest";
import { can, type Action, type Target } from "../../../src/core/org/permissions.ts";
import { ACTIONS, ADMIN_IDS, sampleOrg } from "./sample-org.ts";

// Scopes seen from a person attached to office oA / department dA1.
const TARGETS: Record<string, Target> = {
  ownDepartment: { departmentId: "dA1" },
  ownDepartmentWithOffice: { officeId: "oA", departmentId: "dA1" },
  otherDepartmentSameOffice: { departmentId: "dA2" },
  departmentOfOtherOffice: { departmentId: "dB1" },
  ownOffice: { officeId: "oA" },
  otherOffice: { officeId: "oB" },
  everything: {},
};
type TargetName = keyof typeof TARGETS;

const OFFICE_WIDE: TargetName[] = ["ownDepartment", "ownDepartmentWithOffice", "otherDepartmentSameOffice", "ownOffice"];
const OWN_DEPARTMENT: TargetName[] = ["ownDepartment", "ownDepartmentWithOffice"];

// The expected table, written out by hand from the brief: action → where each role may act.
const EXPECTED: Record<string, Partial<Record<Action, TargetName[]>>> = {
  "u-officer": {
    fillReport: OWN_DEPARTMENT,
    viewReport: OWN_DEPARTMENT,
    exportReport: OWN_DEPARTMENT,
    submitReport: OWN_DEPARTMENT,
    reopenReport: OWN_DEPARTMENT,
  },
  "u-supervisor": {
    viewReport: OFFICE_WIDE,
    exportReport: OFFICE_WIDE,
    returnReport: OFFICE_WIDE,
    approveReport: OFFICE_WIDE,
    viewStatus: OFFICE_WIDE,
    viewSummary: OFFICE_WIDE,
    invite: OFFICE_WIDE,
    manageOrg: OFFICE_WIDE,
  },
  "u-leader": {
    viewReport: OFFICE_WIDE,
    exportReport: OFFICE_WIDE,
    viewStatus: OFFICE_WIDE,
    viewSummary: OFFICE_WIDE,
  },
  "u-stranger": {},
};
const ALL = Object.keys(TARGETS) as TargetName[];

describe("can", () => {
  const org = sampleOrg();
  for (const [userId, grants] of Object.entries(EXPECTED)) {
    for (const action of ACTIONS) {
      for (const target of ALL) {
        const expected = (grants[action] ?? []).includes(target);
        it(`${userId} ${expected ? "may" : "may not"} ${action} on ${target}`, () => {
          expect(can(org, userId, action, TARGETS[target] ?? {}, ADMIN_IDS)).toBe(expected);
        });
      }
    }
  }
  for (const admin of ["u-admin", "u-member-admin"]) {
    it(`${admin} may do everything everywhere`, () => {
      for (const action of ACTIONS) for (const target of ALL) expect(can(org, admin, action, TARGETS[target] ?? {}, ADMIN_IDS)).toBe(true);
    });
  }
  it("ADMIN_IDS is what makes u-admin an admin", () => {
    expect(can(org, "u-admin", "manageOrg", {}, [])).toBe(false);
  });
  it("refuses a department named under the wrong office", () => {
    expect(can(org, "u-supervisor", "viewReport", { officeId: "oB", departmentId: "dA1" }, ADMIN_IDS)).toBe(false);
    expect(can(org, "u-officer", "fillReport", { officeId: "oB", departmentId: "dA1" }, ADMIN_IDS)).toBe(false);
  });
  it("refuses an unknown department to everyone but admins", () => {
    expect(can(org, "u-supervisor", "viewReport", { departmentId: "nope" }, ADMIN_IDS)).toBe(false);
    expect(can(org, "u-admin", "viewReport", { departmentId: "nope" }, ADMIN_IDS)).toBe(true);
  });
  it("the other office's supervisor sees only its own office", () => {
    expect(can(org, "u-supervisorB", "approveReport", { departmentId: "dB1" }, ADMIN_IDS)).toBe(true);
    expect(can(org, "u-supervisorB", "approveReport", { departmentId: "dA1" }, ADMIN_IDS)).toBe(false);
  });
  it("nobody approves or returns their own department's report, whatever else they are", () => {
    const base = sampleOrg();
    // An org written before one-role-per-office: the officer of dA1 is also oA's supervisor.
    const org2 = { ...base, members: [...base.members, { userId: "u-officer", role: "supervisor" as const, officeId: "oA" }] };
    for (const action of ["approveReport", "returnReport"] as const) {
      expect(can(org2, "u-officer", action, { departmentId: "dA1" }, [])).toBe(false);
      expect(can(org2, "u-officer", action, { departmentId: "dA2" }, [])).toBe(true);
      // An admin who is also the department's officer does not review it either.
      expect(can(org2, "u-officer", action, { departmentId: "dA1" }, ["u-officer"])).toBe(false);
    }
    expect(can(org2, "u-officer", "submitReport", { departmentId: "dA1" }, [])).toBe(true);
  });
  it("a person with two memberships gets both", () => {
    const base = sampleOrg();
    const org2 = { ...base, members: [...base.members, { userId: "u-officer", role: "officer" as const, departmentId: "dA2" }] };
    expect(can(org2, "u-officer", "fillReport", { departmentId: "dA2" }, [])).toBe(true);
    expect(can(org2, "u-officer", "fillReport", { departmentId: "dA3" }, [])).toBe(false);
  });
});
