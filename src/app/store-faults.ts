// What people are told when the store cannot do what it promised: the officer whose message hit the
// fault, and the admins once per damaged file. The shells only pick the channel.
import { localDateTime } from "../core/deadline/shanghai.ts";
import type { Line } from "../core/summary/line.ts";
import { DEFAULT_LOCALE, type Locale } from "../i18n.ts";
import type { App } from "./app.ts";
import { StoreDamagedError, StoreDiskFullError } from "./store-port.ts";

function described(error: StoreDamagedError): Line["params"] {
  const report = error.report === undefined ? error.file : `${error.report.departmentId} ${error.report.year}`;
  const since = error.backup?.updatedAt;
  return { report, file: error.file, reason: error.reason, since: since === undefined ? "-" : localDateTime(since) };
}

/** The officer's message for a store fault, or undefined when the error is something else. */
export function storeFaultMessage(error: unknown): Line | undefined {
  if (error instanceof StoreDiskFullError) return { key: "store-fault-disk-full", params: {} };
  if (!(error instanceof StoreDamagedError)) return undefined;
  const params = described(error);
  return { key: error.backup?.updatedAt === undefined ? "store-fault-damaged-no-backup" : "store-fault-damaged", params };
}

type Notify = (userId: string, locale: Locale, message: Line) => Promise<void>;

/** Tells every admin once per damaged file and process (every message to it hits it again); a failed send is logged. */
export function damageNotifier(app: Pick<App, "adminIds" | "logger" | "store">, notify: Notify): (error: unknown) => Promise<void> {
  const told = new Set<string>();
  return async (error) => {
    if (!(error instanceof StoreDamagedError) || told.has(error.file)) return;
    told.add(error.file);
    app.logger.error({ file: error.file, reason: error.reason, backup: error.backup ?? null }, "store: damaged file reported to the admins");
    const notice = { key: error.backup?.updatedAt === undefined ? "store-fault-admin-no-backup" : "store-fault-admin", params: described(error) };
    for (const adminId of app.adminIds) {
      try {
        const locale = (await app.store.user(adminId).read().catch(() => ({ locale: undefined }))).locale ?? DEFAULT_LOCALE;
        await notify(adminId, locale, notice);
      } catch (sendError) {
        app.logger.warn({ err: String(sendError), adminId }, "store: could not tell an admin about a damaged file");
      }
    }
  };
}
