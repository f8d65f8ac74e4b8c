// The app's replies as DingTalk robot messages: escaped Markdown, the review block line by line,
// buttons as action cards that send a reply as the person (dtmd:// sendMessage) and numbered in the
// text too, every message within DingTalk's limits.
import type { ServiceOutcome } from "../app/interview-service.ts";
import { documentCaption, joinNotes, outcomeNotice, packLines } from "../app/channel-commands.ts";
import { lineText } from "../findings-text.ts";
import type { ConsoleButton } from "../app/typed-input.ts";
import type { Button } from "../core/interview/reply.ts";
import type { Translate } from "../i18n.ts";

/** Well below what the robot API takes for a Markdown body, counted in characters. */
export const MARKDOWN_LIMIT = 3500;
/** sampleActionCard2…5 carry 2–5 vertical buttons; sampleActionCard one. */
export const CARD_BUTTONS_MAX = 5;
const TITLE_CHARS = 30;

/** What the channel sends: a Markdown message, an action card, or a file (uploaded first). */
export type DingTalkOut =
  | { readonly kind: "markdown"; readonly title: string; readonly text: string }
  | { readonly kind: "card"; readonly title: string; readonly text: string; readonly buttons: readonly { title: string; content: string }[] }
  | { readonly kind: "file"; readonly fileName: string; readonly bytes: Uint8Array };

interface Rendered {
  readonly messages: DingTalkOut[];
  /** The choices offered, numbered from 1, for the next typed reply. */
  readonly choices: ConsoleButton[];
}

/** Markdown's active characters as text: backslash escapes, and full-width angle brackets so no HTML is parsed. */
function escapeMarkdown(text: string): string {
  return text
    .replace(/[\\`*_[\]]/gu, (char) => `\\${char}`)
    .replaceAll("<", "＜")
    .replaceAll(">", "＞")
    .replace(/^(\s*)([#+-]|\d+\.)(\s)/u, "$1\\$2$3");
}

/** The link that makes DingTalk send `content` in the chat as the person who tapped. */
export function sendMessageLink(content: string): string {
  return `dtmd://dingtalkclient/sendMessage?content=${encodeURIComponent(content)}`;
}

/** Markdown lines packed into messages; a line longer than `limit` characters is cut (never inside a character). */
function pack(lines: readonly string[], limit: number): string[] {
  const pieces = lines.flatMap((line) => {
    const chars = [...line];
    return Array.from({ length: Math.ceil(chars.length / limit) }, (_, i) => chars.slice(i * limit, (i + 1) * limit).join(""));
  });
  return packLines(pieces, limit, "  \n");
}

/** The notification title: the first words of the message, no Markdown. */
function titleOf(t: Translate, raw: string): string {
  const first = raw.split("\n").find((line) => line.trim() !== "")?.trim() ?? "";
  const chars = [...first];
  return chars.length === 0 ? t("dingtalk-title") : chars.length > TITLE_CHARS ? `${chars.slice(0, TITLE_CHARS).join("")}…` : first;
}

function markdownMessages(t: Translate, raw: string[], mono: string | undefined): DingTalkOut[] {
  const lines = raw.flatMap((text) => text.split("\n")).map(escapeMarkdown);
  // The review table: spaces kept (Markdown would fold them), one line each.
  const monoLines = (mono ?? "").split("\n").filter((line) => line !== "").map((line) => escapeMarkdown(line).replaceAll(" ", "\u00a0"));
  const title = titleOf(t, raw.join("\n"));
  return pack([...lines, ...monoLines], MARKDOWN_LIMIT).map((text) => ({ kind: "markdown", title, text }));
}

/** A plain text (a reminder, a ping) as Markdown messages. */
export function textMessages(t: Translate, text: string): DingTalkOut[] {
  return markdownMessages(t, [text], undefined);
}

/** Each button's tap sends its label, or `#n` when two buttons share a label. */
function tapContent(choices: readonly ConsoleButton[], index: number): string {
  const label = choices[index]?.label ?? "";
  return choices.filter((choice) => choice.label === label).length === 1 ? label : `#${index + 1}`;
}

function withButtons(t: Translate, messages: DingTalkOut[], buttons: readonly Button[], choices: ConsoleButton[]): DingTalkOut[] {
  const first = choices.length;
  for (const button of buttons) choices.push({ label: t(button.label.key, button.label.params), data: button.data });
  const numbered = choices.slice(first).map((choice, i) => escapeMarkdown(t("dingtalk-choice", { n: String(first + i + 1), label: choice.label })));
  const last = messages.pop();
  const title = last?.kind === "markdown" ? last.title : t("dingtalk-title");
  // The card carries the last part of the text, its choices numbered (for clients without the
  // link form) and the hint; further cards carry the rest of the buttons.
  const body = pack([...(last?.kind === "markdown" ? [last.text] : []), "", ...numbered, escapeMarkdown(t("dingtalk-choices-hint"))], MARKDOWN_LIMIT);
  const cards: DingTalkOut[] = body.slice(0, -1).map((text) => ({ kind: "markdown", title, text }));
  for (let start = 0; start < buttons.length; start += CARD_BUTTONS_MAX) {
    const slice = choices.slice(first + start, first + start + CARD_BUTTONS_MAX);
    const text = start === 0 ? (body.at(-1) ?? "") : numbered.slice(start, start + CARD_BUTTONS_MAX).join("  \n");
    cards.push({ kind: "card", title, text, buttons: slice.map((choice, i) => ({ title: choice.label, content: tapContent(choices, first + start + i) })) });
  }
  return [...messages, ...cards];
}

export function renderOutcome(t: Translate, outcome: ServiceOutcome): Rendered {
  if (outcome.kind !== "replies") return { messages: textMessages(t, outcomeNotice(t, outcome)), choices: [] };
  const messages: DingTalkOut[] = [];
  const choices: ConsoleButton[] = [];
  for (const reply of outcome.replies) {
    if (reply.kind === "document") {
      messages.push(...textMessages(t, documentCaption(t, reply)));
      messages.push({ kind: "file", fileName: reply.fileName, bytes: reply.bytes });
      continue;
    }
    const rendered = markdownMessages(t, reply.lines.map((line) => lineText(t, line)), reply.mono);
    const buttons = (reply.buttons ?? []).flat();
    messages.push(...(buttons.length === 0 ? rendered : withButtons(t, rendered, buttons, choices)));
  }
  const joined = joinNotes(messages, (previous, message) => {
    if (previous.kind !== "markdown" || message.kind === "file" || previous.text.length + 2 + message.text.length > MARKDOWN_LIMIT) return undefined;
    return { ...message, title: previous.title, text: `${previous.text}  \n  \n${message.text}` };
  });
  return { messages: joined, choices };
}

/** The robot API's template for one message (files take a media id, see the channel). */
export function templateOf(message: Exclude<DingTalkOut, { kind: "file" }>): { msgKey: string; msgParam: Record<string, string> } {
  if (message.kind === "markdown") return { msgKey: "sampleMarkdown", msgParam: { title: message.title, text: message.text } };
  const [only] = message.buttons;
  if (message.buttons.length === 1 && only !== undefined) {
    return { msgKey: "sampleActionCard", msgParam: { title: message.title, text: message.text, singleTitle: only.title, singleURL: sendMessageLink(only.content) } };
  }
  const msgParam: Record<string, string> = { title: message.title, text: message.text };
  message.buttons.forEach((button, i) => {
    msgParam[`actionTitle${i + 1}`] = button.title;
    msgParam[`actionURL${i + 1}`] = sendMessageLink(button.content);
  });
  return { msgKey: `sampleActionCard${message.buttons.length}`, msgParam };
}
