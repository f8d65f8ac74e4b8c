// Drives the real bot over real HTTP: builds Telegram updates, feeds them with bot.handleUpdate,
// and returns the Bot API calls each one caused (as recorded by the fake server). No mocked ctx.
import type { Bot, Composer } from "grammy";
import type { Chat, Message, Update, User } from "grammy/types";
import { createBot, type CreateBotDeps } from "../../src/telegram/create-bot.ts";
import type { BotContext, BotLogger } from "../../src/telegram/context.ts";
import type { LocaleChoices } from "../../src/app/locale-choices.ts";
import type { Locale } from "../../src/i18n.ts";
import { FakeBotApi, type ApiCall } from "./fake-bot-api.ts";

export interface LogEntry { level: "error" | "warn" | "info"; obj: object; msg: string | undefined }

/** Language choices kept in memory, for bots without a store. */
export function memoryLocaleChoices(): LocaleChoices {
  const choices = new Map<number | string, Locale>();
  return {
    get: (userId) => Promise.resolve(choices.get(userId)),
    set: (userId, locale) => {
      choices.set(userId, locale);
      return Promise.resolve();
    },
  };
}

/** A logger that keeps entries for assertions (pino-shaped). */
export function recordingLogger(): BotLogger & { entries: LogEntry[] } {
  const entries: LogEntry[] = [];
  const at = (level: LogEntry["level"]) => (obj: object, msg?: string): void => void entries.push({ level, obj, msg });
  return { entries, error: at("error"), warn: at("warn"), info: at("info") };
}

export interface HarnessOptions {
  features?: Composer<BotContext>[];
  store?: CreateBotDeps["store"];
  token?: string;
  timeoutSeconds?: number;
  retry?: CreateBotDeps["retry"];
  onError?: CreateBotDeps["onError"];
}

export interface Harness {
  api: FakeBotApi;
  bot: Bot<BotContext>;
  logger: ReturnType<typeof recordingLogger>;
  token: string;
  /** Feeds one update; resolves with the successful API calls it caused. */
  send(update: Update): Promise<ApiCall[]>;
  close(): Promise<void>;
}

let tokenSeq = 0;

export async function startHarness(options: HarnessOptions = {}): Promise<Harness> {
  const api = await FakeBotApi.start();
  tokenSeq += 1;
  const token = options.token ?? `${100000 + tokenSeq}:TEST-token-${tokenSeq}`;
  const logger = recordingLogger();
  const bot = createBot({
    token, apiRoot: api.apiRoot, botInfo: api.botInfo, logger,
    store: options.store ?? { locales: memoryLocaleChoices() },
    ...(options.features === undefined ? {} : { features: options.features }),
    ...(options.timeoutSeconds === undefined ? {} : { timeoutSeconds: options.timeoutSeconds }),
    ...(options.retry === undefined ? {} : { retry: options.retry }),
    ...(options.onError === undefined ? {} : { onError: options.onError }),
  });
  return {
    api, bot, logger, token,
    async send(update) {
      const before = api.calls.length;
      await bot.handleUpdate(update);
      return api.calls.slice(before).filter((c) => c.token === token && c.outcome === "ok");
    },
    async close() {
      await api.close();
    },
  };
}

// ---- update builders (pure; ids count up, dates are fixed) -----------------------------------

let updateSeq = 0;
let messageSeq = 0;
const DATE = 1_735_689_600; // 2025-01-01T00:00:00Z

export function user(overrides: Partial<User> = {}): User {
  return { id: 1001, is_bot: false, first_name: "李", last_name: "科员", language_code: "zh-hans", ...overrides };
}

export function privateChat(from: User): Chat.PrivateChat {
  return { id: from.id, type: "private", first_name: from.first_name };
}

export function groupChat(id = -100123): Chat.SupergroupChat {
  return { id, type: "supergroup", title: "办公室工作群" };
}

function nextUpdateId(): number { return (updateSeq += 1); }

/** A message update with any content (text, sticker, photo, …) merged in. */
export function messageUpdate(content: Partial<Message>, from: User = user(), chat: Chat = privateChat(from)): Update {
  messageSeq += 1;
  const message = { message_id: messageSeq, date: DATE + messageSeq, chat, from, ...content } as Update["message"] & object;
  return { update_id: nextUpdateId(), message };
}

export function textMessage(text: string, from: User = user(), chat?: Chat): Update {
  const command = /^\/[A-Za-z0-9_]+(@\w+)?/.exec(text);
  return messageUpdate({ text, ...(command === null ? {} : { entities: [{ type: "bot_command", offset: 0, length: command[0].length }] }) }, from, chat);
}

export function groupMessage(text: string, from: User = user(), chat: Chat = groupChat()): Update {
  return textMessage(text, from, chat);
}

export function editedMessage(text: string, from: User = user()): Update {
  const update = textMessage(text, from);
  if (update.message === undefined) throw new Error("harness: no message");
  return { update_id: update.update_id, edited_message: { ...update.message, edit_date: DATE + 999 } as Update["edited_message"] & object };
}

/** A button press; `message` is the bot's message the keyboard belongs to. */
export function callbackQuery(data: string, from: User = user(), message?: Partial<Message>): Update {
  const botMessage = { message_id: 1, date: DATE, chat: privateChat(from), text: "…", ...message } as Message;
  return { update_id: nextUpdateId(), callback_query: { id: `cq${updateSeq}`, from, chat_instance: "ci1", data, message: botMessage } as Update["callback_query"] & object };
}

export function sticker(from: User = user()): Update {
  return messageUpdate({ sticker: { file_id: "STK", file_unique_id: "stk", type: "regular", width: 512, height: 512, is_animated: false, is_video: false, emoji: "👍" } }, from);
}

export function photo(from: User = user()): Update {
  return messageUpdate({ photo: [{ file_id: "PH1", file_unique_id: "ph1", width: 90, height: 90 }, { file_id: "PH2", file_unique_id: "ph2", width: 800, height: 800 }] }, from);
}

export function voice(from: User = user()): Update {
  return messageUpdate({ voice: { file_id: "VO1", file_unique_id: "vo1", duration: 3, mime_type: "audio/ogg" } }, from);
}

export function location(from: User = user()): Update {
  return messageUpdate({ location: { latitude: 39.9, longitude: 116.4 } }, from);
}

export function contact(from: User = user()): Update {
  return messageUpdate({ contact: { phone_number: "+8610000000", first_name: "王" } }, from);
}

/** A document whose bytes the fake API serves through getFile and /file/bot<token>/<path>. */
export function document(api: FakeBotApi, bytes: Buffer | Uint8Array, fileName: string, from: User = user(), mimeType = "application/octet-stream"): Update {
  const file = api.addFile(bytes, fileName);
  return messageUpdate({ document: { file_id: file.file_id, file_unique_id: file.file_unique_id, file_name: fileName, file_size: file.file_size, mime_type: mimeType } }, from);
}

/** The text of a sendMessage/editMessageText call, for assertions. */
export function textOf(call: ApiCall | undefined): string {
  const text = call?.params["text"];
  return typeof text === "string" ? text : "";
}
