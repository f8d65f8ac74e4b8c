// What every chat channel says the same way: the outcomes that are no question, lifecycle steps, invitations, the
// board and summary, last year's report sent as a file. The shells only turn these answers into their messages.
import type { Translate } from "../i18n.ts";
import { findingSentence, importFailureSentence, importNoteSentence } from "../findings-text.ts";
import { MAX_INPUT_BYTES } from "../core/import/limits.ts";
import { checkTrial } from "../core/import/trial-2019.ts";
import { can } from "../core/org/permissions.ts";
import { checkReport } from "../core/report/check.ts";
import { errorsOf, warningsOf } from "../core/report/findings.ts";
import type { Line } from "../core/summary/line.ts";
import type { Include } from "../core/summary/aggregate.ts";
import { adminActions } from "./admin-actions.ts";
import type { App } from "./app.ts";
import { isValidYear, type ReportKey, type Via } from "./report-record.ts";
import type { Download } from "./download-limited.ts";
import { importReport } from "./report-document.ts";
import { IMPORTABLE, lastYearImport } from "./last-year-import.ts";
import type { ServiceOutcome } from "./interview-service.ts";
import { createLifecycleService, refusalText, type Delivery } from "./lifecycle-service.ts";
import { createOrgService } from "./org-service.ts";
import { AGENCY_MAX_CHARS, AGENCY_MIN_CHARS } from "./workspace.ts";
import { createSummaryService } from "./summary-service.ts";
import { createSupervisionService } from "./supervision-service.ts";

/** Findings stop short of Telegram's 4 096 characters and say how many were left out. */
const MAX_FINDINGS_CHARS = 3800;

export function linesText(t: Translate, lines: readonly Line[]): string {
  return lines.map((line) => t(line.key, { ...line.params })).join("\n");
}

/** The sentence for an outcome that carries no interview replies (a stranger, the agency asked for). */
export function outcomeNotice(t: Translate, outcome: Exclude<ServiceOutcome, { kind: "replies" }>): string {
  if (outcome.kind === "stranger") return t("shell-stranger");
  const key = outcome.problem === undefined ? "shell-agency-ask" : outcome.problem === "control" ? "shell-agency-hidden" : "shell-agency-invalid";
  return t(key, { min: String(AGENCY_MIN_CHARS), max: String(AGENCY_MAX_CHARS) });
}

/** What a text channel says to a typed command or button number that does not exist. */
export function unknownInputText(t: Translate, input: { type: "unknown-command"; name: string } | { type: "unknown-button"; n: number }): string {
  return input.type === "unknown-command" ? t("shell-console-unknown-command", { command: `/${input.name}` }) : t("shell-console-unknown-button", { n: String(input.n) });
}

export const documentCaption = (t: Translate, document: { readonly final: boolean }): string => t(document.final ? "shell-document-final" : "shell-document-draft");

/** Joins pieces (each within `limit`) into as few texts within `limit` as keep them in order. */
export function packLines(pieces: readonly string[], limit: number, separator = "\n"): string[] {
  const texts: string[] = [];
  let current = "";
  for (const piece of pieces) {
    const joined = current === "" ? piece : `${current}${separator}${piece}`;
    if (joined.length <= limit) current = joined;
    else {
      if (current !== "") texts.push(current);
      current = piece;
    }
  }
  if (current !== "") texts.push(current);
  return texts;
}

/** A note without buttons travels with the message after it when `join` says both fit: one notification per answer. */
export function joinNotes<M>(messages: readonly M[], join: (previous: M, next: M) => M | undefined): M[] {
  const joined: M[] = [];
  for (const message of messages) {
    const previous = joined.at(-1);
    const both = previous === undefined ? undefined : join(previous, message);
    if (both === undefined) joined.push(message);
    else joined[joined.length - 1] = both;
  }
  return joined;
}

/** A running chat channel, as main.ts drives each alike. */
export interface ChatChannel {
  /** A plain text (reminder, ping) to one of the channel's people. */
  sendText(person: string, text: string): Promise<void>;
  /** Sends again what the channel kept because it could not send it then (Telegram's outbox). */
  readonly resend?: () => Promise<unknown>;
  /** Stops taking messages and waits for those taken. */
  stop(): Promise<void>;
}

/** A text answer, or a file with what to say about it. */
type ChannelReply = { readonly text: string } | { readonly fileName: string; readonly bytes: Uint8Array; readonly caption?: string };

type StepAnswer = { readonly text: string; readonly key?: ReportKey; readonly deliveries: readonly Delivery[] };

export type ChannelCommands = ReturnType<typeof channelCommands>;

export function channelCommands(app: App) {
  const org = createOrgService(app);
  const lifecycle = createLifecycleService(app, () => org.org());
  const summary = createSummaryService(app, () => org.org(), () => org.calendar());
  const supervision = createSupervisionService(app, org, lifecycle);

  /** The person's office and a stored year, or the sentence saying which is missing. */
  async function officeYear(person: string, year: number, t: Translate): Promise<{ officeId: string } | { text: string }> {
    const officeId = await summary.officeOf(person);
    if (officeId === undefined) return { text: t("org-no-office") };
    return isValidYear(year) ? { officeId } : { text: t("org-no-report-year", { year: String(year) }) };
  }

  return {
    org,
    admin: adminActions(app, org),
    lifecycle,
    summary,
    supervision,
    officeYear,
    ...lastYearImport(app),

    /** /submit or /reopen [reason] of the officer's own report of the year being filled: the answer, then who to tell. */
    async step(person: string, verb: "submit" | "reopen", t: Translate, via: Via, reason?: string): Promise<StepAnswer> {
      const resolved = await app.workspaces(person, app.now());
      if (resolved.kind !== "ready") return { text: t("org-not-officer"), deliveries: [] };
      const key = { departmentId: resolved.workspace.departmentId, year: resolved.workspace.year };
      const outcome = verb === "submit" ? await lifecycle.submit(person, key, via) : await lifecycle.reopen(person, key, reason, via);
      if (!outcome.ok) return { text: refusalText(t, outcome), deliveries: [] };
      const done = t(verb === "submit" ? "org-submitted" : "org-reopened", { year: String(key.year), agency: resolved.workspace.agency });
      return { text: done, key, deliveries: outcome.deliveries };
    },

    /** An invitation code: the welcome and the next step, or why the code was refused. */
    async redeem(person: string, code: string, t: Translate, updateId?: number): Promise<{ text: string; role?: string }> {
      const redeemed = await org.redeem(code, person, updateId);
      if (!redeemed.ok) {
        app.logger.info({ userId: person, error: redeemed.error }, "invites: code refused");
        return { text: t(`sup-redeem-error-${redeemed.error}`) };
      }
      const role = redeemed.member.role;
      app.logger.info({ userId: person, role }, "invites: joined");
      return { text: `${t("sup-redeem-welcome", { role, place: redeemed.place })}\n${t("org-joined-next", { role })}`, role };
    },

    /** /status [year]: the office's board. */
    async status(person: string, year: number, t: Translate): Promise<string> {
      const place = await officeYear(person, year, t);
      if ("text" in place) return place.text;
      const board = await summary.board(person, place.officeId, year);
      return board.ok ? linesText(t, board.lines) : t(board.error === "denied" ? "sup-denied" : "org-no-office", { action: "viewStatus" });
    },

    /** The office summary chosen after /summary: its text, then the .docx and the .xlsx. */
    async summaryReplies(person: string, year: number, include: Include, t: Translate): Promise<ChannelReply[]> {
      const place = await officeYear(person, year, t);
      if ("text" in place) return [{ text: place.text }];
      const made = await summary.summary(person, place.officeId, year, include, t);
      if (!made.ok) return [{ text: t("sup-denied", { action: "viewSummary" }) }];
      return [
        { text: linesText(t, made.lines) },
        { fileName: made.docxName, bytes: made.docx, caption: t(made.draft ? "org-summary-draft" : "org-summary-final") },
        { fileName: made.xlsxName, bytes: made.xlsx },
      ];
    },

    /** A supervisor's published report checked, nothing stored; undefined when the file is not one to check. */
    async checkPublished(person: string, name: string, size: number, download: (maxBytes: number) => Promise<Download>, t: Translate): Promise<string | undefined> {
      if (!IMPORTABLE.test(name) || size > MAX_INPUT_BYTES) return undefined;
      const officeId = await summary.officeOf(person);
      if (officeId === undefined || !can(await org.org(), person, "viewStatus", { officeId }, app.adminIds)) return undefined;
      const got = await download(MAX_INPUT_BYTES);
      if (!got.ok) return t("chk-failed", { file: name, reason: importFailureSentence(t, "too-large") });
      const imported = await importReport({ name, bytes: got.bytes });
      if (!imported.ok) return t("chk-failed", { file: name, reason: importFailureSentence(t, imported.reason) });
      const findings = imported.format === "2019" ? checkTrial(imported.trial) : checkReport(imported.report);
      const errors = errorsOf(findings);
      const warnings = warningsOf(findings);
      const { meta, values } = imported.report;
      const header = t("chk-header", {
        file: name,
        agency: meta.agency ?? t("chk-unknown-agency"),
        year: String(meta.year ?? "—"),
        cells: Object.keys(values).length,
        errors: errors.length,
        warnings: warnings.length,
      });
      const lines = [
        ...errors.map((finding) => `✖ ${findingSentence(t, finding)}`),
        ...warnings.map((finding) => `⚠ ${findingSentence(t, finding)}`),
        ...imported.notes.filter((note) => note.code === "row-ambiguous").map((note) => `• ${importNoteSentence(t, note)}`),
      ];
      let text = header;
      let shown = 0;
      for (const line of lines) {
        if (text.length + line.length + 1 > MAX_FINDINGS_CHARS) break;
        text += `\n${line}`;
        shown++;
      }
      if (shown < lines.length) text += `\n${t("chk-more", { count: lines.length - shown })}`;
      return lines.length === 0 ? `${text}\n${t("chk-clean")}` : text;
    },
  };
}
