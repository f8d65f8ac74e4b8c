// Shared by the supervision tests: a real store in a temp folder, an App with a controlled clock,
// the organisation features mounted on the real bot against the fake Bot API.
import { getRandomValues } from "node:crypto";
import type { App } from "../../src/app/app.ts";
import { createOrgService } from "../../src/app/org-service.ts";
import { orgWorkspaces } from "../../src/app/workspace.ts";
import { registerDeliverySender } from "../../src/app/person-channels.ts";
import { openStore, type Store } from "../../src/store/store.ts";
import { allFeatures } from "../../src/telegram/features/all-features.ts";
import { telegramDeliverySender } from "../../src/telegram/features/org-common.ts";
import { startHarness, recordingLogger, type Harness } from "../support/bot-harness.ts";
import { tempDir } from "../store/helpers.ts";

export interface Clock {
  now: string;
}

export async function testApp(dataDir: string, clock: Clock, adminIds: readonly string[] = ["9001"]): Promise<App & { store: Store }> {
  const store = await openStore({ dataDir, logger: recordingLogger() });
  const base = {
    store,
    logger: recordingLogger(),
    now: () => clock.now,
    randomBytes: (n: number) => getRandomValues(new Uint8Array(n)),
    adminIds,
    botUsername: "nianbao_test_bot",
  };
  const org = createOrgService(base);
  return { ...base, workspaces: orgWorkspaces(() => org.org()) };
}

export interface World {
  app: App & { store: Store };
  h: Harness;
  clock: Clock;
  close(): Promise<void>;
}

export async function startWorld(now: string): Promise<World> {
  const { dir, cleanup } = await tempDir();
  const clock = { now };
  const app = await testApp(dir, clock);
  let apiRoot = "";
  const h = await startHarness({
    // The whole bot, as main.ts mounts it: the interview answers the officers' jump buttons.
    features: allFeatures(app, { apiRoot: () => apiRoot }),
  });
  apiRoot = h.api.apiRoot;
  registerDeliverySender(app, "telegram", telegramDeliverySender(h.bot.api, app)); // as start-telegram.ts does
  return {
    app,
    h,
    clock,
    async close() {
      await h.close();
      await app.store.close();
      await cleanup();
    },
  };
}

/** The inline keyboard of a sendMessage call, as rows of { text, callback_data }. */
export function buttonsOf(call: { params: Record<string, unknown> } | undefined): { text: string; callback_data: string }[] {
  const markup = call?.params["reply_markup"];
  const parsed = (typeof markup === "string" ? JSON.parse(markup) : markup) as { inline_keyboard?: { text: string; callback_data: string }[][] } | undefined;
  return parsed?.inline_keyboard?.flat() ?? [];
}

export function codeOf(text: string): string {
  const match = /\?start=([A-Za-z0-9_-]+)/.exec(text);
  if (match?.[1] === undefined) throw new Error(`no invitation link in: ${text}`);
  return match[1];
}
