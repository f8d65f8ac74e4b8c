// The journal's change records: whatever two versions of a document look like, replaying the delta
// on a fresh parse of the old version gives exactly the new one, and a record that only changes a
// cell or appends history stays small whatever the document's size.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { applyDelta, DeltaError, diffJson } from "../../src/store/json-delta.ts";

const json = <T>(value: T): unknown => JSON.parse(JSON.stringify(value)) as unknown;

/** Replays as start-up does: the old version and the ops both come from disk. */
const replay = (before: unknown, after: unknown): unknown => applyDelta(json(before), json(diffJson(before, after)) as ReturnType<typeof diffJson>);

const leaf = fc.oneof(fc.integer(), fc.string({ maxLength: 6 }), fc.constant(null), fc.boolean());
const value = fc.letrec((tie) => ({
  node: fc.oneof({ depthSize: "small" }, leaf, fc.array(tie("node"), { maxLength: 4 }), fc.dictionary(fc.constantFrom("a", "b", "c", "d"), tie("node"), { maxKeys: 4 })),
})).node;

describe("json delta", () => {
  it("turns any document into any other", () => {
    fc.assert(
      fc.property(value, value, (before, after) => {
        expect(replay(before, after)).toEqual(json(after));
      }),
      { numRuns: 500 },
    );
  });

  it("records edits that share unchanged parts as the changed paths only", () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string({ minLength: 1, maxLength: 4 }), value, { maxKeys: 8 }), fc.string({ minLength: 1, maxLength: 4 }), value, (doc, key, next) => {
        const before = { meta: { year: 2024 }, body: doc, history: [{ cell: "x" }] };
        const after = { ...before, body: { ...doc, [key]: next }, history: [...before.history, { cell: key }] };
        expect(replay(before, after)).toEqual(json(after));
        const ops = diffJson(before, after);
        expect(ops.some((op) => op[1][0] === "meta")).toBe(false);
        expect(ops).toContainEqual(["push", ["history"], 1, [{ cell: key }]]);
      }),
      { numRuns: 300 },
    );
  });

  it("treats undefined members as absent, as JSON does", () => {
    const ops = diffJson({ a: 1, b: 2 }, { a: 1, b: undefined, c: undefined });
    expect(ops).toEqual([["del", ["b"]]]);
    expect(diffJson({ a: undefined }, { a: 3 })).toEqual([["set", ["a"], 3]]);
  });

  it("keeps an answer's record small in a large document", () => {
    const history = Array.from({ length: 2_000 }, (_, i) => ({ by: "tg:1", at: "2024-01-10T02:00:00.000Z", cell: `c${i}`, old: null, new: i }));
    const values = Object.fromEntries(Array.from({ length: 166 }, (_, i) => [`cell${i}`, i]));
    const before = { report: { values }, history, revision: 7 };
    const after = { ...before, report: { values: { ...values, cell3: 99 } }, history: [...history, { by: "tg:1", at: "2024-01-10T02:00:01.000Z", cell: "cell3", old: 3, new: 99 }], revision: 8 };
    const size = JSON.stringify(diffJson(before, after)).length;
    expect(JSON.stringify(after).length).toBeGreaterThan(100_000);
    expect(size).toBeLessThan(250);
    expect(replay(before, after)).toEqual(json(after));
  });

  it("replaces an array that did not just grow, and a whole document", () => {
    expect(diffJson({ h: [1, 2, 3] }, { h: [2, 3, 4] })).toEqual([["set", ["h"], [2, 3, 4]]]);
    expect(diffJson(null, { a: 1 })).toEqual([["set", [], { a: 1 }]]);
    expect(applyDelta(null, [["set", [], { a: 1 }]])).toEqual({ a: 1 });
  });

  it("refuses a record made from another version", () => {
    expect(() => applyDelta({ a: 1 }, [["set", ["x", "y"], 1]])).toThrow(DeltaError);
    expect(() => applyDelta({ h: [1] }, [["push", ["h"], 3, [4]]])).toThrow(DeltaError);
    expect(() => applyDelta({ h: 1 }, [["push", ["h"], 0, [4]]])).toThrow(DeltaError);
    expect(() => applyDelta({}, [["del", []]])).toThrow(DeltaError);
  });
});
