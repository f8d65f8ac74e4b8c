import { describe, expect, it } from "vitest";
import { encodeAction, parseCallback, type Action } from "../../../src/core/interview/callback.ts";

const ACTIONS: Action[] = [
  { type: "gate", yes: true },
  { type: "gate", yes: false },
  { type: "confirm", yes: true },
  { type: "meta", what: "year" },
  { type: "skip" },
  { type: "back" },
  { type: "group-zero" },
  { type: "split-whole" },
  { type: "remainder" },
  { type: "draft" },
  { type: "append", question: 44 },
  { type: "jump", question: 3 },
  { type: "section", section: 6 },
  { type: "review", page: 2 },
  { type: "warning", index: 9, fix: true },
  { type: "export" },
];

describe("callback data", () => {
  it.each(ACTIONS)("round-trips %j within 64 bytes", (action) => {
    const data = encodeAction(123456789, action);
    expect(Buffer.byteLength(data)).toBeLessThanOrEqual(64);
    expect(parseCallback(data)).toEqual({ version: 123456789, action });
  });

  it.each(["", "v1", "v1:", "x1:skip", "v1:skip:3", "v1:g:maybe", "v1:j:x", "v1:j:-1", "v1:w:1:nope", "v1:m:admin", "v1:zz", `v1:j:${"9".repeat(70)}`, "v1:skip\n"])(
    "rejects %j",
    (data) => expect(parseCallback(data)).toBeUndefined(),
  );
});
