// What the real Bot API refuses, checked by the fake so the suite catches a call Telegram would
// reject (or, for empty keyboard rows, one it tolerates but we must not send). Limits from
// core.telegram.org/bots/api: text 1–4096 and captions ≤ 1024 characters after entity parsing,
// callback_data 1–64 bytes, at most 100 buttons per keyboard, HTML with known tags and entities.
type Params = Record<string, unknown>;

const MAX_TEXT = 4096;
const MAX_CAPTION = 1024;
const MAX_CALLBACK_BYTES = 64;
const MAX_BUTTONS = 100;
const HTML_TAGS = new Set(["b", "strong", "i", "em", "u", "ins", "s", "strike", "del", "span", "tg-spoiler", "a", "tg-emoji", "code", "pre", "blockquote"]);
const ENTITY = /^&(?:lt|gt|amp|quot|#\d{1,7}|#x[0-9a-f]{1,6});/iu;

/** The visible text of an HTML message, or the reason Telegram could not parse it. */
export function parseHtml(html: string): { ok: true; text: string } | { ok: false; reason: string } {
  const open: string[] = [];
  let text = "";
  for (let at = 0; at < html.length; ) {
    const char = html[at] ?? "";
    if (char === "&") {
      const entity = ENTITY.exec(html.slice(at));
      if (entity === null) return { ok: false, reason: `Can't parse entities: unsupported HTML entity at byte offset ${at}` };
      text += "x";
      at += entity[0].length;
      continue;
    }
    if (char === ">") return { ok: false, reason: `Can't parse entities: character '>' is reserved at byte offset ${at}` };
    if (char !== "<") {
      text += char;
      at += 1;
      continue;
    }
    const tag = /^<(\/?)([a-z-]+)(?:\s[^<>]*)?>/iu.exec(html.slice(at));
    const name = tag?.[2]?.toLowerCase();
    if (tag === null || name === undefined || !HTML_TAGS.has(name)) return { ok: false, reason: `Can't parse entities: unsupported start tag at byte offset ${at}` };
    if (tag[1] === "/") {
      if (open.pop() !== name) return { ok: false, reason: `Can't parse entities: unmatched end tag at byte offset ${at}, expected "</${open.at(-1) ?? ""}>", found "</${name}>"` };
    } else open.push(name);
    at += tag[0].length;
  }
  if (open.length > 0) return { ok: false, reason: `Can't parse entities: can't find end tag corresponding to start tag "${open.at(-1) ?? ""}"` };
  return { ok: true, text };
}

function keyboardProblem(markup: unknown): string | undefined {
  if (typeof markup !== "object" || markup === null) return undefined;
  const rows = (markup as Params)["inline_keyboard"];
  if (rows === undefined) return undefined;
  if (!Array.isArray(rows)) return "Bad Request: field \"inline_keyboard\" of the InlineKeyboardMarkup should be an Array";
  let count = 0;
  for (const row of rows as unknown[]) {
    if (!Array.isArray(row)) return "Bad Request: can't parse inline keyboard button: InlineKeyboardButton should be an Array";
    // Telegram drops an empty row silently; a keyboard that ends in `[]` is our bug all the same.
    if (row.length === 0) return "Bad Request: (fake) empty inline keyboard row";
    for (const button of row as Params[]) {
      count += 1;
      if (typeof button["text"] !== "string" || button["text"].trim() === "") return "Bad Request: BUTTON_TEXT_EMPTY";
      const data = button["callback_data"];
      if (data !== undefined) {
        const bytes = typeof data === "string" ? Buffer.byteLength(data, "utf8") : 0;
        if (bytes < 1 || bytes > MAX_CALLBACK_BYTES) return "Bad Request: BUTTON_DATA_INVALID";
      }
    }
  }
  return count > MAX_BUTTONS ? "Bad Request: reply markup is too long" : undefined;
}

function visible(text: string, params: Params): { ok: true; text: string } | { ok: false; reason: string } {
  const mode = params["parse_mode"];
  if (typeof mode === "string" && mode.toUpperCase() === "HTML") {
    const parsed = parseHtml(text);
    return parsed.ok ? parsed : { ok: false, reason: `Bad Request: ${parsed.reason}` };
  }
  return { ok: true, text };
}

/** Why Telegram would refuse this call, or undefined when it would take it. */
export function refusal(method: string, params: Params): string | undefined {
  const keyboard = keyboardProblem(params["reply_markup"]);
  if (keyboard !== undefined) return keyboard;
  if (method === "sendMessage" || method === "editMessageText") {
    const raw = typeof params["text"] === "string" ? params["text"] : "";
    const shown = visible(raw, params);
    if (!shown.ok) return shown.reason;
    if (shown.text.trim() === "") return "Bad Request: message text is empty";
    if (shown.text.length > MAX_TEXT) return "Bad Request: message is too long";
  }
  if (method === "sendDocument" || method === "sendPhoto" || method === "editMessageCaption") {
    if (typeof params["caption"] !== "string") return undefined;
    const shown = visible(params["caption"], params);
    if (!shown.ok) return shown.reason;
    if (shown.text.length > MAX_CAPTION) return "Bad Request: message caption is too long";
  }
  return undefined;
}
