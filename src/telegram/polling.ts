// Long polling that handles each batch of updates at once. grammY's bot.start() awaits one update
// before the next, so a journal write and a reply per answer set the pace for every officer
// together; here the whole batch (≤ 100) runs concurrently, one chat's updates still in order
// (sequentialize.ts), other chats in parallel. The next getUpdates, which tells Telegram the batch
// is done, is asked only once every update of it has finished: after a crash, an unfinished batch
// is delivered again and the interview's update ids absorb what was already applied.
import { GrammyError, HttpError, type Bot } from "grammy";
import type { Update } from "grammy/types";
import type { BotContext, BotLogger } from "./context.ts";

export interface PollingOptions {
  readonly logger: BotLogger;
  /** Long-poll wait in seconds (Telegram holds the request open until an update arrives). */
  readonly timeoutSeconds?: number;
  /** Updates per batch, 1–100. */
  readonly limit?: number;
  /** Pause after a failed getUpdates before asking again. */
  readonly retryDelayMs?: number;
  readonly onStart?: (username: string) => void;
}

export interface Polling {
  /** Stops asking, waits for the batch in hand, and confirms it to Telegram. */
  stop(): Promise<void>;
  /** Settles when polling has ended (stop(), or a conflict with another instance). */
  readonly done: Promise<void>;
}

/** grammY types signals with its abort-controller shim; Node's own AbortSignal is what it gets at run time. */
type GrammySignal = Parameters<Bot<BotContext>["api"]["getUpdates"]>[1];

const DEFAULT_TIMEOUT_SECONDS = 30;
const DEFAULT_LIMIT = 100;
const DEFAULT_RETRY_DELAY_MS = 3_000;

/** 409: another getUpdates or a webhook owns this token; 401: the token is wrong. Asking again will not help. */
const isFatal = (error: unknown): boolean => error instanceof GrammyError && (error.error_code === 401 || error.error_code === 409);

export async function startPolling(bot: Bot<BotContext>, options: PollingOptions): Promise<Polling> {
  const { logger } = options;
  await bot.init();
  // A webhook and getUpdates exclude each other; pending updates are kept.
  await bot.api.deleteWebhook({ drop_pending_updates: false });
  let running = true;
  let offset: number | undefined;
  let waiting: AbortController | undefined;
  let pause: (() => void) | undefined;

  async function handle(updates: readonly Update[]): Promise<void> {
    await Promise.all(
      updates.map((update) =>
        bot.handleUpdate(update).catch((error: unknown) => {
          // The error boundary answers and logs inside; this only sees what escaped it.
          logger.error({ err: String(error), update: update.update_id }, "polling: update failed");
        }),
      ),
    );
  }

  async function loop(): Promise<void> {
    options.onStart?.(bot.botInfo.username);
    while (running) {
      waiting = new AbortController();
      let updates: Update[];
      try {
        updates = await bot.api.getUpdates({ ...(offset === undefined ? {} : { offset }), limit: options.limit ?? DEFAULT_LIMIT, timeout: options.timeoutSeconds ?? DEFAULT_TIMEOUT_SECONDS }, waiting.signal as GrammySignal);
      } catch (error) {
        if (!running) break;
        if (isFatal(error)) throw error;
        logger.warn({ err: error instanceof HttpError || error instanceof GrammyError ? error.message : String(error) }, "polling: getUpdates failed, asking again");
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, options.retryDelayMs ?? DEFAULT_RETRY_DELAY_MS);
          pause = () => (clearTimeout(timer), resolve());
        });
        continue;
      }
      const last = updates.at(-1);
      if (last === undefined) continue;
      await handle(updates);
      offset = last.update_id + 1;
    }
    // Confirms the last batch handled, so Telegram does not deliver it again at the next start.
    if (offset !== undefined) await bot.api.getUpdates({ offset, limit: 1, timeout: 0 }).catch(() => undefined);
  }

  const done = loop();
  return {
    done,
    async stop() {
      running = false;
      waiting?.abort();
      pause?.();
      await done.catch(() => undefined);
    },
  };
}
