// Long polling that keeps up to two batches (≤ 200 updates) in hand at once. grammY's bot.start() awaits one update
// before the next, so a journal write and a reply per answer set the pace for every officer
// together. Here updates run concurrently, one chat's still in order (sequentialize.ts), others in
// parallel, and new ones are fetched while earlier ones finish. Telegram is only ever told that
// updates are done when they are: getUpdates confirms every update below its offset, so the offset
// asked for is the oldest update still running. After a crash, unfinished updates are delivered
// again and the interview's update ids absorb what was already applied.
import { GrammyError, HttpError, type Bot } from "grammy";
import type { Update } from "grammy/types";
import type { BotContext, BotLogger } from "./context.ts";

export interface PollingOptions {
  readonly logger: BotLogger;
  /** Long-poll wait in seconds (Telegram holds the request open until an update arrives). */
  readonly timeoutSeconds?: number;
  /** Updates per getUpdates, 1–100; up to twice this many are handled at once. */
  readonly limit?: number;
  /** Pause after a failed getUpdates before asking again. */
  readonly retryDelayMs?: number;
  readonly onStart?: (username: string) => void;
}

export interface Polling {
  /** Stops asking, waits for the updates in hand, and confirms them to Telegram. */
  stop(): Promise<void>;
  /** Settles when polling has ended (stop(), or a conflict with another instance). */
  readonly done: Promise<void>;
}

/** grammY types signals with its abort-controller shim; Node's own AbortSignal is what it gets at run time. */
type GrammySignal = Parameters<Bot<BotContext>["api"]["getUpdates"]>[1];

const DEFAULT_TIMEOUT_SECONDS = 30;
const DEFAULT_LIMIT = 100;
const DEFAULT_RETRY_DELAY_MS = 3_000;
/** While only unfinished updates come back, how often to look for new ones. */
const RECHECK_MS = 200;
/** Updates started between two turns of the event loop (about 10 ms of work). */
const YIELD_EVERY = 10;

/** 409: another getUpdates or a webhook owns this token; 401: the token is wrong. Asking again will not help. */
const isFatal = (error: unknown): boolean => error instanceof GrammyError && (error.error_code === 401 || error.error_code === 409);

export async function startPolling(bot: Bot<BotContext>, options: PollingOptions): Promise<Polling> {
  const { logger } = options;
  await bot.init();
  // A webhook and getUpdates exclude each other; pending updates are kept.
  await bot.api.deleteWebhook({ drop_pending_updates: false });
  const limit = options.limit ?? DEFAULT_LIMIT;
  let running = true;
  /** Updates being handled, by id. */
  const inFlight = new Map<number, Promise<void>>();
  /** Every update below this id has been started (and, unless in flight, finished). */
  let next: number | undefined;
  let waiting: AbortController | undefined;
  let wake: (() => void) | undefined;

  /** Resolves at the next finished update (or stop()). */
  const nextFinish = (): Promise<void> => new Promise<void>((resolve) => (wake = resolve));
  const finishOrPause = async (): Promise<void> => {
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([nextFinish(), new Promise<void>((resolve) => (timer = setTimeout(resolve, RECHECK_MS)))]);
    clearTimeout(timer);
  };
  const finished = (id: number): void => {
    inFlight.delete(id);
    wake?.();
    wake = undefined;
  };

  function start(update: Update): void {
    const id = update.update_id;
    const handling = bot.handleUpdate(update).then(
      () => finished(id),
      (error: unknown) => {
        // The error boundary answers and logs inside; this only sees what escaped it.
        logger.error({ err: String(error), update: id }, "polling: update failed");
        finished(id);
      },
    );
    inFlight.set(id, handling);
  }

  async function poll(): Promise<Update[] | undefined> {
    waiting = new AbortController();
    // The oldest running update is not confirmed; it and any finished after it come back and are skipped.
    const offset = inFlight.size > 0 ? Math.min(...inFlight.keys()) : next;
    try {
      // With updates in hand, ask without waiting: there is work either way.
      return await bot.api.getUpdates({ ...(offset === undefined ? {} : { offset }), limit, timeout: inFlight.size > 0 ? 0 : (options.timeoutSeconds ?? DEFAULT_TIMEOUT_SECONDS) }, waiting.signal as GrammySignal);
    } catch (error) {
      if (!running) return undefined;
      if (isFatal(error)) throw error;
      logger.warn({ err: error instanceof HttpError || error instanceof GrammyError ? error.message : String(error) }, "polling: getUpdates failed, asking again");
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, options.retryDelayMs ?? DEFAULT_RETRY_DELAY_MS);
        wake = () => (clearTimeout(timer), resolve());
      });
      return undefined;
    }
  }

  async function loop(): Promise<void> {
    options.onStart?.(bot.botInfo.username);
    try {
      while (running) {
        // The next batch is fetched while this one still runs, up to two batches in hand.
        if (inFlight.size > limit) {
          await nextFinish();
          continue;
        }
        const updates = await poll();
        let fresh = 0;
        for (const update of updates ?? []) {
          if ((next !== undefined && update.update_id < next) || inFlight.has(update.update_id)) continue;
          start(update);
          next = update.update_id + 1;
          fresh += 1;
          // Back to the event loop now and then: journal writes and replies that have completed are
          // taken up between starts instead of waiting behind a whole batch's interview steps.
          if (fresh % YIELD_EVERY === 0) await new Promise<void>((resolve) => setImmediate(resolve));
        }
        // Only updates already in hand came back (Telegram cannot long-poll past an unconfirmed one):
        // ask again when one finishes, or after a short pause so a slow update does not hide new ones.
        if (fresh === 0 && inFlight.size > 0 && running) await finishOrPause();
      }
    } finally {
      await Promise.all(inFlight.values());
    }
    // Confirms everything handled, so Telegram does not deliver it again at the next start.
    if (next !== undefined) await bot.api.getUpdates({ offset: next, limit: 1, timeout: 0 }).catch(() => undefined);
  }

  const done = loop();
  return {
    done,
    async stop() {
      running = false;
      waiting?.abort();
      wake?.();
      await done.catch(() => undefined);
    },
  };
}
