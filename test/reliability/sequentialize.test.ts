// Per-chat ordering (runner's sequentialize, create-bot.ts): the real bot taking one officer's whole
// script as 21 concurrent handleUpdate calls (what webhook and polling do) and storing it in update order.
import { afterEach, describe, expect, it } from "vitest";
import { recordProblems, replyVersion, SCRIPT_LENGTH } from "./script.ts";
import { openWorld, reportOf, scriptUpdates, type World } from "./world.ts";

let world: World | undefined;
afterEach(async () => {
  await world?.close();
  world = undefined;
});

describe("sequentialize in the bot", () => {
  it("stores one chat's answers in update order when all of them are handled concurrently", async () => {
    const w = (world = await openWorld());
    const updates = scriptUpdates(1);
    expect(updates).toHaveLength(SCRIPT_LENGTH);
    await Promise.all(updates.map((update) => w.feed(update)));
    const record = await reportOf(w, 1);
    expect(recordProblems(1, record, SCRIPT_LENGTH - 1, SCRIPT_LENGTH - 1)).toEqual([]);
    // The replies went out in order too: the versions on their buttons never go back.
    const versions = w.h.api.messagesTo(5001).map(replyVersion).filter((v) => v >= 0);
    expect(versions).toEqual([...versions].sort((x, y) => x - y));
    expect(new Set(versions)).toEqual(new Set(Array.from({ length: SCRIPT_LENGTH }, (_, k) => k)));
  });

  it("keeps two officers' concurrent scripts apart and each in order", async () => {
    const w = (world = await openWorld());
    const a = scriptUpdates(2);
    const b = scriptUpdates(3);
    // Interleaved arrival: a0 b0 a1 b1 …
    await Promise.all(a.flatMap((update, k) => [w.feed(update), w.feed(b[k] ?? update)]));
    expect(recordProblems(2, await reportOf(w, 2), SCRIPT_LENGTH - 1, SCRIPT_LENGTH - 1)).toEqual([]);
    expect(recordProblems(3, await reportOf(w, 3), SCRIPT_LENGTH - 1, SCRIPT_LENGTH - 1)).toEqual([]);
  });
});
