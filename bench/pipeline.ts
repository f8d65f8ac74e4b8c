// The whole answer path as production runs it: createBot + interviewFeature + the real store in a
// data folder + personal workspaces, talking HTTP over loopback to a FakeBotApi that runs in a
// worker thread (api-worker.ts). An answer's latency runs from bot.handleUpdate to the moment its
// first reply reached the "Bot API".
import type { Update } from "grammy/types";
import type { App } from "../src/app/app.ts";
import { createInterviewService } from "../src/app/interview-service.ts";
import { storeLocaleChoices } from "../src/app/locale-choices.ts";
import { personalWorkspaces } from "../src/app/workspace.ts";
import { openStore, type Store } from "../src/store/store.ts";
import { createBot } from "../src/telegram/create-bot.ts";
import { interviewFeature } from "../src/telegram/features/interview.ts";
import type { ApiWorkerMessage, InlineButton } from "./api-worker.ts";
import { startBenchWorker } from "./worker-boot.ts";

export type { InlineButton };

export interface Pipeline {
  readonly store: Store;
  /** Feeds one update; resolves with ms until its first sendMessage reached the server (NaN if none). */
  send(update: Update, chatId: number): Promise<number>;
  /** Buttons of the newest message sent to a chat that had a keyboard (every reply so far reported). */
  lastKeyboard(chatId: number): Promise<{ messageId: number; buttons: InlineButton[] } | undefined>;
  close(): Promise<void>;
}

export const silent = { error: () => undefined, warn: () => undefined, info: () => undefined };
/** How long a reply report from the worker may trail the HTTP response that acknowledged it. */
const REPORT_GRACE_MS = 5_000;

/** A clock that moves 1 ms per reading from `start` (the campaign year stays fixed). */
export function benchClock(start = "2024-01-10T02:00:00.000Z"): () => string {
  let at = Date.parse(start);
  return () => new Date((at += 1)).toISOString();
}

export async function openPipeline(dataDir: string, options: { cacheSize?: number } = {}): Promise<Pipeline> {
  const firstReply = new Map<number, number>();
  const keyboards = new Map<number, { messageId: number; buttons: InlineButton[] }>();
  const waiting = new Map<number, () => void>();
  /** When the chat's current update entered the bot: a late report of an earlier reply is not its answer. */
  const startedAt = new Map<number, number>();
  const pongs: (() => void)[] = [];
  const { worker, ready } = await startBenchWorker<Extract<ApiWorkerMessage, { kind: "ready" }>, Exclude<ApiWorkerMessage, { kind: "ready" }>>("./api-worker.ts", (sent) => {
    if (sent.kind === "pong") {
      pongs.shift()?.();
      return;
    }
    if (!firstReply.has(sent.chatId) && sent.at >= (startedAt.get(sent.chatId) ?? 0)) firstReply.set(sent.chatId, sent.at);
    if (sent.buttons !== undefined) keyboards.set(sent.chatId, { messageId: sent.messageId, buttons: sent.buttons });
    waiting.get(sent.chatId)?.();
  });
  const store = await openStore({ dataDir, logger: silent, ...(options.cacheSize === undefined ? {} : { cacheSize: options.cacheSize }) });
  const app: App = { store, logger: silent, now: benchClock(), randomBytes: (n) => new Uint8Array(n), adminIds: [], botUsername: undefined, workspaces: personalWorkspaces(store) };
  const service = createInterviewService(app);
  const bot = createBot({ token: "100001:BENCH-token-0000000000000", apiRoot: ready.apiRoot, botInfo: ready.botInfo, logger: silent, store: { locales: storeLocaleChoices(store) }, features: [interviewFeature(app, service)] });

  /** The worker's report of a reply can trail the HTTP response that acknowledged it. */
  const reported = (chatId: number): Promise<void> =>
    firstReply.has(chatId)
      ? Promise.resolve()
      : new Promise<void>((resolve) => {
          const timer = setTimeout(done, REPORT_GRACE_MS);
          function done(): void {
            clearTimeout(timer);
            waiting.delete(chatId);
            resolve();
          }
          waiting.set(chatId, done);
        });

  return {
    store,
    async send(update, chatId) {
      firstReply.delete(chatId);
      const started = performance.timeOrigin + performance.now();
      startedAt.set(chatId, started);
      await bot.handleUpdate(update);
      await reported(chatId);
      const at = firstReply.get(chatId);
      return at === undefined ? Number.NaN : at - started;
    },
    async lastKeyboard(chatId) {
      await new Promise<void>((resolve) => {
        pongs.push(resolve);
        worker.postMessage("ping");
      });
      return keyboards.get(chatId);
    },
    async close() {
      await store.close();
      worker.postMessage("close");
      await new Promise((resolve) => worker.once("exit", resolve));
    },
  };
}
