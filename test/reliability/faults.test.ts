// Telegram faults: with the fake Bot API answering 429 (retry_after), 500 and hanging at random,
// interviews complete with every state change applied exactly once and every reply delivered in
// order; a burst of 500s longer than auto-retry's patience parks the replies in the durable outbox
// and the sweep delivers them.
import { afterEach, describe, expect, it } from "vitest";
import { seeded } from "./crash-run.ts";
import { officerUser, recordProblems, replyVersion, SCRIPT_LENGTH, versionOf } from "./script.ts";
import { driveOfficer, openWorld, reportOf, scriptUpdates, type World } from "./world.ts";
import { textOf } from "../support/bot-harness.ts";

const worlds: World[] = [];
afterEach(async () => {
  for (const world of worlds.splice(0)) await world.close();
});

async function world(options: Parameters<typeof openWorld>[0] = {}): Promise<World> {
  const w = await openWorld(options);
  worlds.push(w);
  return w;
}

const OFFICERS = [1, 2, 3, 4];

const texts = (w: World, officer: number): string[] => w.h.api.messagesTo(officerUser(officer).id).map(textOf);

describe("faults: 429, 500 and hung requests at random", () => {
  it("completes every interview with each change applied once and every reply delivered in order", async () => {
    // What the officers should see: the same script against a Telegram that never fails.
    const calm = await world();
    for (const officer of OFFICERS) await driveOfficer(calm, officer);

    // The client timeout ends the hung requests; 5 s, so that no answered request on a loaded
    // machine is taken for a hung one (it would be sent twice, as Telegram itself would).
    const w = await world({ retry: { maxRetryAttempts: 2, maxDelaySeconds: 5 }, timeoutSeconds: 5 });
    w.h.api.setFaultRates({ p429: 0.12, p500: 0.06, retryAfter: 1, random: seeded(7) });
    w.h.api.inject({ kind: "hang", method: "sendMessage", ms: 10_000 }, { kind: "hang", method: "sendMessage", ms: 10_000 });
    const sweeps = await Promise.all(OFFICERS.map((officer) => driveOfficer(w, officer)));
    w.h.api.setFaultRates(undefined);

    const faults = w.h.api.calls.filter((call) => call.outcome === "429" || call.outcome === "500" || call.outcome === "hang");
    const delivered = OFFICERS.reduce((sum, officer) => sum + texts(w, officer).length, 0);
    console.info(`faults: ${faults.length} injected (${faults.filter((c) => c.outcome === "429").length}×429, ${faults.filter((c) => c.outcome === "500").length}×500, ${faults.filter((c) => c.outcome === "hang").length} hung), ${delivered} messages delivered, ${sweeps.reduce((a, b) => a + b, 0)} outbox sweeps needed`);
    expect(faults.length).toBeGreaterThanOrEqual(15);

    for (const officer of OFFICERS) {
      const record = await reportOf(w, officer);
      expect(recordProblems(officer, record, SCRIPT_LENGTH - 1, SCRIPT_LENGTH - 1)).toEqual([]);
      // Exactly one state change per answer, and one history entry per changed cell.
      expect(versionOf(record)).toBe(SCRIPT_LENGTH - 1);
      const cells = record?.history.map((entry) => entry.cell) ?? [];
      expect(cells.length).toBe(new Set(cells).size);
      expect(record?.history.length).toBe((await reportOf(calm, officer))?.history.length);
      // Nothing lost, nothing doubled, nothing out of order.
      expect(texts(w, officer)).toEqual(texts(calm, officer));
    }
  }, 240_000);
});

describe("faults: a burst of 500s longer than auto-retry's patience", () => {
  it("parks the replies in the outbox instead of dropping them, and the sweep delivers them in order", async () => {
    const w = await world({ retry: { maxRetryAttempts: 1, maxDelaySeconds: 5 } });
    const updates = scriptUpdates(1);
    const chatId = officerUser(1).id;
    for (const update of updates.slice(0, 5)) await w.feed(update);
    const before = w.h.api.messagesTo(chatId).length;
    // Two attempts per send (auto-retry: one retry, backing off 3 s then 6 s): four 500s outlast
    // the live reply of two answers.
    w.h.api.inject(...Array.from({ length: 4 }, () => ({ kind: "500" as const, method: "sendMessage" })));

    await w.feed(updates[5] ?? {});
    // The answer is stored (durable before the reply) even though its reply could not be sent.
    expect(versionOf(await reportOf(w, 1))).toBe(5);
    expect(w.h.api.messagesTo(chatId).length).toBe(before);
    expect(await w.outbox.waiting(chatId)).toBeGreaterThan(0);
    // The next answer's replies queue behind it rather than overtake it.
    await w.feed(updates[6] ?? {});
    expect(versionOf(await reportOf(w, 1))).toBe(6);
    expect(w.h.api.messagesTo(chatId).length).toBe(before);
    const parked = await w.outbox.waiting(chatId);

    const recovered = await w.sweep();
    expect(recovered).toEqual({ chats: 1, sent: parked, waiting: 0, dropped: 0 });
    expect(await w.outbox.waiting(chatId)).toBe(0);

    const versions = w.h.api.messagesTo(chatId).slice(before).map(replyVersion).filter((v) => v >= 0);
    expect(versions).toContain(5);
    expect(versions).toContain(6);
    expect(versions).toEqual([...versions].sort((a, b) => a - b));
    // Nothing failed as far as the officer is concerned: no apology was needed.
    expect(w.h.logger.entries.filter((entry) => entry.msg === "telegram: update failed")).toEqual([]);
    expect(w.h.api.calls.filter((call) => call.outcome === "500")).toHaveLength(4);
  }, 60_000);
});
