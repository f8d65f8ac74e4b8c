import { describe, expect, it } from "vitest";
import { addDepartment, addOffice, departmentsOf, officersOf, supervisorsOf } from "../../../src/core/org/org-ops.ts";
import { emptyOrg, OrgSchema } from "../../../src/core/org/org-schema.ts";
import { sampleOrg } from "./sample-org.ts";

describe("org edits", () => {
  it("adds offices and departments and keeps the org valid", () => {
    const office = addOffice(emptyOrg(), { id: "o1", name: " 区政务公开办 " });
    if (!office.ok) throw new Error(office.error);
    expect(office.org.offices).toEqual([{ id: "o1", name: "区政务公开办" }]);
    const department = addDepartment(office.org, { id: "d1", officeId: "o1", name: "区应急管理局" });
    if (!department.ok) throw new Error(department.error);
    expect(departmentsOf(department.org, "o1").map((d) => d.name)).toEqual(["区应急管理局"]);
    expect(OrgSchema.parse(department.org)).toEqual(department.org);
  });
  it("refuses duplicates, unknown offices and empty names", () => {
    const org = sampleOrg();
    expect(addOffice(org, { id: "oA", name: "x" })).toEqual({ ok: false, error: "duplicate-id" });
    expect(addOffice(org, { id: "oC", name: "  " })).toEqual({ ok: false, error: "empty-name" });
    expect(addDepartment(org, { id: "dA1", officeId: "oA", name: "x" })).toEqual({ ok: false, error: "duplicate-id" });
    expect(addDepartment(org, { id: "dX", officeId: "oZ", name: "x" })).toEqual({ ok: false, error: "unknown-office" });
  });
  it("rejects a malformed org.json", () => {
    expect(OrgSchema.safeParse({ ...emptyOrg(), members: [{ userId: "1", role: "boss" }] }).success).toBe(false);
    expect(OrgSchema.safeParse({ ...emptyOrg(), extra: 1 }).success).toBe(false);
  });
});

describe("org views", () => {
  const org = sampleOrg();
  it("finds officers of a department and supervisors of an office", () => {
    expect(officersOf(org, "dA1")).toEqual(["u-officer"]);
    expect(officersOf(org, "dA3")).toEqual([]);
    expect(supervisorsOf(org, "oA")).toEqual(["u-supervisor"]);
    expect(supervisorsOf(org, "oB")).toEqual(["u-supervisorB"]);
  });
});
