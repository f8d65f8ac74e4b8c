// A small organisation shared by the supervision tests: two offices, three departments, one
// person per role. Built by hand (not with the code under test).
import type { Org } from "../../../src/core/org/org-schema.ts";
import type { Action } from "../../../src/core/org/permissions.ts";

export const ADMIN_IDS = ["u-admin"];

/** Every permission action, written out; the compiler refuses the list once an action is missing. */
export const ACTIONS = [
  "fillReport",
  "viewReport",
  "exportReport",
  "submitReport",
  "returnReport",
  "approveReport",
  "reopenReport",
  "viewStatus",
  "viewSummary",
  "invite",
  "manageOrg",
] as const satisfies readonly Action[];
const _complete: [Exclude<Action, (typeof ACTIONS)[number]>] extends [never] ? true : never = true;

export function sampleOrg(): Org {
  return {
    offices: [
      { id: "oA", name: "奉化区政务公开办" },
      { id: "oB", name: "鄞州区政务公开办" },
    ],
    departments: [
      { id: "dA1", officeId: "oA", name: "奉化区应急管理局" },
      { id: "dA2", officeId: "oA", name: "奉化区教育局" },
      { id: "dA3", officeId: "oA", name: "奉化区水利局" },
      { id: "dB1", officeId: "oB", name: "鄞州区应急管理局" },
    ],
    members: [
      { userId: "u-officer", role: "officer", departmentId: "dA1" },
      { userId: "u-officer2", role: "officer", departmentId: "dA2" },
      { userId: "u-supervisor", role: "supervisor", officeId: "oA" },
      { userId: "u-leader", role: "leader", officeId: "oA" },
      { userId: "u-member-admin", role: "admin" },
      { userId: "u-officerB", role: "officer", departmentId: "dB1" },
      { userId: "u-supervisorB", role: "supervisor", officeId: "oB" },
    ],
    invitations: [],
  };
}
