// Builds the bot and never starts it: start-telegram.ts polls or serves a webhook, tests call bot.handleUpdate.
import { Agent as HttpAgent } from "node:http";
import { Agent as HttpsAgent } from "node:https";
import { Bot, type Composer } from "grammy";
import type { UserFromGetMe } from "grammy/types";
import { autoRetry } from "@grammyjs/auto-retry";
import { sequentialize } from "@grammyjs/runner";
import { localeMiddleware, type BotContext, type BotLogger, type LocaleFlavor } from "./context.ts";
import { errorBoundary } from "./error-boundary.ts";
import { basicsFeature } from "./features/basics.ts";
import { updateLog } from "./update-log.ts";

export interface CreateBotDeps {
  token: string;
  /** Bot API root without a trailing slash (tests point it at the fake server). */
  apiRoot?: string;
  /** Skips getMe at start-up; required for handleUpdate without bot.init(). */
  botInfo?: UserFromGetMe;
  /** The part of the store the bot itself needs (features get the app). */
  store: Pick<LocaleFlavor, "locales">;
  logger: BotLogger;
  /** They see private chats only, in this order. */
  features?: Composer<BotContext>[];
  /** Per-request timeout; long polling asks for 30 s, so keep this above it. */
  timeoutSeconds?: number;
  retry?: { maxRetryAttempts: number; maxDelaySeconds: number };
  /** Each update's arrival (the health monitor's last-update age). */
  onUpdate?: () => void;
  /** Every failed update's error (main.ts tells the admins about damaged files). */
  onError?: (error: unknown) => Promise<void>;
}

// A 429 asking for more than a minute is a flood ban; better to fail the update and apologise.
const DEFAULT_RETRY = { maxRetryAttempts: 3, maxDelaySeconds: 60 };

/** Kept-alive, bounded connections: grammY's default agent destroys most after each call (a TLS handshake per reply). */
const MAX_API_SOCKETS = 64;

/** The chat an update belongs to (the sender for chat-less updates such as inline queries). */
function chatKey(ctx: BotContext): string | undefined {
  const id = ctx.chat?.id ?? ctx.from?.id;
  return id === undefined ? undefined : String(id);
}

export function createBot(deps: CreateBotDeps): Bot<BotContext> {
  const apiRoot = deps.apiRoot ?? "https://api.telegram.org";
  const agentOptions = { keepAlive: true, maxSockets: MAX_API_SOCKETS, maxFreeSockets: MAX_API_SOCKETS };
  const bot = new Bot<BotContext>(deps.token, {
    ...(deps.botInfo === undefined ? {} : { botInfo: deps.botInfo }),
    client: {
      apiRoot,
      timeoutSeconds: deps.timeoutSeconds ?? 60,
      baseFetchConfig: { agent: apiRoot.startsWith("http:") ? new HttpAgent(agentOptions) : new HttpsAgent(agentOptions) },
    },
  });
  const boundary = errorBoundary({ logger: deps.logger, locales: deps.store.locales, ...(deps.onError === undefined ? {} : { onError: deps.onError }) });
  // 429 after retry_after, 5xx and network errors with backoff; the bot sees a failure once attempts are spent.
  bot.api.config.use(autoRetry(deps.retry ?? DEFAULT_RETRY));
  // First, so a chat's updates keep their order when processed concurrently (runner, webhook).
  bot.use(sequentialize(chatKey));
  // bot.catch only serves bot.start(); handleUpdate (webhooks, runner, tests) rethrows: the boundary wraps the stack too.
  const guarded = bot.errorBoundary(boundary);
  guarded.use(updateLog(deps.logger, deps.onUpdate));
  guarded.use(localeMiddleware(deps.store.locales));
  // Features work in private chats only; basics answers groups and everything left over.
  guarded.chatType("private").use(...(deps.features ?? []));
  guarded.use(basicsFeature);
  bot.catch(boundary);
  return bot;
}
