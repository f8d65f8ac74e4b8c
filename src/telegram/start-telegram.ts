// The Telegram channel's start-up: reach Telegram, build the bot, take updates by long polling or a webhook.
import { Api, type Bot } from "grammy";
import type { ChatChannel } from "../app/channel-commands.ts";
import type { UserFromGetMe } from "grammy/types";
import type { App } from "../app/app.ts";
import { answerHealth, healthMonitor, startHealthServer, type HealthMonitor } from "../app/health.ts";
import type { InterviewService } from "../app/interview-service.ts";
import { storeLocaleChoices } from "../app/locale-choices.ts";
import { outboxOf } from "../app/outbox.ts";
import { registerDeliverySender } from "../app/person-channels.ts";
import { damageNotifier } from "../app/store-faults.ts";
import { updatesInHand } from "../app/updates-in-hand.ts";
import type { Config } from "../config.ts";
import { translator, type TranslateParams } from "../i18n.ts";
import { reportApiHealth } from "./api-health.ts";
import { registerCommands } from "./commands.ts";
import type { BotContext } from "./context.ts";
import { createBot } from "./create-bot.ts";
import { allFeatures } from "./features/all-features.ts";
import { telegramDeliverySender } from "./features/org-common.ts";
import { startIntake } from "./intake.ts";
import { reachTelegram } from "./reach-telegram.ts";
import { sendTo, telegramSender, text } from "./send.ts";
import { startWebhookServer } from "./webhook.ts";

type Stop = () => Promise<void>;
/** A line on stderr in the terminal's language. */
export type Say = (key: string, params?: TranslateParams) => void;

/** getMe answers in about a second when Telegram is reachable. */
const PROBE_TIMEOUT_SECONDS = 10;
/** Telegram's most parallel webhook deliveries (default 40): the bot handles chats concurrently. */
const WEBHOOK_MAX_CONNECTIONS = 100;

/** Throws TokenRejectedError when Telegram refuses the token. */
export async function startTelegram(config: Config & { botToken: string }, app: App, service: InterviewService, say: Say): Promise<ChatChannel> {
  const health = healthMonitor({ dataDir: config.dataDir });
  const botInfo = await reachTelegramOrSay(config, app, say);
  const bot = createBot({
    onUpdate: () => health.noteUpdate(),
    token: config.botToken,
    botInfo,
    apiRoot: config.apiRoot,
    store: { locales: storeLocaleChoices(app.store) },
    logger: app.logger,
    features: allFeatures(app, { apiRoot: config.apiRoot, service }),
    // A damaged report: its officer is told in the reply, the admins here (once per file).
    onError: (error) => tellAdmins(error),
  });
  const tellAdmins = damageNotifier(app, async (userId, locale, notice) => {
    await bot.api.sendMessage(Number(userId), translator(locale)(notice.key, notice.params));
  });
  reportApiHealth(bot.api, health, app.logger);
  // The menu is cosmetic: serve updates at once and set it alongside.
  void registerCommands(bot.api, { adminIds: app.adminIds }).catch((error: unknown) => app.logger.warn({ err: String(error) }, "main: setMyCommands failed"));
  // Lifecycle messages for people on Telegram, whoever sent them (an officer on DingTalk too), from the first update on.
  registerDeliverySender(app, "telegram", telegramDeliverySender(bot.api, app));
  const stop = await startUpdates(bot, config, app, health);
  return {
    // Through the outbox like every other message, so what Telegram will not take now goes later.
    sendText: (person, body) => sendTo(bot.api, app, Number(person), [text(body)]),
    resend: () => outboxOf(app).sweep(telegramSender(bot.api)),
    stop,
  };
}

/** getMe before anything else: an unreachable Telegram is said on stderr at once (and retried). */
async function reachTelegramOrSay(config: Config & { botToken: string }, app: App, say: Say): Promise<UserFromGetMe> {
  // A short timeout: a network that drops packets (rather than refusing) is told in seconds too.
  const probe = new Api(config.botToken, { apiRoot: config.apiRoot, timeoutSeconds: PROBE_TIMEOUT_SECONDS });
  let unreachable = false;
  const me = await reachTelegram(probe, {
    onUnreachable: (reason, attempt) => {
      app.logger.warn({ err: reason, attempt, apiRoot: config.apiRoot }, "main: Telegram cannot be reached, trying again");
      if (attempt === 1) say("telegram-unreachable", { apiRoot: config.apiRoot, reason });
      unreachable = true;
    },
  });
  if (unreachable) say("telegram-reached", { bot: me.username });
  return me;
}

/** Long polling, or with WEBHOOK_URL a webhook server on PORT; returns how to stop taking updates. */
async function startUpdates(bot: Bot<BotContext>, config: Config, app: App, health: HealthMonitor): Promise<Stop> {
  if (config.webhook === undefined) {
    // Polling needs no open port; /healthz only when HEALTH_PORT asks for one.
    const healthServer = config.healthPort === undefined ? undefined : await startHealthServer(health, { port: config.healthPort, host: config.host });
    if (healthServer !== undefined) app.logger.info({ host: config.host, port: healthServer.port }, "main: health");
    // Chats handled concurrently, each in order (intake.ts); updates in hand kept on disk.
    const intake = await startIntake(bot, { inHand: updatesInHand(app.store), logger: app.logger });
    intake.done.catch((error: unknown) => app.logger.error({ err: String(error) }, "main: polling stopped"));
    return async () => {
      await intake.stop();
      await healthServer?.close();
    };
  }
  const { url, secret, port } = config.webhook;
  await bot.init();
  // Listening before setWebhook, so Telegram's first delivery finds the server.
  const server = await startWebhookServer(bot, { secret, port, host: config.host, path: new URL(url).pathname, logger: app.logger, health: (req, res) => answerHealth(health, req, res) });
  await bot.api.setWebhook(url, { secret_token: secret, drop_pending_updates: false, max_connections: WEBHOOK_MAX_CONNECTIONS });
  app.logger.info({ bot: bot.botInfo.username, host: config.host, port: server.port }, "main: webhook");
  return () => server.close();
}
