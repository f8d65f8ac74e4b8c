// Composition root: config → logger → store → app → every chat channel configured (Telegram with
// BOT_TOKEN, DingTalk with DINGTALK_*; both at once on one store) or, with none, the terminal
// console. SIGTERM/SIGINT stop intake, wait for the store's writes, and exit 0.
import { join } from "node:path";
import type { Bot } from "grammy";
import { pino } from "pino";
import type { App } from "./app/app.ts";
import { chooseWorkspaces, type AppBase } from "./app/workspace.ts";
import { startControlServer } from "./app/control-server.ts";
import { createInterviewService } from "./app/interview-service.ts";
import { createOrgService } from "./app/org-service.ts";
import { outboxOf } from "./app/outbox.ts";
import { createReminderService } from "./app/reminder-service.ts";
import { CURRENT_FORMAT, LegacyJournalError, LOCK_FILE, NewerFormatError, openStore, StoreLockedError, upgradeDataFolder, type Store } from "./app/data-folder.ts";
import { channelOf } from "./app/person-channels.ts";
import { ConfigError, loadConfigFromProcess, type Config } from "./config.ts";
import type { DingTalkChannel } from "./dingtalk/dingtalk-channel.ts";
import { localeFor, translator } from "./i18n.ts";
import { createLogger } from "./log.ts";
import { RELEASE } from "./repo-root.ts";
import type { BotContext } from "./telegram/context.ts";
import { telegramSender } from "./telegram/outbox-sender.ts";
import { TokenRejectedError } from "./telegram/reach-telegram.ts";
import { sendTo, text } from "./telegram/send.ts";
import { startTelegram, type Say } from "./telegram/start-telegram.ts";

type Stop = () => Promise<void>;
type Channels = { telegram?: Bot<BotContext>; dingtalk?: DingTalkChannel };

/** The language for what the program itself prints in a terminal. */
const terminalLocale = (): ReturnType<typeof localeFor> => localeFor(process.env["NIANBAO_LANG"] ?? process.env["LC_ALL"] ?? process.env["LANG"]);
const say: Say = (key, params) => void process.stderr.write(`${translator(terminalLocale())(key, params)}\n`);

function readConfig(): Config | undefined {
  try {
    return loadConfigFromProcess();
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    for (const problem of error.problems) process.stderr.write(`${problem.variable} ${problem.message}\n`);
    return undefined;
  }
}

const OUTBOX_SWEEP_PATTERN = "*/30 * * * * *";

/**
 * The periodic sweeps over stored state, so restarts lose nothing: replies Telegram would not take
 * (re-sent at start and every 30 s, in order) and reminders before the deadline, each on the
 * channel of the person it is for. Started once the channels take updates (croner loads then).
 */
async function startSweeps(app: App, channels: Channels): Promise<Stop> {
  const { startPeriodicSweep } = await import("./scheduler/periodic-sweep.ts");
  const { telegram, dingtalk } = channels;
  const resend = telegram && (() => outboxOf(app).sweep(telegramSender(telegram.api)));
  const outbox = resend && startPeriodicSweep({ name: "outbox", sweep: resend, logger: app.logger, pattern: OUTBOX_SWEEP_PATTERN });
  const org = createOrgService(app);
  const reminders = createReminderService(app, {
    org: () => org.org(),
    calendar: () => org.calendar(),
    // Telegram's through the outbox like every other message, so a reminder Telegram will not take now goes later.
    send: async (userId, body) => {
      const channel = channelOf(userId);
      if (channel === "dingtalk" && dingtalk !== undefined) return dingtalk.sendText(userId, body);
      if (channel === "telegram" && telegram !== undefined) return sendTo(telegram.api, app, Number(userId), [text(body)]);
      throw new Error(`main: reminder for ${userId} but ${channel ?? "no channel"} is not configured`);
    },
  });
  const sweep = startPeriodicSweep({ name: "reminders", sweep: () => reminders.sweep(), logger: app.logger });
  return async () => {
    outbox?.stop();
    sweep.stop();
  };
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
    // An old release's journal, or another bot (or `npx nianbao admin`) owns the folder: say so plainly, do not start.
    if (error instanceof LegacyJournalError) {
      say("store-legacy-journal", { dir: join(error.dataDir, "journal"), segments: String(error.segments) });
    } else if (error instanceof StoreLockedError) {
      say("store-locked", { pid: String(error.pid), lock: join(error.dataDir, LOCK_FILE) });
    } else throw error;
    process.exitCode = 3;
    return;
  }
  try {
    const upgrade = await upgradeDataFolder(store, RELEASE, new Date().toISOString());
    if (upgrade.kind === "migrated") {
      logger.warn({ from: upgrade.from, backup: upgrade.backup }, "main: data folder upgraded");
      say("store-upgraded", { from: upgrade.from, backup: upgrade.backup });
    }
  } catch (error) {
    if (!(error instanceof NewerFormatError)) throw error;
    // Exit 2 like a configuration error: restarting cannot fix it, installing the newer release can.
    say("store-format-newer", { format: error.format, release: error.writtenBy, current: CURRENT_FORMAT });
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
    const channels: Channels = {};
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
        const telegram = await startTelegram({ ...config, botToken }, app, service, say);
        channels.telegram = telegram.bot;
        stops.push(telegram.stop);
      } catch (error) {
        if (!(error instanceof TokenRejectedError)) throw error;
        // One line naming the variable, as the configuration errors are. Exit 2 like any
        // configuration error: restarting (systemd, docker) cannot fix a wrong token.
        say("telegram-token-rejected", { description: error.description });
        await stop();
        await stopControl();
        await store.close();
        process.exit(2);
      }
    }
    stops.push(await startSweeps(app, channels));
    started = true;
    return;
  }
  // The interview in the terminal (loaded only then: readline and the console shell).
  const { runConsole } = await import("./console/run-console.ts");
  const terminal = runConsole({
    service,
    input: process.stdin,
    print: (line) => void process.stdout.write(`${line}\n`),
    t: translator(terminalLocale()),
    exportsDir: join(config.dataDir, "exports"),
  });
  stop = () => terminal.stop();
  started = true;
  await terminal.done;
  if (!stopping) {
    stopping = true;
    await stopControl();
    await store.close();
  }
}

await main();
