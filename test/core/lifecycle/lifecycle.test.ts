import { describe, expect, it } from "vitest";
import { newRecord, partyOf, transition, type LifecycleRecord } from "../../../src/core/lifecycle/lifecycle.ts";
import { notificationsFor, recipientsOf } from "../../../src/core/lifecycle/notifications.ts";
import { type LifecycleAction, type Party, type Status } from "../../../src/core/lifecycle/transitions.ts";
import { ADMIN_IDS, sampleOrg } from "../org/sample-org.ts";

const AT = "2025-01-20T02:00:00Z";
const record = (status: Status): LifecycleRecord => ({ ...newRecord({ departmentId: "dA1", officeId: "oA", year: 2024, at: "2025-01-01T00:00:00Z" }), status });
const STATUSES: Status[] = ["draft", "submitted", "returned", "approved"];
const ACTIONS: LifecycleAction[] = ["submit", "return", "approve", "reopen"];
const PARTIES: Party[] = ["department", "office"];

// By hand, from the brief: the only allowed steps.
const ALLOWED: Record<string, Status> = {
  "draft submit department": "submitted",
  "returned submit department": "submitted",
  "submitted return office": "returned",
  "submitted approve office": "approved",
  "approved reopen department": "draft",
};

describe("transition", () => {
  for (const status of STATUSES) {
    for (const action of ACTIONS) {
      for (const party of PARTIES) {
        const to = ALLOWED[`${status} ${action} ${party}`];
        it(`${party} ${action} from ${status}: ${to ?? "refused"}`, () => {
          const outcome = transition(record(status), action, { by: "u", as: party, at: AT, comment: "请核对", hardErrorCount: 0 });
          if (to === undefined) {
            expect(outcome.ok).toBe(false);
            if (!outcome.ok) expect(["not-allowed", "wrong-party"]).toContain(outcome.error);
          } else {
            expect(outcome.ok && outcome.result.record.status).toBe(to);
          }
        });
      }
    }
  }
  it("records who, when, from and to in the history", () => {
    const outcome = transition(record("draft"), "submit", { by: "u-officer", as: "department", at: AT, hardErrorCount: 0 });
    expect(outcome.ok && outcome.result.record).toMatchObject({ status: "submitted", updatedAt: AT, history: [{ action: "submit", from: "draft", to: "submitted", by: "u-officer", at: AT }] });
  });
  it("refuses to submit a report with hard errors or unchecked", () => {
    expect(transition(record("draft"), "submit", { by: "u", as: "department", at: AT, hardErrorCount: 2 })).toMatchObject({ ok: false, error: "not-clean", params: { count: 2 } });
    expect(transition(record("returned"), "submit", { by: "u", as: "department", at: AT })).toMatchObject({ ok: false, error: "not-clean" });
  });
  it("says wrong-party when the step exists for the other side", () => {
    expect(transition(record("submitted"), "approve", { by: "u", as: "department", at: AT })).toMatchObject({ ok: false, error: "wrong-party" });
    expect(transition(record("draft"), "approve", { by: "u", as: "office", at: AT })).toMatchObject({ ok: false, error: "not-allowed" });
  });
  it("a return needs a comment and a known cell or part", () => {
    const returning = (comment: string | undefined, target?: { cell?: string; part?: string }) =>
      transition(record("submitted"), "return", { by: "u-supervisor", as: "office", at: AT, ...(comment === undefined ? {} : { comment }), ...(target === undefined ? {} : { target }) });
    expect(returning(undefined)).toMatchObject({ ok: false, error: "comment-required" });
    expect(returning("   ")).toMatchObject({ ok: false, error: "comment-required" });
    expect(returning("x", { cell: "t3.nope.natural" })).toMatchObject({ ok: false, error: "unknown-target" });
    expect(returning("x", { part: "s9.nothing" })).toMatchObject({ ok: false, error: "unknown-target" });
    expect(returning("x", { cell: "t2.licensing", part: "s5.problems" })).toMatchObject({ ok: false, error: "unknown-target" });
    const ok = returning(" 行政许可数与正文不一致 ", { cell: "t2.licensing" });
    expect(ok.ok && ok.result.event).toMatchObject({ comment: "行政许可数与正文不一致", target: { cell: "t2.licensing" } });
    expect(ok.ok && ok.result.record.history.at(-1)?.target).toEqual({ cell: "t2.licensing" });
  });
});

describe("partyOf", () => {
  const org = sampleOrg();
  it("uses the permissions of the record's department and office", () => {
    expect(partyOf(org, "u-officer", record("draft"), "submit", ADMIN_IDS)).toBe("department");
    expect(partyOf(org, "u-officer2", record("draft"), "submit", ADMIN_IDS)).toBeNull();
    expect(partyOf(org, "u-supervisor", record("draft"), "submit", ADMIN_IDS)).toBeNull();
    expect(partyOf(org, "u-supervisor", record("submitted"), "approve", ADMIN_IDS)).toBe("office");
    expect(partyOf(org, "u-supervisorB", record("submitted"), "approve", ADMIN_IDS)).toBeNull();
    expect(partyOf(org, "u-leader", record("submitted"), "return", ADMIN_IDS)).toBeNull();
    expect(partyOf(org, "u-officer", record("approved"), "reopen", ADMIN_IDS)).toBe("department");
    expect(partyOf(org, "u-admin", record("submitted"), "return", ADMIN_IDS)).toBe("office");
    expect(partyOf(org, "u-officer", record("submitted"), "submit", ADMIN_IDS)).toBeNull();
  });
});

describe("notificationsFor", () => {
  const org = sampleOrg();
  const step = (status: Status, action: LifecycleAction, party: Party, extra: { comment?: string; target?: { cell?: string; part?: string } } = {}) => {
    const outcome = transition(record(status), action, { by: "u", as: party, at: AT, hardErrorCount: 0, ...extra });
    if (!outcome.ok) throw new Error(outcome.error);
    return outcome.result;
  };
  it("pings the office's supervisors on submit, resubmit and reopen", () => {
    const submitted = step("draft", "submit", "department");
    expect(notificationsFor(submitted, org)).toEqual([{ to: "supervisors-of-office", key: "sup-notify-submitted", params: { department: "奉化区应急管理局", year: "2024" } }]);
    expect(recipientsOf(notificationsFor(submitted, org)[0]!, submitted.record, org)).toEqual(["u-supervisor"]);
    expect(notificationsFor(step("returned", "submit", "department"), org)[0]?.key).toBe("sup-notify-resubmitted");
    const reopened = notificationsFor(step("approved", "reopen", "department", { comment: "补充数据" }), org);
    expect(reopened).toEqual([{ to: "supervisors-of-office", key: "sup-notify-reopened", params: { department: "奉化区应急管理局", year: "2024", comment: "补充数据", hasComment: "yes" } }]);
  });
  it("tells the department's officers of approval and return, with the jump", () => {
    const approved = step("submitted", "approve", "office");
    expect(notificationsFor(approved, org)).toMatchObject([{ to: "officers-of-department", key: "sup-notify-approved", params: { hasComment: "no" } }]);
    expect(recipientsOf(notificationsFor(approved, org)[0]!, approved.record, org)).toEqual(["u-officer"]);
    const returned = notificationsFor(step("submitted", "return", "office", { comment: "请核对", target: { cell: "t3.new.natural" } }), org);
    expect(returned).toEqual([
      {
        to: "officers-of-department",
        key: "sup-notify-returned",
        params: { department: "奉化区应急管理局", year: "2024", comment: "请核对", whereKind: "cell", where: "一、本年新收政府信息公开申请数量·自然人" },
        jump: { cell: "t3.new.natural" },
      },
    ]);
    const part = notificationsFor(step("submitted", "return", "office", { comment: "与去年雷同", target: { part: "s1.active" } }), org)[0];
    expect(part?.params).toMatchObject({ whereKind: "part", where: "一、总体情况（一）主动公开情况" });
    expect(part?.jump).toEqual({ part: "s1.active" });
    const plain = notificationsFor(step("submitted", "return", "office", { comment: "整体再核对" }), org)[0];
    expect(plain?.params).toMatchObject({ whereKind: "none" });
    expect(plain?.jump).toBeUndefined();
  });
});
