// Composition root: config → logger → store → app → every chat channel configured (Telegram with
// BOT_TOKEN, DingTalk with DINGTALK_*; both at once on one store) or, with none, the terminal
// console. SIGTERM/SIGINT stop intake, wait for the store's writes, and exit 0.
import { join } from "node:path";
import { pino } from "pino";
import type { App } from "./app/app.ts";
import { chooseWorkspaces, type AppBase } from "./app/choose-workspaces.ts";
import { createInterviewService, type InterviewService } from "./app/interview-service.ts";
import { storeLocaleChoices } from "./app/locale-choices.ts";
import { ConfigError, loadConfigFromProcess, type Config } from "./config.ts";
import { runConsole } from "./console/run-console.ts";
import { localeFor, translator } from "./i18n.ts";
import { createLogger } from "./log.ts";
import { LOCK_FILE, StoreLockedError } from "./store/store-lock.ts";
import { openStore, type Store } from "./store/store.ts";
import { registerCommands } from "./telegram/commands.ts";
import { createBot } from "./telegram/create-bot.ts";
import { startIntake } from "./telegram/intake.ts";
import { updatesInHand } from "./app/updates-in-hand.ts";
import { allFeatures } from "./telegram/features/all-features.ts";
import { createOrgService } from "./app/org-service.ts";
import { createReminderService } from "./app/reminder-service.ts";
import { startPeriodicSweep } from "./scheduler/periodic-sweep.ts";
import type { Bot } from "grammy";
import { outboxOf } from "./app/outbox.ts";
import type { BotContext } from "./telegram/context.ts";
import { telegramSender } from "./telegram/outbox-sender.ts";
import { startWebhookServer } from "./telegram/webhook.ts";
import { startDingTalk, type DingTalkChannel } from "./dingtalk/dingtalk-channel.ts";
import { staffIdOf } from "./dingtalk/robot-message.ts";
import { registerDeliverySender } from "./app/person-channels.ts";
import { deliver } from "./telegram/features/org-common.ts";

type Stop = () => Promise<void>;

/** The language for what the program itself prints in a terminal. */
const terminalLocale = (): ReturnType<typeof localeFor> => localeFor(process.env["NIANBAO_LANG"] ?? process.env["LC_ALL"] ?? process.env["LANG"]);

function readConfig(): Config | undefined {
  try {
    return loadConfigFromProcess();
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    for (const problem of error.problems) process.stderr.write(`${problem.variable} ${problem.message}\n`);
    return undefined;
  }
}

async function startTelegram(config: Config & { botToken: string }, app: App, service: InterviewService, store: Store): Promise<{ stop: Stop; bot: Bot<BotContext> }> {
  const bot = createBot({
    token: config.botToken,
    apiRoot: config.apiRoot,
    store: { locales: storeLocaleChoices(store) },
    logger: app.logger,
    features: allFeatures(app, { apiRoot: config.apiRoot, service }),
  });
  // The menu is cosmetic: serve updates at once and set it alongside.
  void registerCommands(bot.api, { adminIds: app.adminIds }).catch((error: unknown) => app.logger.warn({ err: String(error) }, "main: setMyCommands failed"));
  const stopIntake = await startUpdates(bot, config, app, store);
  // Replies Telegram would not take (auto-retry gave up) wait in the outbox; re-sent at start and
  // every 30 s, in order.
  const outbox = startPeriodicSweep({ name: "outbox", sweep: () => outboxOf(app).sweep(telegramSender(bot.api)), logger: app.logger, pattern: OUTBOX_SWEEP_PATTERN });
  // Lifecycle messages for people on Telegram, whoever sent them (an officer on DingTalk too).
  registerDeliverySender(app, "telegram", (key, delivery) => deliver(bot.api, app, key, [delivery]));
  return {
    bot,
    stop: async () => {
      outbox.stop();
      await stopIntake();
    },
  };
}

/**
 * Reminders before the deadline, for every channel: a periodic sweep over stored state, so restarts
 * lose none; each goes out on the channel of the person it is for.
 */
function startReminders(app: App, channels: { telegram?: Bot<BotContext>; dingtalk?: DingTalkChannel }): Stop {
  const org = createOrgService(app);
  const reminders = createReminderService(app, {
    org: () => org.org(),
    calendar: () => org.calendar(),
    send: async (userId, text) => {
      if (staffIdOf(userId) !== undefined) {
        if (channels.dingtalk === undefined) throw new Error(`main: reminder for ${userId} but DingTalk is not configured`);
        await channels.dingtalk.sendText(userId, text);
        return;
      }
      if (channels.telegram === undefined) throw new Error(`main: reminder for ${userId} but Telegram is not configured`);
      await channels.telegram.api.sendMessage(Number(userId), text);
    },
  });
  const sweep = startPeriodicSweep({ name: "reminders", sweep: () => reminders.sweep(), logger: app.logger });
  return async () => sweep.stop();
}

const OUTBOX_SWEEP_PATTERN = "*/30 * * * * *";
const WEBHOOK_MAX_CONNECTIONS = 100;

/** Long polling, or with WEBHOOK_URL a webhook server on PORT; returns how to stop taking updates. */
async function startUpdates(bot: Bot<BotContext>, config: Config, app: App, store: Store): Promise<Stop> {
  if (config.webhook === undefined) {
    // Chats handled concurrently, each in order (intake.ts); updates in hand kept on disk.
    const intake = await startIntake(bot, { inHand: updatesInHand(store), logger: app.logger });
    intake.done.catch((error: unknown) => app.logger.error({ err: String(error) }, "main: polling stopped"));
    return () => intake.stop();
  }
  const { url, secret, port } = config.webhook;
  await bot.init();
  // Listening before setWebhook, so Telegram's first delivery finds the server.
  const server = await startWebhookServer(bot, { secret, port, path: new URL(url).pathname, logger: app.logger });
  // Telegram's most parallel deliveries (default 40): the bot handles chats concurrently.
  await bot.api.setWebhook(url, { secret_token: secret, drop_pending_updates: false, max_connections: WEBHOOK_MAX_CONNECTIONS });
  app.logger.info({ bot: bot.botInfo.username, port: server.port }, "main: webhook");
  return () => server.close();
}

function startConsole(config: Config, service: InterviewService): { stop: Stop; done: Promise<void> } {
  const session = runConsole({
    service,
    input: process.stdin,
    print: (text) => void process.stdout.write(`${text}\n`),
    t: translator(terminalLocale()),
    exportsDir: join(config.dataDir, "exports"),
  });
  return { stop: () => session.stop(), done: session.done };
}

async function main(): Promise<void> {
  const config = readConfig();
  if (config === undefined) {
    process.exitCode = 2;
    return;
  }
  const botToken = config.botToken;
  // In the terminal the conversation owns stdout: log lines go to stderr.
  const chat = botToken !== undefined || config.dingtalk !== undefined;
  const logger = createLogger({
    level: config.logLevel,
    secrets: [botToken, config.webhook?.secret, config.dingtalk?.clientSecret],
    ...(chat ? {} : { destination: pino.destination(2) }),
  });
  let store: Store;
  try {
    store = await openStore({ dataDir: config.dataDir, logger });
  } catch (error) {
    if (!(error instanceof StoreLockedError)) throw error;
    // Another bot (or `npx nianbao admin`) owns the data folder: say so plainly and do not start.
    process.stderr.write(`${translator(terminalLocale())("store-locked", { pid: String(error.pid), lock: join(error.dataDir, LOCK_FILE) })}\n`);
    process.exitCode = 3;
    return;
  }
  const base: AppBase = {
    store,
    logger,
    now: () => new Date().toISOString(),
    randomBytes: (length) => crypto.getRandomValues(new Uint8Array(length)),
    adminIds: config.adminIds.map(String),
    botUsername: config.botUsername,
  };
  const app: App = { ...base, workspaces: await chooseWorkspaces(base) };
  const service = createInterviewService(app);

  let stopping = false;
  let stop: Stop = async () => undefined;
  const shutdown = async (): Promise<void> => {
    if (stopping) return;
    stopping = true;
    try {
      await stop();
      // Every acknowledged answer is already durable; this waits for writes still in flight.
      await store.close();
      process.exit(0);
    } catch (error) {
      logger.error({ err: String(error) }, "main: shutdown failed");
      process.exit(1);
    }
  };
  process.once("SIGTERM", () => void shutdown());
  process.once("SIGINT", () => void shutdown());

  // Every channel whose settings are present, in one process on one store.
  if (chat) {
    const stops: Stop[] = [];
    stop = async () => {
      for (const each of stops.reverse()) await each();
    };
    const channels: { telegram?: Bot<BotContext>; dingtalk?: DingTalkChannel } = {};
    if (config.dingtalk !== undefined) {
      const dingtalk = await startDingTalk(app, service, config.dingtalk);
      channels.dingtalk = dingtalk;
      stops.push(() => dingtalk.stop());
      logger.info({ clientId: config.dingtalk.clientId }, "main: DingTalk stream");
    }
    if (botToken !== undefined) {
      const telegram = await startTelegram({ ...config, botToken }, app, service, store);
      channels.telegram = telegram.bot;
      stops.push(telegram.stop);
    }
    stops.push(startReminders(app, channels));
    return;
  }
  const terminal = startConsole(config, service);
  stop = terminal.stop;
  await terminal.done;
  if (!stopping) {
    stopping = true;
    await store.close();
  }
}

await main();
