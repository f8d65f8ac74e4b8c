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
import { LegacyJournalError } from "./store/format.ts";
import { damageNotifier } from "./app/store-faults.ts";
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
import { sendTo, text } from "./telegram/send.ts";
import { startWebhookServer } from "./telegram/webhook.ts";
import { healthMonitor, type HealthMonitor } from "./app/health.ts";
import { answerHealth, startHealthServer } from "./app/health-server.ts";
import { reportApiHealth } from "./telegram/api-health.ts";
import { reachTelegram, TokenRejectedError } from "./telegram/reach-telegram.ts";
import { Api } from "grammy";
import { startControlServer } from "./app/control-server.ts";
import { upgradeDataFolder } from "./app/upgrade.ts";
import { CURRENT_FORMAT, NewerFormatError } from "./store/format.ts";
import { RELEASE } from "./repo-root.ts";
import type { UserFromGetMe } from "grammy/types";
import type { DingTalkChannel } from "./dingtalk/dingtalk-channel.ts";
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
  const health = healthMonitor({ dataDir: config.dataDir });
  const botInfo = await reachTelegramOrSay(config, app);
  const bot = createBot({
    onUpdate: () => health.noteUpdate(),
    token: config.botToken,
    botInfo,
    apiRoot: config.apiRoot,
    store: { locales: storeLocaleChoices(store) },
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
  const stopIntake = await startUpdates(bot, config, app, store, health);
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
    // Each on the channel of the person it is for; Telegram's through the outbox like every other
    // message, so a reminder Telegram will not take now goes later.
    send: async (userId, body) => {
      if (staffIdOf(userId) !== undefined) {
        if (channels.dingtalk === undefined) throw new Error(`main: reminder for ${userId} but DingTalk is not configured`);
        await channels.dingtalk.sendText(userId, body);
        return;
      }
      if (channels.telegram === undefined) throw new Error(`main: reminder for ${userId} but Telegram is not configured`);
      await sendTo(channels.telegram.api, app, Number(userId), [text(body)]);
    },
  });
  const sweep = startPeriodicSweep({ name: "reminders", sweep: () => reminders.sweep(), logger: app.logger });
  return async () => sweep.stop();
}

/** getMe answers in about a second when Telegram is reachable. */
const PROBE_TIMEOUT_SECONDS = 10;

/** getMe before anything else: an unreachable Telegram is said on stderr at once (and retried). */
async function reachTelegramOrSay(config: Config & { botToken: string }, app: App): Promise<UserFromGetMe> {
  const t = translator(terminalLocale());
  // A short timeout: a network that drops packets (rather than refusing) is told in seconds too.
  const probe = new Api(config.botToken, { apiRoot: config.apiRoot, timeoutSeconds: PROBE_TIMEOUT_SECONDS });
  let unreachable = false;
  const me = await reachTelegram(probe, {
    onUnreachable: (reason, attempt) => {
      app.logger.warn({ err: reason, attempt, apiRoot: config.apiRoot }, "main: Telegram cannot be reached, trying again");
      if (attempt === 1) process.stderr.write(`${t("telegram-unreachable", { apiRoot: config.apiRoot, reason })}\n`);
      unreachable = true;
    },
  });
  if (unreachable) process.stderr.write(`${t("telegram-reached", { bot: me.username })}\n`);
  return me;
}

const OUTBOX_SWEEP_PATTERN = "*/30 * * * * *";
const WEBHOOK_MAX_CONNECTIONS = 100;

/** Long polling, or with WEBHOOK_URL a webhook server on PORT; returns how to stop taking updates. */
async function startUpdates(bot: Bot<BotContext>, config: Config, app: App, store: Store, health: HealthMonitor): Promise<Stop> {
  if (config.webhook === undefined) {
    // Polling needs no open port; /healthz only when HEALTH_PORT asks for one.
    const healthServer = config.healthPort === undefined ? undefined : await startHealthServer(health, { port: config.healthPort, host: config.host });
    if (healthServer !== undefined) app.logger.info({ host: config.host, port: healthServer.port }, "main: health");
    // Chats handled concurrently, each in order (intake.ts); updates in hand kept on disk.
    const intake = await startIntake(bot, { inHand: updatesInHand(store), logger: app.logger });
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
  // Telegram's most parallel deliveries (default 40): the bot handles chats concurrently.
  await bot.api.setWebhook(url, { secret_token: secret, drop_pending_updates: false, max_connections: WEBHOOK_MAX_CONNECTIONS });
  app.logger.info({ bot: bot.botInfo.username, host: config.host, port: server.port }, "main: webhook");
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
    format: config.logFormat,
    ...(chat ? {} : { destination: pino.destination(2) }),
  });
  let store: Store;
  try {
    store = await openStore({ dataDir: config.dataDir, logger });
  } catch (error) {
    if (error instanceof LegacyJournalError) {
      process.stderr.write(`${translator(terminalLocale())("store-legacy-journal", { dir: join(error.dataDir, "journal"), segments: String(error.segments) })}\n`);
      process.exitCode = 3;
      return;
    }
    if (!(error instanceof StoreLockedError)) throw error;
    // Another bot (or `npx nianbao admin`) owns the data folder: say so plainly and do not start.
    process.stderr.write(`${translator(terminalLocale())("store-locked", { pid: String(error.pid), lock: join(error.dataDir, LOCK_FILE) })}\n`);
    process.exitCode = 3;
    return;
  }
  try {
    const upgrade = await upgradeDataFolder(store, RELEASE, new Date().toISOString());
    if (upgrade.kind === "migrated") {
      logger.warn({ from: upgrade.from, backup: upgrade.backup }, "main: data folder upgraded");
      process.stderr.write(`${translator(terminalLocale())("store-upgraded", { from: upgrade.from, backup: upgrade.backup })}\n`);
    }
  } catch (error) {
    if (!(error instanceof NewerFormatError)) throw error;
    // Exit 2 like a configuration error: restarting cannot fix it, installing the newer release can.
    process.stderr.write(`${translator(terminalLocale())("store-format-newer", { format: error.format, release: error.writtenBy, current: CURRENT_FORMAT })}\n`);
    await store.close();
    process.exitCode = 2;
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
  let stopControl: Stop = async () => undefined;

  let stopping = false;
  /** False until Telegram (or the terminal) is taking updates. */
  let started = false;
  let stop: Stop = async () => undefined;
  const shutdown = async (): Promise<void> => {
    if (stopping) return;
    stopping = true;
    try {
      if (!started) {
        // Still starting (Telegram may not answer yet): nothing was taken in, and closing the store
        // under the start-up code would fail it. Wait for writes in flight; the next start frees the lock.
        await store.flush();
        process.exit(0);
      }
      await stop();
      await stopControl();
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
  // `npx nianbao admin` and `backup` reach this process here while it runs.
  stopControl = await startControlServer(app);

  // Every channel whose settings are present, in one process on one store.
  if (chat) {
    const stops: Stop[] = [];
    stop = async () => {
      for (const each of stops.reverse()) await each();
    };
    const channels: { telegram?: Bot<BotContext>; dingtalk?: DingTalkChannel } = {};
    if (config.dingtalk !== undefined) {
      // Loaded only when configured: the SDK (and axios under it) is a good part of start-up.
      const { startDingTalk } = await import("./dingtalk/dingtalk-channel.ts");
      const dingtalk = await startDingTalk(app, service, config.dingtalk);
      channels.dingtalk = dingtalk;
      stops.push(() => dingtalk.stop());
      logger.info({ clientId: config.dingtalk.clientId }, "main: DingTalk stream");
    }
    if (botToken !== undefined) {
      try {
        const telegram = await startTelegram({ ...config, botToken }, app, service, store);
        channels.telegram = telegram.bot;
        stops.push(telegram.stop);
      } catch (error) {
        if (!(error instanceof TokenRejectedError)) throw error;
        // One line naming the variable, as the configuration errors are. Exit 2 like any
        // configuration error: restarting (systemd, docker) cannot fix a wrong token.
        process.stderr.write(`${translator(terminalLocale())("telegram-token-rejected", { description: error.description })}\n`);
        await stop();
        await stopControl();
        await store.close();
        process.exit(2);
      }
    }
    stops.push(startReminders(app, channels));
    started = true;
    return;
  }
  const terminal = startConsole(config, service);
  stop = terminal.stop;
  started = true;
  await terminal.done;
  if (!stopping) {
    stopping = true;
    await stopControl();
    await store.close();
  }
}

await main();
