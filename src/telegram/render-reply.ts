// An engine message as Telegram HTML messages: lines translated and escaped, the `mono` review
// block in <pre>, the inline keyboard on the last part, and every part under Telegram's 4 096.
import type { Button, Reply } from "../core/interview/reply.ts";
import { packLines } from "../app/channel-commands.ts";
import type { OutboxMessage } from "../app/outbox.ts";
import { lineText } from "../findings-text.ts";
import type { Translate } from "../i18n.ts";

/** Below Telegram's 4 096 so the limit holds however the client counts the HTML. */
export const MESSAGE_LIMIT = 4000;

type TextMessage = Extract<OutboxMessage, { kind: "text" }>;

function escapeHtml(text: string): string {
  return text.replaceAll("&", "&amp;").replaceAll("<", "&lt;").replaceAll(">", "&gt;");
}

/** Cuts raw text so each piece, once escaped and wrapped, stays within `room` (never inside a character). */
function cut(raw: string, room: number): string[] {
  // Almost every line fits: escaping can at most quintuple a character's length ("&" → "&amp;").
  if (raw.length * 5 <= room || escapeHtml(raw).length <= room) return [raw];
  const pieces: string[] = [];
  let piece = "";
  let size = 0;
  for (const char of raw) {
    const width = escapeHtml(char).length;
    if (size + width > room && piece !== "") {
      pieces.push(piece);
      piece = "";
      size = 0;
    }
    piece += char;
    size += width;
  }
  if (piece !== "" || pieces.length === 0) pieces.push(piece);
  return pieces;
}

const PRE_OPEN = "<pre>";
const PRE_CLOSE = "</pre>";

function monoPieces(mono: string): string[] {
  const room = MESSAGE_LIMIT - PRE_OPEN.length - PRE_CLOSE.length;
  const lines = mono.split("\n").flatMap((line) => cut(line, room).map(escapeHtml));
  return packLines(lines, room).map((block) => `${PRE_OPEN}${block}${PRE_CLOSE}`);
}

function keyboardOf(t: Translate, buttons: readonly Button[][]): TextMessage["keyboard"] {
  return buttons.map((row) => row.map((button) => ({ text: t(button.label.key, button.label.params), callback_data: button.data })));
}

/** As the outbox keeps them (app/outbox.ts). */
export function renderMessage(t: Translate, reply: Pick<Extract<Reply, { kind: "message" }>, "lines" | "buttons" | "mono">): TextMessage[] {
  const lines = reply.lines.flatMap((line) => lineText(t, line).split("\n")).flatMap((text) => cut(text, MESSAGE_LIMIT).map(escapeHtml));
  const texts = packLines(lines, MESSAGE_LIMIT);
  if (reply.mono !== undefined && reply.mono !== "") {
    // A <pre> block never shares a message with a piece that would push it over the limit.
    for (const block of monoPieces(reply.mono)) {
      const last = texts[texts.length - 1];
      if (last !== undefined && last.length + 1 + block.length <= MESSAGE_LIMIT) texts[texts.length - 1] = `${last}\n${block}`;
      else texts.push(block);
    }
  }
  const buttons = reply.buttons ?? [];
  if (texts.length === 0) texts.push("…");
  const keyboard = buttons.length > 0 ? keyboardOf(t, buttons) : undefined;
  return texts.map((text, i) => ({ kind: "text", text, html: true, ...(i === texts.length - 1 && keyboard !== undefined ? { keyboard } : {}) }));
}
