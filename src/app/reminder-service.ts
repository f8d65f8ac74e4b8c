// One reminder sweep: what dueReminders() says is due, in each recipient's language, recorded in
// reminders.json so it goes out once across restarts. Each recipient's key is stored right after
// their send (a failed one is retried next sweep, the others not repeated); the reminder's when all have it.
import { z } from "zod";
import { dueReminders, type ReportState } from "../core/deadline/reminders.ts";
import type { Calendar } from "../core/deadline/calendar.ts";
import type { Org } from "../core/org/org-schema.ts";
import type { App } from "./app.ts";
import { storeLocaleChoices, translatorOf } from "./locale-choices.ts";
import { lifecycleStatus } from "./lifecycle-service.ts";

const SentSchema = z.object({ sent: z.array(z.string()) }).strict();

/** The channel (the bot: its outbox); throws when delivery fails for good. */
export type SendText = (userId: string, text: string) => Promise<void>;

interface ReminderDeps {
  readonly org: () => Promise<Org>;
  readonly calendar: () => Promise<Calendar>;
  readonly send: SendText;
}

const recipientKey = (key: string, userId: string): string => `${key}>${userId}`;

export function createReminderService(app: Pick<App, "store" | "now" | "logger">, deps: ReminderDeps) {
  const doc = () => app.store.doc("reminders.json", SentSchema, { sent: [] });
  let running: ReturnType<typeof run> | undefined;

  const record = (key: string) => doc().update((current) => ({ sent: [...new Set([...current.sent, key])] }));

  async function run() {
    const now = app.now();
    const org = await deps.org();
    // The org's departments only: listing every personal report would scan every file.
    const entries = await app.store.reports.listReports(org.departments.map((d) => d.id));
    const reports: ReportState[] = entries.map((entry) => ({ departmentId: entry.departmentId, year: entry.year, status: lifecycleStatus(entry.status) }));
    const sentKeys = new Set((await doc().read()).sent);
    const due = dueReminders({ now, org, reports, calendar: await deps.calendar(), sent: sentKeys });
    const failed: { key: string; userId: string }[] = [];
    for (const reminder of due) {
      let complete = true;
      for (const userId of reminder.userIds) {
        if (sentKeys.has(recipientKey(reminder.key, userId))) continue;
        const t = await translatorOf(storeLocaleChoices(app.store), userId);
        try {
          await deps.send(userId, t(reminder.messageKey, { ...reminder.params }));
        } catch (error) {
          complete = false;
          failed.push({ key: reminder.key, userId });
          app.logger.warn({ err: error, key: reminder.key, userId }, "reminders: send failed, retrying next sweep");
          continue;
        }
        await record(recipientKey(reminder.key, userId));
      }
      if (complete) await record(reminder.key);
    }
    return { failed };
  }

  return {
    // Overlapping sweeps (a slow send, a manual run) share one run instead of racing.
    sweep() {
      running ??= run().finally(() => {
        running = undefined;
      });
      return running;
    },
  };
}
