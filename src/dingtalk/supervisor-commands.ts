// A supervisor on DingTalk: /status [year] (the office's board) and /summary [year] (choose
// submitted/all → the office summary as text, .docx and .xlsx files). The decisions and the files
// are the app's summary service, as in Telegram; the choice card's buttons send
// `/summary <year> submitted|all` (DingTalk taps send text), so nothing is kept between messages.
import type { App } from "../app/app.ts";
import { isValidYear } from "../app/data-folder.ts";
import { createOrgService } from "../app/org-service.ts";
import { createSummaryService } from "../app/summary-service.ts";
import { campaignYear } from "../core/deadline/calendar.ts";
import type { Include } from "../core/summary/aggregate.ts";
import type { Line } from "../core/summary/line.ts";
import type { Translate } from "../i18n.ts";
import { textMessages, type DingTalkOut } from "./render-markdown.ts";

const COMMAND = /^\/(status|summary)(?:\s+(\d{4}))?(?:\s+(submitted|all))?\s*$/u;

function linesText(t: Translate, lines: readonly Line[]): string {
  return lines.map((line) => t(line.key, { ...line.params })).join("\n");
}

export interface SupervisorCommands {
  /** The replies to /status or /summary, or undefined when the text is neither. */
  handle(person: string, text: string, t: Translate): Promise<DingTalkOut[] | undefined>;
}

export function supervisorCommands(app: App): SupervisorCommands {
  const org = createOrgService(app);
  const summary = createSummaryService(app, () => org.org(), () => org.calendar());

  return {
    async handle(person, text, t) {
      const match = COMMAND.exec(text.trim());
      if (match === null) return undefined;
      const [, verb, yearText, include] = match;
      const say = (body: string): DingTalkOut[] => textMessages(t, body);
      const officeId = await summary.officeOf(person);
      if (officeId === undefined) return say(t("org-no-office"));
      const year = yearText === undefined ? campaignYear(app.now()) : Number(yearText);
      if (!isValidYear(year)) return say(t("org-no-report-year", { year: String(year) }));
      if (verb === "status") {
        const board = await summary.board(person, officeId, year);
        return say(board.ok ? linesText(t, board.lines) : t(board.error === "denied" ? "sup-denied" : "org-no-office", { action: "viewStatus" }));
      }
      if (include === undefined) {
        const buttons = (["submitted", "all"] as const).map((scope) => ({ title: t(scope === "submitted" ? "org-btn-summary-submitted" : "org-btn-summary-all"), content: `/summary ${year} ${scope}` }));
        return [{ kind: "card", title: t("dingtalk-title"), text: t("org-summary-choose", { year: String(year) }), buttons }];
      }
      const made = await summary.summary(person, officeId, year, include as Include, t);
      if (!made.ok) return say(t("sup-denied", { action: "viewSummary" }));
      return [
        ...say(linesText(t, made.lines)),
        ...say(t(made.draft ? "org-summary-draft" : "org-summary-final")),
        { kind: "file", fileName: made.docxName, bytes: made.docx },
        { kind: "file", fileName: made.xlsxName, bytes: made.xlsx },
      ];
    },
  };
}
