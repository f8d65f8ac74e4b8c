// The real bot with the interview feature over real HTTP (FakeBotApi), a real store in a temp
// folder, and an officer who types, taps buttons by their visible text and counts interactions.
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { User } from "grammy/types";
import type { App } from "../../src/app/app.ts";
import { createInterviewService } from "../../src/app/interview-service.ts";
import { storeLocaleChoices } from "../../src/app/locale-choices.ts";
import { personalWorkspaces } from "../../src/app/workspace.ts";
import { damageNotifier } from "../../src/app/store-faults.ts";
import { registerDeliverySender } from "../../src/app/person-channels.ts";
import { translator } from "../../src/i18n.ts";
import type { WriteText } from "../../src/store/durable-file.ts";
import { openStore, type Store } from "../../src/store/store.ts";
import { allFeatures } from "../../src/telegram/features/all-features.ts";
import { telegramDeliverySender } from "../../src/telegram/features/org-common.ts";
import type { ApiCall } from "../support/fake-bot-api.ts";
import { callbackQuery, recordingLogger, startHarness, textMessage, textOf, user, type Harness } from "../support/bot-harness.ts";

export interface InlineButton { text: string; callback_data: string }

/** A clock that moves one second per reading, from `start`. */
export function tickingClock(start: string): () => string {
  let ms = Date.parse(start);
  return () => new Date((ms += 1000)).toISOString();
}

export interface Officer {
  readonly h: Harness;
  readonly store: Store;
  readonly dir: string;
  readonly from: User;
  interactions: number;
  /** Milliseconds per officer interaction (update in → all replies out). */
  readonly latencies: number[];
  /** Every successful call caused by the officer so far. */
  readonly seen: ApiCall[];
  say(text: string): Promise<ApiCall[]>;
  /** Taps the button whose text contains `label` on the newest message that has one. */
  tap(label: string): Promise<ApiCall[]>;
  /** Sends any update (sticker, forged tap …) without counting it as an interaction. */
  raw(update: Parameters<Harness["send"]>[0]): Promise<ApiCall[]>;
  /** Texts of the messages of the last interaction. */
  lastTexts(): string[];
  close(options?: { keepDir?: boolean }): Promise<void>;
}

export function keyboardOf(call: ApiCall): InlineButton[] {
  const markup = call.params["reply_markup"] as { inline_keyboard?: InlineButton[][] } | undefined;
  return markup?.inline_keyboard?.flat() ?? [];
}

export interface OfficerOptions {
  now: string;
  dir?: string;
  from?: User;
  /** Told about damaged files (store-faults.ts), as main.ts wires it. */
  adminIds?: string[];
  /** How the store writes a file's text (a test injects a full disk). */
  writeText?: WriteText;
}

export async function openOfficer(options: OfficerOptions): Promise<Officer> {
  const dir = options.dir ?? (await mkdtemp(join(tmpdir(), "nianbao-interview-")));
  const logger = recordingLogger();
  const store = await openStore({ dataDir: dir, logger: { warn: logger.warn, error: logger.error }, ...(options.writeText === undefined ? {} : { writeText: options.writeText }) });
  const base = { store, logger, now: tickingClock(options.now), randomBytes: (n: number) => new Uint8Array(n), adminIds: options.adminIds ?? [], botUsername: undefined };
  const app: App = { ...base, workspaces: personalWorkspaces(store) };
  const service = createInterviewService(app);
  let apiRoot = "";
  // The whole bot as main.ts mounts it, in personal mode.
  let tellAdmins: (error: unknown) => Promise<void> = async () => undefined;
  const h = await startHarness({ features: allFeatures(app, { apiRoot: () => apiRoot, service }), store: { locales: storeLocaleChoices(store) }, onError: (error) => tellAdmins(error) });
  tellAdmins = damageNotifier(app, async (userId, locale, notice) => {
    await h.bot.api.sendMessage(Number(userId), translator(locale)(notice.key, notice.params));
  });
  apiRoot = h.api.apiRoot;
  registerDeliverySender(app, "telegram", telegramDeliverySender(h.bot.api, app)); // as start-telegram.ts does
  const from = options.from ?? user({ id: 424242 });
  let last: ApiCall[] = [];
  const officer: Officer = {
    h, store, dir, from,
    interactions: 0,
    latencies: [],
    seen: [],
    async say(text) {
      return counted(() => h.send(textMessage(text, from)));
    },
    async tap(label) {
      const withKeyboard = [...officer.seen].reverse().find((call) => call.method === "sendMessage" && keyboardOf(call).some((b) => b.text.includes(label)));
      const button = withKeyboard === undefined ? undefined : keyboardOf(withKeyboard).find((b) => b.text.includes(label));
      if (withKeyboard === undefined || button === undefined) {
        throw new Error(`no button 「${label}」 in the last replies:\n${last.map((c) => `${textOf(c)}\n  ${keyboardOf(c).map((b) => b.text).join(" | ")}`).join("\n")}`);
      }
      const messageId = (withKeyboard.result as { message_id: number }).message_id;
      return counted(() => h.send(callbackQuery(button.callback_data, from, { message_id: messageId })));
    },
    async raw(update) {
      last = await h.send(update);
      officer.seen.push(...last);
      return last;
    },
    lastTexts: () => last.filter((c) => c.method === "sendMessage").map(textOf),
    async close(closeOptions = {}) {
      await h.close();
      await store.close();
      if (closeOptions.keepDir !== true) await rm(dir, { recursive: true, force: true });
    },
  };
  async function counted(send: () => Promise<ApiCall[]>): Promise<ApiCall[]> {
    officer.interactions += 1;
    const started = performance.now();
    last = await send();
    officer.latencies.push(performance.now() - started);
    officer.seen.push(...last);
    return last;
  }
  return officer;
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

/** The .docx bytes of the last document the bot sent in `calls`. */
export function lastDocument(calls: readonly ApiCall[]): { fileName: string; bytes: Buffer; caption: string } | undefined {
  const call = [...calls].reverse().find((c) => c.method === "sendDocument");
  const file = call?.files.find((f) => f.field === "document");
  if (call === undefined || file === undefined) return undefined;
  return { fileName: file.filename, bytes: file.bytes, caption: typeof call.params["caption"] === "string" ? call.params["caption"] : "" };
}
