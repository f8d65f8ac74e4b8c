// Long polling with @grammyjs/runner: chats in parallel, each in order. The runner confirms a batch at the next fetch,
// so updates still running are saved first (UpdatesInHand), rerun at the next start, repeats absorbed by the dedupe.
// Rejected: bot.start() (serial) and an offset held at the oldest running update (stalls once 100 queue behind it).
import { createConcurrentSink, createRunner, createSource, createUpdateFetcher } from "@grammyjs/runner";
import type { Bot } from "grammy";
import type { Update } from "grammy/types";
import type { UpdatesInHand } from "../app/updates-in-hand.ts";
import type { BotContext, BotLogger } from "./context.ts";

export interface IntakeOptions {
  /** The updates taken from Telegram and not yet handled, on disk. */
  readonly inHand: UpdatesInHand;
  readonly logger: BotLogger;
  /** Long-poll wait in seconds. */
  readonly timeoutSeconds?: number;
}

export interface Intake {
  /** Stops fetching, waits for the updates in hand, records that none are left and confirms them. */
  stop(): Promise<void>;
  /** Rejects if polling ends on its own (wrong token, another instance polling). */
  readonly done: Promise<void>;
}

/** grammY and the runner type signals with the abort-controller shim; Node's own is what runs. */
type GrammySignal = Parameters<Bot<BotContext>["api"]["getUpdates"]>[1];

/** Updates handled at once, all chats together. */
const CONCURRENCY = 500;
/** How long a fetch may wait for an update in hand to finish (a slower one is written down instead). */
const SETTLE_MS = 100;

const isUpdate = (value: unknown): value is Update => typeof value === "object" && value !== null && typeof (value as { update_id?: unknown }).update_id === "number";

export async function startIntake(bot: Bot<BotContext>, options: IntakeOptions): Promise<Intake> {
  const { logger, inHand } = options;
  await bot.init();
  // A webhook and getUpdates exclude each other; pending updates are kept.
  await bot.api.deleteWebhook({ drop_pending_updates: false });

  /** Fetched (or carried over from a crash) and not finished, by id. */
  const unfinished = new Map<number, Update>();
  let savedKey = "";
  const save = async (): Promise<void> => {
    const updates = [...unfinished.values()];
    const key = updates.map((update) => update.update_id).join(",");
    if (key === savedKey) return;
    await inHand.save(updates);
    savedKey = key;
  };

  /** Updates being handled, with when each started. */
  const running = new Map<Promise<void>, number>();
  // A slow update (a download, a retry-after) is written down at once rather than waited for.
  const settle = async (): Promise<void> => {
    const wait = running.size === 0 ? 0 : Math.min(...running.values()) + SETTLE_MS - performance.now();
    if (wait <= 0) return;
    let timer: NodeJS.Timeout | undefined;
    const later = new Promise((resolve) => (timer = setTimeout(resolve, wait)));
    await Promise.race([Promise.allSettled(running.keys()), later]);
    clearTimeout(timer);
  };

  const carried = (await inHand.load()).filter(isUpdate);
  for (const update of carried) unfinished.set(update.update_id, update);
  savedKey = carried.map((update) => update.update_id).join(",");
  if (carried.length > 0) logger.warn({ updates: carried.length }, "intake: handling again the updates in hand at the last stop");

  // Runner retries a failed getUpdates with backoff (and stops on 401/409); each failure is logged here.
  const polled = {
    handleUpdate: (update: Update) => bot.handleUpdate(update),
    errorHandler: (error: unknown) => logger.error({ err: String(error) }, "intake: update failed"),
    api: {
      getUpdates: (args: { offset: number; limit: number; timeout: number }, signal: GrammySignal) =>
        bot.api.getUpdates(args, signal).catch((error: unknown) => {
          if (signal?.aborted !== true) logger.warn({ err: error instanceof Error ? error.message : String(error) }, "intake: getUpdates failed, asking again");
          throw error;
        }),
    },
  };
  const fetchUpdates = createUpdateFetcher(polled, { fetch: { timeout: options.timeoutSeconds ?? 30 }, silent: true });
  let first = carried.length > 0;
  let lastFetched: number | undefined;
  const source = createSource<Update>({
    async supply(batchSize, signal) {
      if (first) {
        first = false;
        return carried;
      }
      // This fetch confirms every earlier update: those still running go on disk first (most finish and need no write).
      await settle();
      await save();
      // Telegram may deliver again an update carried from the last run that it was never told about.
      const fresh = (await fetchUpdates(batchSize, signal)).filter((update) => !unfinished.has(update.update_id));
      for (const update of fresh) unfinished.set(update.update_id, update);
      lastFetched = fresh.at(-1)?.update_id ?? lastFetched;
      return fresh;
    },
  });
  const sink = createConcurrentSink<Update, unknown>(
    {
      consume: (update) => {
        const handling = bot.handleUpdate(update).finally(() => {
          unfinished.delete(update.update_id);
          running.delete(handling);
        });
        running.set(handling, performance.now());
        return handling;
      },
    },
    // The error boundary answers and logs inside; this only sees what escaped it.
    (error) => Promise.resolve(logger.error({ err: String(error) }, "intake: update failed")),
    { concurrency: CONCURRENCY },
  );
  const runner = createRunner(source, sink);
  runner.start();
  logger.info({ bot: bot.botInfo.username }, "intake: polling");
  const done = Promise.resolve(runner.task());
  return {
    done,
    async stop() {
      if (runner.isRunning()) await runner.stop();
      await Promise.allSettled(running.keys());
      await save();
      // Everything fetched has run: tell Telegram, so the next start does not get it again.
      if (lastFetched !== undefined) await bot.api.getUpdates({ offset: lastFetched + 1, limit: 1, timeout: 0 }).catch((error: unknown) => logger.warn({ err: String(error) }, "intake: could not confirm the last updates"));
    },
  };
}
