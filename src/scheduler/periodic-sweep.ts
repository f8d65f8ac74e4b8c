// Runs a sweep (reminders, the outbox) on a croner schedule (never one long setTimeout: one longer
// than ~24.8 days fires at once, stack-notes.md), and once at start so a restart catches up. What
// to do and what was done live in the store; this file only keeps time.
import { Cron } from "croner";
import type { AppLogger } from "../app/app.ts";

export function startPeriodicSweep(options: {
  /** What is swept, for the log ("reminders", "outbox"). */
  readonly name: string;
  readonly sweep: () => Promise<unknown>;
  readonly logger: AppLogger;
  /** Default: every 5 minutes, at second 0. */
  readonly pattern?: string;
  /** Skip the sweep at start (tests). */
  readonly runAtStart?: boolean;
}): { stop: () => void; runNow: () => Promise<void> } {
  /** One sweep (what the timer does); errors are logged, not thrown. */
  const runNow = async (): Promise<void> => {
    try {
      await options.sweep();
    } catch (error) {
      options.logger.error({ err: error, sweep: options.name }, "scheduler: sweep failed");
    }
  };
  // protect: a sweep still running when the next tick comes is not started twice.
  const job = new Cron(options.pattern ?? "0 */5 * * * *", { protect: true, timezone: "Asia/Shanghai" }, runNow);
  if (options.runAtStart !== false) void runNow();
  return { stop: () => job.stop(), runNow };
}
