// Runs the reminder sweep every few minutes with croner (never one long setTimeout: one longer than
// ~24.8 days fires at once, stack-notes.md), and once at start so a restart catches up. What to
// send and what was sent live in the store; this file only keeps time.
//
//   startReminderScheduler({ sweep, logger, pattern? }) → { stop(), runNow() }
import { Cron } from "croner";
import type { AppLogger } from "../app/app.ts";

/** Every 5 minutes, at second 0. */
export const SWEEP_PATTERN = "0 */5 * * * *";

export interface ReminderScheduler {
  stop(): void;
  /** One sweep now (what the timer does); errors are logged, not thrown. */
  runNow(): Promise<void>;
}

export interface SchedulerOptions {
  readonly sweep: () => Promise<unknown>;
  readonly logger: AppLogger;
  readonly pattern?: string;
  /** Skip the sweep at start (tests). */
  readonly runAtStart?: boolean;
}

export function startReminderScheduler(options: SchedulerOptions): ReminderScheduler {
  const runNow = async (): Promise<void> => {
    try {
      await options.sweep();
    } catch (error) {
      options.logger.error({ err: error }, "scheduler: reminder sweep failed");
    }
  };
  // protect: a sweep still running when the next tick comes is not started twice.
  const job = new Cron(options.pattern ?? SWEEP_PATTERN, { protect: true, timezone: "Asia/Shanghai" }, runNow);
  if (options.runAtStart !== false) void runNow();
  return { stop: () => job.stop(), runNow };
}
