// Random officers: whatever they send, the engine never throws, speaks only in keys both locales
// have, keeps callback data within Telegram's 64 bytes and messages under 4096 characters, and
// never lets invalid input or a stale/forged button change the report, and never writes to the
// state it was given.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { startInterview, step, type InterviewEvent, type StepResult } from "../../../src/core/interview/engine.ts";
import { questionById } from "../../../src/core/interview/plan.ts";
import { InterviewStateSchema, type InterviewState } from "../../../src/core/interview/state.ts";
import { NOW, ftlKeys, render, seedReport } from "./driver.ts";

const ZH = ftlKeys("zh-CN");
const EN = ftlKeys("en");
const INVALID_NUMBERS = ["abc", "-1", "1.1234567", "1 2 3 4 5 6 7 8", "x".repeat(5000), "  ", "自然人-1", "3 0 1 0 0 x"];
const TEXTS = ["0", "3 0 1 0 0 0", "自然人3 其他1", "三", "1 0 0 0", "12.5", "是", "否", "奉化区应急管理局", "2021", "一、总体情况\n概述。\n（一）主动公开情况。甲。", "本年度未收取信息处理费。", ...INVALID_NUMBERS];
const COMMANDS = ["start", "report", "review", "edit", "export", "cancel", "help", "skip", "back"] as const;
const EDIT_ARGS = [undefined, "三", "t3.new.natural", "s6.other", "gate:t3", "finish", "zzz", "t4.review.total"];

type Pick =
  | { kind: "text"; text: string }
  | { kind: "tap"; index: number }
  | { kind: "forged"; data: string }
  | { kind: "stale" }
  | { kind: "command"; name: (typeof COMMANDS)[number]; arg: string | undefined }
  | { kind: "unsupported" };

const pick: fc.Arbitrary<Pick> = fc.oneof(
  fc.constantFrom(...TEXTS).map((text) => ({ kind: "text" as const, text })),
  fc.string({ maxLength: 40 }).map((text) => ({ kind: "text" as const, text })),
  fc.nat(40).map((index) => ({ kind: "tap" as const, index })),
  fc.nat(40).map((index) => ({ kind: "tap" as const, index })),
  fc.string({ maxLength: 80 }).map((data) => ({ kind: "forged" as const, data })),
  fc.constant({ kind: "stale" as const }),
  fc.record({ name: fc.constantFrom(...COMMANDS), arg: fc.constantFrom(...EDIT_ARGS) }).map((c) => ({ kind: "command" as const, ...c })),
  fc.constant({ kind: "unsupported" as const }),
);

function eventFor(choice: Pick, last: StepResult, stale: string | undefined): InterviewEvent {
  const buttons = last.replies.flatMap((reply) => (reply.kind === "message" ? (reply.buttons ?? []).flat() : []));
  switch (choice.kind) {
    case "text":
      return { type: "text", text: choice.text };
    case "tap":
      return { type: "button", data: buttons[choice.index % Math.max(buttons.length, 1)]?.data ?? "v0:skip" };
    case "forged":
      return { type: "button", data: choice.data };
    case "stale":
      return { type: "button", data: stale ?? "v999999:skip" };
    case "command":
      return choice.arg === undefined ? { type: "command", name: choice.name } : { type: "command", name: choice.name, arg: choice.arg };
    case "unsupported":
      return { type: "unsupported", kind: "photo" };
  }
}

function checkReplies(result: StepResult): void {
  for (const reply of result.replies) {
    if (reply.kind === "document") continue;
    for (const line of reply.lines) {
      if ("finding" in line) continue;
      expect(ZH.has(line.key) && EN.has(line.key), line.key).toBe(true);
    }
    for (const button of (reply.buttons ?? []).flat()) {
      expect(ZH.has(button.label.key) && EN.has(button.label.key), button.label.key).toBe(true);
      expect(Buffer.byteLength(button.data)).toBeLessThanOrEqual(64);
    }
    expect(render(reply, "zh-CN").length).toBeLessThan(4096);
    expect(render(reply, "en").length).toBeLessThan(4096);
  }
}

function deepFreeze<T>(value: T): T {
  if (typeof value === "object" && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const inner of Object.values(value)) deepFreeze(inner);
  }
  return value;
}

function run(initial: InterviewState, picks: readonly Pick[]): void {
  let state = initial;
  let last: StepResult = step(state, { type: "command", name: "start" }, { now: NOW });
  state = last.state;
  let stale: string | undefined;
  for (const choice of picks) {
    const event = eventFor(choice, last, stale);
    // The stored state is shared with the next one (no deep clone per step): frozen, any write throws.
    const before = deepFreeze(state);
    const asked = questionById(before.current);
    const result = step(before, event, { now: NOW });
    checkReplies(result);
    if (choice.kind === "stale" && stale !== undefined) expect(result.state).toBe(before);
    if (choice.kind === "forged" && !/^v\d+:/u.test(choice.data)) expect(result.state).toBe(before);
    if (choice.kind === "text" && INVALID_NUMBERS.includes(choice.text) && "cells" in asked && before.pending === null) {
      expect(result.state.report.values).toEqual(before.report.values);
    }
    if (result.state !== before) {
      expect(result.state.version).toBe(before.version + 1);
      stale = last.replies.flatMap((reply) => (reply.kind === "message" ? (reply.buttons ?? []).flat() : []))[0]?.data ?? stale;
    }
    for (const change of result.changes) expect(change.old).not.toEqual(change.new);
    last = result;
    state = result.state;
  }
  expect(InterviewStateSchema.safeParse(JSON.parse(JSON.stringify(state))).success).toBe(true);
}

describe("interview engine under random input", () => {
  it("holds its invariants from a fresh start", () => {
    fc.assert(
      fc.property(fc.array(pick, { maxLength: 40 }), (picks) => run(startInterview({ agency: "某区司法局", year: 2023 }), picks)),
      { numRuns: 80 },
    );
  });

  it("holds its invariants on a complete report", () => {
    const prefill = seedReport();
    fc.assert(
      fc.property(fc.array(pick, { maxLength: 30 }), (picks) => run(startInterview({ agency: "奉化区应急管理局", year: 2021 }, { prefill }), picks)),
      { numRuns: 40 },
    );
  });
});
