// Composition root: config → logger → store → app → every chat channel configured (Telegram with
// BOT_TOKEN, DingTalk with DINGTALK_*; both at once on one store) or, with none, the terminal
// console. SIGTERM/SIGINT stop intake, wait for the store's writes, and exit 0.
import { join } from "node:path";
import { pino } from "pino";
import type { App } from "./app/app.ts";
import { chooseWorkspaces, type AppBase } from "./app/workspace.ts";
import { startControlServer } from "./app/control-server.ts";
import { createInterviewService } from "./app/interview-service.ts";
import { createOrgService } from "./app/org-service.ts";
import { createReminderService } from "./app/reminder-service.ts";
import type { Store, UpgradeOutcome } from "./app/data-folder.ts";
import { openDataFolder, storeRefusal } from "./app/open-data-folder.ts";
import type { ChatChannel } from "./app/channel-commands.ts";
import { channelOf, type ChannelName } from "./app/person-channels.ts";
import { ConfigError, loadConfigFromProcess, type Config } from "./config.ts";
import { terminalLocale, translator } from "./i18n.ts";
import { createLogger } from "./log.ts";
import { RELEASE } from "./repo-root.ts";
import { TokenRejectedError } from "./telegram/reach-telegram.ts";
import { startTelegram, type Say } from "./telegram/start-telegram.ts";

type Stop = () => Promise<void>;
type Channels = Map<ChannelName, ChatChannel>;

const say: Say = (key, params) => void process.stderr.write(`${translator(terminalLocale(process.env))(key, params)}\n`);

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

/** Messages a channel kept (re-sent in order) and reminders on each person's channel; croner loads here. */
async function startSweeps(app: App, channels: Channels): Promise<Stop> {
  const { startPeriodicSweep } = await import("./scheduler/periodic-sweep.ts");
  const resends = [...channels.values()].flatMap(({ resend }) => (resend === undefined ? [] : [resend]));
  const outboxes = resends.map((resend) => startPeriodicSweep({ name: "outbox", sweep: resend, logger: app.logger, pattern: OUTBOX_SWEEP_PATTERN }));
  const org = createOrgService(app);
  const reminders = createReminderService(app, {
    org: () => org.org(),
    calendar: () => org.calendar(),
    send: async (userId, body) => {
      const channel = channelOf(userId);
      const reach = channel === undefined ? undefined : channels.get(channel);
      if (reach === undefined) throw new Error(`main: reminder for ${userId} but ${channel ?? "no channel"} is not configured`);
      return reach.sendText(userId, body);
    },
  });
  const sweep = startPeriodicSweep({ name: "reminders", sweep: () => reminders.sweep(), logger: app.logger });
  return async () => {
    for (const outbox of outboxes) outbox.stop();
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
  let upgrade: UpgradeOutcome;
  try {
    ({ store, upgrade } = await openDataFolder({ dataDir: config.dataDir, logger }, RELEASE, new Date().toISOString()));
  } catch (error) {
    // Another process, an old release's journal or a newer release's data: said plainly, no start.
    const refusal = storeRefusal(error);
    if (refusal === undefined) throw error;
    say(refusal.key, refusal.params);
    process.exitCode = refusal.exitCode;
    return;
  }
  if (upgrade.kind === "migrated") {
    logger.warn({ from: upgrade.from, backup: upgrade.backup }, "main: data folder upgraded");
    say("store-upgraded", { from: upgrade.from, backup: upgrade.backup });
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
  /** False until the channels (or the terminal) take updates. */
  let started = false;
  let stop: Stop = async () => undefined;
  // Every acknowledged answer is already durable; closing waits for writes still in flight.
  const close = async (): Promise<void> => {
    await stop();
    await stopControl();
    await store.close();
  };
  const shutdown = async (): Promise<void> => {
    if (stopping) return;
    stopping = true;
    try {
      // Still starting: nothing was taken in, and closing the store under the start-up code would fail it.
      if (started) await close();
      else await store.flush();
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
    const channels: Channels = new Map();
    let stopSweeps: Stop = async () => undefined;
    stop = async () => {
      await stopSweeps();
      for (const channel of [...channels.values()].reverse()) await channel.stop();
    };
    if (config.dingtalk !== undefined) {
      // Loaded only when configured: the SDK (and axios under it) is a good part of start-up.
      const { startDingTalk } = await import("./dingtalk/dingtalk-channel.ts");
      channels.set("dingtalk", await startDingTalk(app, service, config.dingtalk));
      logger.info({ clientId: config.dingtalk.clientId }, "main: DingTalk stream");
    }
    if (botToken !== undefined) {
      try {
        channels.set("telegram", await startTelegram({ ...config, botToken }, app, service, say));
      } catch (error) {
        if (!(error instanceof TokenRejectedError)) throw error;
        // Exit 2 like any configuration error: restarting (systemd, docker) cannot fix a wrong token.
        say("telegram-token-rejected", { description: error.description });
        await close();
        process.exit(2);
      }
    }
    stopSweeps = await startSweeps(app, channels);
    started = true;
    return;
  }
  // The interview in the terminal (loaded only then: readline and the console shell).
  const { runConsole } = await import("./console/run-console.ts");
  const terminal = runConsole({
    service,
    input: process.stdin,
    print: (line) => void process.stdout.write(`${line}\n`),
    t: translator(terminalLocale(process.env)),
    exportsDir: join(config.dataDir, "exports"),
  });
  stop = () => terminal.stop();
  started = true;
  await terminal.done;
  if (!stopping) {
    stopping = true;
    await close();
  }
}

await main();
