// DingTalk's typed commands. A card button sends text when tapped, so each choice a card offers is
// a command (`/lang en`, `/summary 2024 all`, `/approve d1 2024`); only a return's comment is awaited.
import type { ChannelCommands } from "../app/channel-commands.ts";
import type { LocaleChoices } from "../app/locale-choices.ts";
import { refusalText, type ActOutcome } from "../app/lifecycle-service.ts";
import { deliverAcrossChannels } from "../app/person-channels.ts";
import type { ReportKey, Via } from "../app/report-record.ts";
import { RETURN_TARGETS } from "../app/supervision-service.ts";
import { isValidYear } from "../app/data-folder.ts";
import { campaignYear } from "../core/deadline/calendar.ts";
import { SECTIONS } from "../core/report/narrative.ts";
import { isLocale, LOCALES, translator, type Translate } from "../i18n.ts";
import type { App } from "../app/app.ts";
import { CARD_BUTTONS_MAX, textMessages, type DingTalkOut } from "./render-markdown.ts";

/** Invitation codes are URL-safe base64 (core/org/invitations.ts). */
const CODE = /^[A-Za-z0-9_-]{16,64}$/u;
const LANG = /^\/lang(?:\s+(\S+))?\s*$/u;
const SUPERVISOR = /^\/(status|summary)(?:\s+(\d{4}))?(?:\s+(submitted|all))?\s*$/u;
const READING = /^\/reading\s+(\d{4})\s+(t[24]\.[A-Za-z]+)\s+(\d+(?:,\d+)*)\s*$/u;
const STEP = /^\/(submit|reopen)(?:\s+([\s\S]*))?$/u;
/** A review card's buttons: `/approve d1 2024`, `/read d1 2024`, `/return d1 2024 [s<section>|t<target>|whole]`. */
const REVIEW = /^\/(approve|read|return)\s+([A-Za-z0-9][A-Za-z0-9_-]{0,63})\s+(\d{4})(?:\s+(s\d{1,2}|t\d{1,3}|whole))?\s*$/u;

/** The buttons under a report waiting for this supervisor's review (a delivery with `review`). */
export function reviewButtons(t: Translate, key: ReportKey): { title: string; content: string }[] {
  const named = `${key.departmentId} ${key.year}`;
  return [
    { title: t("org-btn-approve"), content: `/approve ${named}` },
    { title: t("org-btn-return"), content: `/return ${named}` },
    { title: t("org-btn-download"), content: `/read ${named}` },
  ];
}

/** Cards of at most CARD_BUTTONS_MAX buttons, each sending its content when tapped. */
export function choiceCards(t: Translate, text: string, buttons: readonly { title: string; content: string }[]): DingTalkOut[] {
  const cards: DingTalkOut[] = [];
  for (let start = 0; start < buttons.length; start += CARD_BUTTONS_MAX) {
    cards.push({ kind: "card", title: t("dingtalk-title"), text, buttons: buttons.slice(start, start + CARD_BUTTONS_MAX) });
  }
  return cards;
}

const fileOut = (file: { fileName: string; bytes: Uint8Array }): DingTalkOut => ({ kind: "file", fileName: file.fileName, bytes: file.bytes });

/** An approval or a return done: the supervisor's answer; the people concerned hear of it on their channel first. */
async function settled(app: App, commands: ChannelCommands, key: ReportKey, outcome: ActOutcome, done: "org-approved-done" | "org-returned-done", t: Translate): Promise<string> {
  if (!outcome.ok) return refusalText(t, outcome);
  await deliverAcrossChannels(app, key, outcome.deliveries);
  return t(done, { department: await commands.supervision.departmentName(key), year: String(key.year) });
}

/** A supervisor's review of one report, as the review card's buttons type it; the same steps as Telegram's buttons. */
async function review(app: App, commands: ChannelCommands, person: string, match: RegExpExecArray, via: Via, t: Translate): Promise<DingTalkOut[]> {
  const [, verb, departmentId = "", yearText = "", place] = match;
  const key = { departmentId, year: Number(yearText) };
  const say = (body: string): DingTalkOut[] => textMessages(t, body);
  if (!isValidYear(key.year)) return say(t("org-no-report"));
  if (verb === "approve") return say(await settled(app, commands, key, await commands.lifecycle.approve(person, key, undefined, via), "org-approved-done", t));
  if (verb === "read") {
    const got = await commands.supervision.download(person, key);
    if (!got.ok) return say(got.error === "denied" ? t("sup-denied", { action: "viewReport" }) : t("org-no-report"));
    return [fileOut(got)];
  }
  if (!(await commands.supervision.mayReturn(person, key))) return say(t("sup-denied", { action: "returnReport" }));
  const named = `/return ${key.departmentId} ${key.year}`;
  const section = place?.startsWith("s") === true ? SECTIONS[Number(place.slice(1))] : undefined;
  const rows = RETURN_TARGETS.flatMap((target, at) => (target.section === section?.key ? [{ title: target.label, content: `${named} t${at}` }] : []));
  if (section !== undefined && rows.length > 0) return choiceCards(t, t("org-return-which", { section: section.heading }), rows);
  const target = place?.startsWith("t") === true ? RETURN_TARGETS[Number(place.slice(1))] : undefined;
  // No place yet (or one that does not exist): which section, or the whole report.
  if (place !== "whole" && target === undefined) {
    const sections = SECTIONS.map((each, index) => ({ title: each.heading, content: `${named} s${index}` }));
    return choiceCards(t, t("org-return-where"), [...sections, { title: t("org-btn-return-whole"), content: `${named} whole` }]);
  }
  await commands.supervision.startReturn(person, key, target?.jump);
  return say(t("org-return-comment", { where: target?.label ?? t("org-btn-return-whole") }));
}

/** The replies to a command, or undefined when the text is for the interview. */
export async function runCommand(app: App, commands: ChannelCommands, locales: LocaleChoices, person: string, text: string, via: Via, t: Translate): Promise<DingTalkOut[] | undefined> {
  const typed = text.trim();
  const say = (body: string): DingTalkOut[] => textMessages(t, body);
  const reviewing = REVIEW.exec(typed);
  if (reviewing !== null) return review(app, commands, person, reviewing, via, t);
  if (typed.startsWith("/cancel")) await commands.supervision.cancelReturn(person);
  else if (!typed.startsWith("/")) {
    // A return waiting for its comment takes the next text, as in Telegram.
    const returned = await commands.supervision.finishReturn(person, typed, via);
    if (returned !== undefined) return say(await settled(app, commands, returned.key, returned.outcome, "org-returned-done", t));
  }
  const lang = LANG.exec(typed);
  if (lang !== null) {
    const wanted = lang[1] ?? "";
    if (!isLocale(wanted)) return choiceCards(t, t("bot-lang-choose"), LOCALES.map((locale) => ({ title: translator(locale)("bot-lang-self"), content: `/lang ${locale}` })));
    await locales.set(person, wanted);
    const now = translator(wanted);
    return textMessages(now, now("bot-lang-set"));
  }
  const supervisor = SUPERVISOR.exec(typed);
  if (supervisor !== null) {
    const [, verb, yearText, include] = supervisor;
    const year = yearText === undefined ? campaignYear(app.now()) : Number(yearText);
    if (verb === "status") return say(await commands.status(person, year, t));
    if (include === "submitted" || include === "all") {
      const replies = await commands.summaryReplies(person, year, include, t);
      return replies.flatMap((reply) => ("text" in reply ? say(reply.text) : [...(reply.caption === undefined ? [] : say(reply.caption)), fileOut(reply)]));
    }
    const place = await commands.officeYear(person, year, t);
    if ("text" in place) return say(place.text);
    const scopes = (["submitted", "all"] as const).map((scope) => ({ title: t(scope === "submitted" ? "org-btn-summary-submitted" : "org-btn-summary-all"), content: `/summary ${year} ${scope}` }));
    return choiceCards(t, t("org-summary-choose", { year: String(year) }), scopes);
  }
  const reading = READING.exec(typed);
  if (reading !== null) {
    const [, yearText = "", row = "", list = ""] = reading;
    const resolved = await app.workspaces(person, app.now());
    const departmentId = resolved.kind === "ready" ? resolved.workspace.departmentId : "";
    return say((await commands.chooseReading(person, { departmentId, year: Number(yearText) }, row, list.split(",").map(Number), person, t)).text);
  }
  const step = STEP.exec(typed);
  if (step !== null) {
    const reason = step[2]?.trim() ?? "";
    const answer = await commands.step(person, step[1] === "submit" ? "submit" : "reopen", t, via, reason === "" ? undefined : reason);
    // Supervisors hear of it on their own channel (Telegram or DingTalk) before the officer's answer.
    if (answer.key !== undefined) await deliverAcrossChannels(app, answer.key, answer.deliveries);
    return say(answer.text);
  }
  if ((await app.workspaces(person, app.now())).kind !== "stranger") return undefined;
  // Someone not yet in the organisation: a code is an invitation (DingTalk has no deep links), anything else gets the explanation.
  const code = typed.replace(/^\/start\s+/u, "");
  return say(CODE.test(code) ? (await commands.redeem(person, code, t)).text : t("org-stranger"));
}
