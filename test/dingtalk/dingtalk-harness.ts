// The real DingTalk channel (the official Stream SDK with only getEndpoint() pointed elsewhere)
// against the fake DingTalk on loopback, a real store in a temp folder, and an officer who types
// and taps action-card buttons the way the DingTalk client does: by sending the link's content.
import { mkdtemp, rm } from "node:fs/promises";
import { afterAll, beforeAll } from "vitest";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { App } from "../../src/app/app.ts";
import { createInterviewService, type InterviewService } from "../../src/app/interview-service.ts";
import { personalWorkspaces } from "../../src/app/workspace.ts";
import { startDingTalk, type DingTalkChannel } from "../../src/dingtalk/dingtalk-channel.ts";
import { openStore, type Store } from "../../src/store/store.ts";
import { tickingClock } from "../app/interview-harness.ts";
import { recordingLogger } from "../support/bot-harness.ts";
import { startFakeDingTalk, type FakeDingTalk, type SentMessage } from "../support/fake-dingtalk.ts";
import { startWorld, type World } from "../telegram/supervision-support.ts";

export const SETTINGS = { clientId: "dingnianbao", clientSecret: "s3cret", robotCode: "dingnianbao" } as const;

/** The fake DingTalk and the real channel on an app another harness runs (the cross-channel tests). */
export async function startDingTalkFor(app: App): Promise<{ fake: FakeDingTalk; channel: DingTalkChannel }> {
  const fake = await startFakeDingTalk(SETTINGS);
  const settings = { ...SETTINGS, apiRoot: fake.root, oapiRoot: fake.root };
  const channel = await startDingTalk(app, createInterviewService(app), settings, { sleep: async () => undefined });
  return { fake, channel };
}

/** One organisation over both channels for a whole test file: the Telegram world (admin, supervisors) and DingTalk on its app. */
class CrossChannelWorld {
  w!: World;
  fake!: FakeDingTalk;
  channel!: DingTalkChannel;
}

export function crossChannelWorld(now: string): CrossChannelWorld {
  const world = new CrossChannelWorld();
  beforeAll(async () => {
    world.w = await startWorld(now);
    ({ fake: world.fake, channel: world.channel } = await startDingTalkFor(world.w.app));
  });
  afterAll(async () => {
    await world.channel.stop();
    await world.fake.close();
    await world.w.close();
  });
  return world;
}

export interface DingOfficer {
  readonly fake: FakeDingTalk;
  readonly store: Store;
  readonly app: App;
  readonly service: InterviewService;
  readonly staffId: string;
  channel: DingTalkChannel;
  interactions: number;
  say(text: string): Promise<SentMessage[]>;
  tap(label: string): Promise<SentMessage[]>;
  texts(messages: readonly SentMessage[]): string[];
  /** Starts the channel again on the same store (a restart). */
  restart(): Promise<void>;
  close(): Promise<void>;
}

/** The content a card button sends when tapped (its dtmd:// link). */
export function tapContent(url: string): string {
  const parsed = new URL(url);
  if (parsed.protocol !== "dtmd:" || parsed.host !== "dingtalkclient" || parsed.pathname !== "/sendMessage") throw new Error(`not a sendMessage link: ${url}`);
  return parsed.searchParams.get("content") ?? "";
}

/** A card's buttons: [title, url]. */
export function cardButtons(message: SentMessage): [string, string][] {
  if (message.msgKey === "sampleActionCard") return [[message.param["singleTitle"] ?? "", message.param["singleURL"] ?? ""]];
  const out: [string, string][] = [];
  for (let i = 1; message.param[`actionTitle${i}`] !== undefined; i += 1) out.push([message.param[`actionTitle${i}`] ?? "", message.param[`actionURL${i}`] ?? ""]);
  return out;
}

export async function openDingOfficer(options: { now: string; staffId?: string }): Promise<DingOfficer> {
  const fake = await startFakeDingTalk(SETTINGS);
  const dir = await mkdtemp(join(tmpdir(), "nianbao-dingtalk-"));
  const logger = recordingLogger();
  const store = await openStore({ dataDir: dir, logger: { warn: logger.warn, error: logger.error } });
  const base = { store, logger, now: tickingClock(options.now), randomBytes: (n: number) => new Uint8Array(n), adminIds: [], botUsername: undefined };
  const app: App = { ...base, workspaces: personalWorkspaces(store) };
  const service = createInterviewService(app);
  const settings = { ...SETTINGS, apiRoot: fake.root, oapiRoot: fake.root };
  const start = async (): Promise<DingTalkChannel> => {
    const channel = await startDingTalk(app, service, settings, { sleep: async () => undefined });
    await fake.connected();
    return channel;
  };
  const staffId = options.staffId ?? "manager4242";
  const officer: DingOfficer = {
    fake, store, app, service, staffId,
    channel: await start(),
    interactions: 0,
    async say(text) {
      officer.interactions += 1;
      const before = fake.sent.length;
      await fake.deliver({ staffId, text });
      return fake.sent.slice(before);
    },
    async tap(label) {
      const card = [...fake.sent].reverse().find((m) => m.userId === staffId && m.msgKey.startsWith("sampleActionCard") && cardButtons(m).some(([title]) => title.includes(label)));
      const button = card === undefined ? undefined : cardButtons(card).find(([title]) => title.includes(label));
      if (button === undefined) throw new Error(`no button 「${label}」 in:\n${officer.texts(fake.sent.slice(-3)).join("\n---\n")}`);
      return officer.say(tapContent(button[1]));
    },
    texts: (messages) => messages.map((m) => m.param["text"] ?? m.param["content"] ?? `[${m.msgKey} ${m.param["fileName"] ?? ""}]`),
    async restart() {
      await officer.channel.stop();
      officer.channel = await start();
    },
    async close() {
      await officer.channel.stop();
      await fake.close();
      await store.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
  return officer;
}
