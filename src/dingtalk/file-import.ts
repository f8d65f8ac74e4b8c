// A file a person sends in DingTalk: last year's report is imported through the app's last-year
// import (the same as Telegram's); DingTalk gives a download code, and the robot API's message-file
// download is counted on the stream against the same limit (DingTalk's message states no size).
// Rows whose figures ran together are offered as cards whose buttons send
// `/reading <year> <row> <a,b,c>` (DingTalk taps send text): stateless, checked by the app.
import type { App } from "../app/app.ts";
import { applyImportChoice, importChoices } from "../app/import-choices.ts";
import type { ImportFailure } from "../core/import/import-result.ts";
import { CARD_BUTTONS_MAX, textMessages, type DingTalkOut } from "./render-markdown.ts";
import type { LastYearImport } from "../app/last-year-import.ts";
import { MAX_IMPORT_BYTES } from "../app/last-year-import.ts";
import type { AppLogger } from "../app/app.ts";
import { importFailureSentence } from "../import-text.ts";
import type { Translate } from "../i18n.ts";
import type { RobotApi } from "./robot-api.ts";
import type { RobotMessage } from "./robot-message.ts";

export interface SentFileAnswer {
  /** What to say about the file. */
  readonly messages: readonly DingTalkOut[];
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
  const failed = (reason: ImportFailure): SentFileAnswer => ({ messages: textMessages(t, t("org-import-failed", { reason: importFailureSentence(t, reason) })), thenInterview: true });
  const download = await deps.api.downloadFile(code, MAX_IMPORT_BYTES);
  if (!download.ok) {
    deps.logger.warn({ userId: person }, "years: DingTalk upload over the limit, cut off");
    return failed("too-large");
  }
  const outcome = await deps.lastYear.store(target, { name, bytes: download.bytes }, { updateId, by: person });
  if (outcome.kind === "failed") return failed(outcome.reason);
  if (outcome.kind === "not-last-year") return undefined;
  const messages: DingTalkOut[] = textMessages(t, t("org-imported", { year: String(outcome.year), cells: outcome.cells, current: String(outcome.current) }));
  for (const choice of importChoices(outcome.notes)) {
    const buttons = choice.options.map((option) => ({ title: option.join(" | "), content: `/reading ${outcome.year} ${choice.row} ${option.join(",")}` }));
    for (let start = 0; start < buttons.length; start += CARD_BUTTONS_MAX) {
      messages.push({ kind: "card", title: t("dingtalk-title"), text: t("chk-choose", { row: choice.label, text: choice.printed }), buttons: buttons.slice(start, start + CARD_BUTTONS_MAX) });
    }
  }
  return { messages, thenInterview: false };
}

const READING = /^\/reading\s+(\d{4})\s+(t[24]\.[A-Za-z]+)\s+(\d+(?:,\d+)*)\s*$/u;

/** `/reading <year> <row> <a,b,c>` (a choice card's tap): the replies, or undefined when the text is not one. */
export async function readingCommand(app: App, person: string, text: string, t: Translate): Promise<DingTalkOut[] | undefined> {
  const match = READING.exec(text.trim());
  if (match === null) return undefined;
  const [, yearText = "", row = "", list = ""] = match;
  const resolved = await app.workspaces(person, app.now());
  const departmentId = resolved.kind === "ready" ? resolved.workspace.departmentId : "";
  const outcome = await applyImportChoice(app, person, { departmentId, year: Number(yearText) }, row, list.split(",").map(Number), person);
  return textMessages(t, outcome.ok ? t("chk-chosen", { row: outcome.label, values: outcome.values.join(" | ") }) : t("chk-choice-refused"));
}
