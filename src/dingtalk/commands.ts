// DingTalk's typed commands. A card button sends text when tapped, so each choice a card offers is
// a command (`/lang en`, `/summary 2024 all`, `/reading 2024 t2.x 1,2`): nothing kept between messages.
import type { ChannelCommands } from "../app/channel-commands.ts";
import type { LocaleChoices } from "../app/locale-choices.ts";
import { deliverAcrossChannels } from "../app/person-channels.ts";
import { campaignYear } from "../core/deadline/calendar.ts";
import { isLocale, LOCALES, translator, type Translate } from "../i18n.ts";
import type { App } from "../app/app.ts";
import { CARD_BUTTONS_MAX, textMessages, type DingTalkOut } from "./render-markdown.ts";

/** Invitation codes are URL-safe base64 (core/org/invitations.ts). */
const CODE = /^[A-Za-z0-9_-]{16,64}$/u;
const LANG = /^\/lang(?:\s+(\S+))?\s*$/u;
const SUPERVISOR = /^\/(status|summary)(?:\s+(\d{4}))?(?:\s+(submitted|all))?\s*$/u;
const READING = /^\/reading\s+(\d{4})\s+(t[24]\.[A-Za-z]+)\s+(\d+(?:,\d+)*)\s*$/u;
const STEP = /^\/(submit|reopen)(?:\s+([\s\S]*))?$/u;

/** Cards of at most CARD_BUTTONS_MAX buttons, each sending its content when tapped. */
export function choiceCards(t: Translate, text: string, buttons: readonly { title: string; content: string }[]): DingTalkOut[] {
  const cards: DingTalkOut[] = [];
  for (let start = 0; start < buttons.length; start += CARD_BUTTONS_MAX) {
    cards.push({ kind: "card", title: t("dingtalk-title"), text, buttons: buttons.slice(start, start + CARD_BUTTONS_MAX) });
  }
  return cards;
}

const fileOut = (file: { fileName: string; bytes: Uint8Array }): DingTalkOut => ({ kind: "file", fileName: file.fileName, bytes: file.bytes });

/** The replies to a command, or undefined when the text is for the interview. */
export async function runCommand(app: App, commands: ChannelCommands, locales: LocaleChoices, person: string, text: string, t: Translate): Promise<DingTalkOut[] | undefined> {
  const typed = text.trim();
  const say = (body: string): DingTalkOut[] => textMessages(t, body);
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
    const answer = await commands.step(person, step[1] === "submit" ? "submit" : "reopen", t, {}, reason === "" ? undefined : reason);
    // Supervisors hear of it on their own channel (Telegram or DingTalk) before the officer's answer.
    if (answer.key !== undefined) await deliverAcrossChannels(app, answer.key, answer.deliveries);
    return say(answer.text);
  }
  if ((await app.workspaces(person, app.now())).kind !== "stranger") return undefined;
  // Someone not yet in the organisation: a code is an invitation (DingTalk has no deep links), anything else gets the explanation.
  const code = typed.replace(/^\/start\s+/u, "");
  return say(CODE.test(code) ? (await commands.redeem(person, code, t)).text : t("org-stranger"));
}
