// The real bot in-process for the reliability tests: interview feature, real store in a temp folder
// (personal mode), FakeBotApi over real HTTP, and helpers to drive scripted officers through it.
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Update } from "grammy/types";
import type { App } from "../../src/app/app.ts";
import { createInterviewService } from "../../src/app/interview-service.ts";
import { storeLocaleChoices } from "../../src/app/locale-choices.ts";
import { outboxOf, type Outbox } from "../../src/app/outbox.ts";
import { personalWorkspaces } from "../../src/app/workspace.ts";
import { openStore, type Store } from "../../src/store/store.ts";
import { interviewFeature } from "../../src/telegram/features/interview.ts";
import { telegramSender } from "../../src/telegram/send.ts";
import { startHarness, type Harness, type HarnessOptions } from "../support/bot-harness.ts";
import { tickingClock } from "../app/interview-harness.ts";
import { officerScript, officerUser, replyVersion, type NewUpdate } from "./script.ts";

export interface World {
  readonly h: Harness;
  readonly store: Store;
  readonly app: App;
  readonly dir: string;
  readonly outbox: Outbox;
  /** Numbers an update (ids count up per world) and feeds it to bot.handleUpdate. */
  feed(update: NewUpdate): Promise<Update>;
  /** One outbox sweep through the bot's API (auto-retry included). */
  sweep(): ReturnType<Outbox["sweep"]>;
  close(): Promise<void>;
}

export async function openWorld(options: Pick<HarnessOptions, "retry" | "timeoutSeconds"> = {}): Promise<World> {
  const dir = await mkdtemp(join(tmpdir(), "nianbao-reliability-"));
  const store = await openStore({ dataDir: dir, logger: { warn: () => undefined, error: () => undefined } });
  const logger = { error: () => undefined, warn: () => undefined, info: () => undefined };
  const base = { store, logger, now: tickingClock("2022-01-10T02:00:00.000Z"), randomBytes: (n: number) => new Uint8Array(n), adminIds: [], botUsername: undefined };
  const app: App = { ...base, workspaces: personalWorkspaces(store) };
  const service = createInterviewService(app);
  const h = await startHarness({ features: [interviewFeature(app, service)], store: { locales: storeLocaleChoices(store) }, ...options });
  let nextId = 1;
  return {
    h, store, app, dir,
    outbox: outboxOf(app),
    async feed(update) {
      const full = { ...update, update_id: nextId++ } as Update;
      await h.bot.handleUpdate(full);
      return full;
    },
    sweep: () => outboxOf(app).sweep(telegramSender(h.bot.api)),
    async close() {
      await h.close();
      await store.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

/** The updates of an officer's whole script, in order. */
export function scriptUpdates(officer: number): NewUpdate[] {
  const from = officerUser(officer);
  return officerScript(officer).map((step) => step.update(from));
}

export async function reportOf(world: World, officer: number): ReturnType<Store["reports"]["getReport"]> {
  return world.store.reports.getReport({ departmentId: `p${officerUser(officer).id}`, year: 2021 });
}

/**
 * One officer through the whole script, each answer sent once its predecessor was answered; when a
 * reply does not arrive (parked in the outbox), sweeps until it does. Returns the sweeps needed.
 */
export async function driveOfficer(w: World, officer: number): Promise<number> {
  const chatId = officerUser(officer).id;
  let sweeps = 0;
  for (const [k, update] of scriptUpdates(officer).entries()) {
    await w.feed(update);
    // The version alone is not enough: "saved" can carry it while the next question, sent after it,
    // is parked. Which send draws a fault depends on how the officers interleave (the machine), so
    // the outbox must be empty too, or a parked last reply goes unseen.
    while (!w.h.api.messagesTo(chatId).some((call) => replyVersion(call) >= k) || (await w.outbox.waiting(chatId)) > 0) {
      if ((sweeps += 1) > 50) throw new Error(`officer ${officer}: no reply to step ${k} after 50 sweeps`);
      await w.sweep();
    }
  }
  return sweeps;
}
