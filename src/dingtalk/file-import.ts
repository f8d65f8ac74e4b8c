// A file a person sends in DingTalk: last year's report is imported through the app's last-year
// import (the same as Telegram's); DingTalk gives a download code, and the robot API's message-file
// download is counted on the stream against the same limit (DingTalk's message states no size).
import type { ImportFailure } from "../core/import/import-result.ts";
import type { LastYearImport } from "../app/last-year-import.ts";
import { MAX_IMPORT_BYTES } from "../app/last-year-import.ts";
import type { AppLogger } from "../app/app.ts";
import { importFailureSentence } from "../import-text.ts";
import type { Translate } from "../i18n.ts";
import type { RobotApi } from "./robot-api.ts";
import type { RobotMessage } from "./robot-message.ts";

export interface SentFileAnswer {
  /** What to say about the file. */
  readonly texts: readonly string[];
  /** Whether the interview should then say what it is waiting for (the file was not imported). */
  readonly thenInterview: boolean;
}

/** Undefined when the file is not last year's report to import: the interview answers it. */
export async function importSentFile(
  deps: { lastYear: LastYearImport; api: RobotApi; logger: AppLogger },
  person: string,
  message: RobotMessage,
  updateId: number,
  t: Translate,
): Promise<SentFileAnswer | undefined> {
  const name = message.content?.fileName ?? "";
  const code = message.content?.downloadCode;
  if (code === undefined) return undefined;
  const target = await deps.lastYear.target(person, name);
  if (target === undefined) return undefined;
  const failed = (reason: ImportFailure): SentFileAnswer => ({ texts: [t("org-import-failed", { reason: importFailureSentence(t, reason) })], thenInterview: true });
  const download = await deps.api.downloadFile(code, MAX_IMPORT_BYTES);
  if (!download.ok) {
    deps.logger.warn({ userId: person }, "years: DingTalk upload over the limit, cut off");
    return failed("too-large");
  }
  const outcome = await deps.lastYear.store(target, { name, bytes: download.bytes }, { updateId, by: person });
  if (outcome.kind === "failed") return failed(outcome.reason);
  if (outcome.kind === "not-last-year") return undefined;
  // Rows left empty for a choice (figures that ran together) are not offered in DingTalk yet
  // (Telegram asks with buttons): they stay empty, as the importer left them.
  return { texts: [t("org-imported", { year: String(outcome.year), cells: outcome.cells, current: String(outcome.current) })], thenInterview: false };
}
