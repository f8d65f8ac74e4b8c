// Durability under SIGKILL, small version for CI (`npm run stress` runs the long one): 40 officers
// answer through the real bot process, which is killed 10 times at random moments and restarted.
// Every acknowledged answer must be on disk after each kill, every file must parse, and the
// re-delivered updates (offset never confirmed) must not be applied twice.
import { describe, expect, it } from "vitest";
import { runCrashScenario } from "./crash-run.ts";

/** Enough that answers are still coming in at most kills (fewer finish their scripts too early). */
const OFFICERS = 40;

describe("crash: SIGKILL at random moments", () => {
  it("loses no acknowledged answer and applies no update twice over 10 kills", async () => {
    const figures = await runCrashScenario({ officers: OFFICERS, kills: 10, maxLifeMs: 600, seed: 20220110 });
    console.info(
      `crash: ${figures.kills} kills (${figures.killsInFlight} with answers in flight), ${figures.acknowledged} answers acknowledged, ${figures.found} found, ` +
        `${figures.checkedAfterKills} checked on disk after kills, ${figures.redelivered} updates re-delivered, ${figures.duplicatesAbsorbed} duplicates absorbed, ` +
        `${figures.filesParsed} file reads parsed, ${figures.orphanTempFiles} orphan temp files, ${figures.ms} ms`,
    );
    expect(figures.problems).toEqual([]);
    expect(figures.kills).toBe(10);
    expect(figures.acknowledged).toBe(OFFICERS * 21);
    expect(figures.found).toBe(figures.acknowledged);
    // The scenario must actually have hit the bot mid-work, or it proves nothing.
    expect(figures.killsInFlight).toBeGreaterThanOrEqual(5);
    expect(figures.redelivered).toBeGreaterThan(0);
  }, 110_000);
});
