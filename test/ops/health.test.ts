// /healthz over real HTTP: the monitor's report, the polling-mode server, and the webhook server's
// route beside the webhook path (which still refuses anything but Telegram's POST). The store probe
// writes a real file, so a missing or read-only folder shows as not writable with its error code.
import { mkdtemp, readdir, rm } from "node:fs/promises";
import { networkInterfaces, tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { answerHealth, healthMonitor, startHealthServer, type HealthReport } from "../../src/app/health.ts";
import { createBot } from "../../src/telegram/create-bot.ts";
import { startWebhookServer } from "../../src/telegram/webhook.ts";
import { memoryLocaleChoices, recordingLogger } from "../support/bot-harness.ts";
import { FAKE_BOT_INFO, FakeBotApi } from "../support/fake-bot-api.ts";
import { Api } from "grammy";
import { reportApiHealth } from "../../src/telegram/api-health.ts";

let dir = "";
const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
  if (dir !== "") await rm(dir, { recursive: true, force: true });
  dir = "";
});

async function getHealth(port: number, method = "GET"): Promise<{ status: number; body: HealthReport | undefined }> {
  const response = await fetch(`http://127.0.0.1:${port}/healthz`, { method });
  const text = await response.text();
  return { status: response.status, body: text === "" ? undefined : (JSON.parse(text) as HealthReport) };
}

describe("health monitor", () => {
  it("is ok once Telegram answered and the folder takes a write; ages follow the clock", async () => {
    dir = await mkdtemp(join(tmpdir(), "nianbao-health-"));
    let clock = 1_000_000;
    const monitor = healthMonitor({ dataDir: dir, now: () => clock });
    expect((await monitor.report()).ok).toBe(false);
    expect((await monitor.report()).telegram.error).toBe("no Bot API call yet");
    monitor.noteApi({ ok: true });
    monitor.noteUpdate();
    clock += 42_000;
    const report = await monitor.report();
    expect(report).toEqual({
      ok: true,
      store: { writable: true },
      telegram: { connected: true, lastAnswerAgeSeconds: 42 },
      updates: { handled: 1, lastAgeSeconds: 42 },
    });
    // The probe leaves nothing behind.
    expect(await readdir(dir)).toEqual([]);
  });

  it("names what is wrong: Telegram unreachable, a folder that cannot be written", async () => {
    dir = await mkdtemp(join(tmpdir(), "nianbao-health-"));
    const monitor = healthMonitor({ dataDir: join(dir, "gone") });
    monitor.noteApi({ ok: true });
    monitor.noteApi({ ok: false, error: "Telegram unreachable (getUpdates)" });
    const report = await monitor.report();
    expect(report.ok).toBe(false);
    expect(report.store).toEqual({ writable: false, error: "ENOENT" });
    expect(report.telegram).toMatchObject({ connected: false, error: "Telegram unreachable (getUpdates)" });
    expect(report.updates.lastAgeSeconds).toBeNull();
  });
});

describe("health server (polling mode)", () => {
  it("answers 200 with the report, 503 when unhealthy, 404 elsewhere, and listens on loopback", async () => {
    dir = await mkdtemp(join(tmpdir(), "nianbao-health-"));
    const monitor = healthMonitor({ dataDir: dir });
    const server = await startHealthServer(monitor, { port: 0, host: "127.0.0.1" });
    cleanups.push(() => server.close());
    expect((await getHealth(server.port)).status).toBe(503);
    monitor.noteApi({ ok: true });
    const healthy = await getHealth(server.port);
    expect(healthy.status).toBe(200);
    expect(healthy.body?.ok).toBe(true);
    expect((await getHealth(server.port, "HEAD")).status).toBe(200);
    expect((await fetch(`http://127.0.0.1:${server.port}/`)).status).toBe(404);
    expect((await fetch(`http://127.0.0.1:${server.port}/healthz`, { method: "POST" })).status).toBe(405);
  });
});

describe("webhook server", () => {
  it("binds 127.0.0.1 by default and serves /healthz beside the webhook path", async () => {
    dir = await mkdtemp(join(tmpdir(), "nianbao-health-"));
    const monitor = healthMonitor({ dataDir: dir });
    monitor.noteApi({ ok: true });
    const bot = createBot({ token: "123456:TEST-token-abcdefghijklmnopqrstuvwxyz", botInfo: FAKE_BOT_INFO, store: { locales: memoryLocaleChoices() }, logger: recordingLogger() });
    const server = await startWebhookServer(bot, { secret: "s3cret_s3cret_s3cret", path: "/hook", port: 0, logger: recordingLogger(), health: (req, res) => answerHealth(monitor, req, res) });
    cleanups.push(() => server.close());
    const health = await getHealth(server.port);
    expect(health.status).toBe(200);
    expect(health.body?.store.writable).toBe(true);
    // The webhook path still wants Telegram's secret.
    expect((await fetch(`http://127.0.0.1:${server.port}/hook`, { method: "POST", body: "{}" })).status).toBe(401);
  });

  it("is not reachable on another interface unless asked", async (context) => {
    const external = Object.values(networkInterfaces()).flat().find((address) => address !== undefined && address.family === "IPv4" && !address.internal);
    if (external === undefined) return context.skip("skipped: this machine has no non-loopback IPv4 address to try");
    const bot = createBot({ token: "123456:TEST-token-abcdefghijklmnopqrstuvwxyz", botInfo: FAKE_BOT_INFO, store: { locales: memoryLocaleChoices() }, logger: recordingLogger() });
    const server = await startWebhookServer(bot, { secret: "s3cret_s3cret_s3cret", path: "/hook", port: 0, logger: recordingLogger() });
    cleanups.push(() => server.close());
    await expect(fetch(`http://${external.address}:${server.port}/healthz`)).rejects.toThrow();
  });
});

describe("Bot API health", () => {
  it("marks Telegram answering, refusing the token, or unreachable, and logs each change once", async () => {
    dir = await mkdtemp(join(tmpdir(), "nianbao-health-"));
    const fake = await FakeBotApi.start();
    const monitor = healthMonitor({ dataDir: dir });
    const logger = recordingLogger();
    const api = new Api("123456:TEST-token-abcdefghijklmnopqrstuvwxyz", { apiRoot: fake.apiRoot });
    reportApiHealth(api, monitor, logger);
    await api.getMe();
    expect((await monitor.report()).telegram.connected).toBe(true);
    fake.override("getMe", () => ({ ok: false, error_code: 401, description: "Unauthorized" }));
    await expect(api.getMe()).rejects.toThrow(/401/);
    expect((await monitor.report()).telegram).toMatchObject({ connected: false, error: "token refused (401)" });
    fake.override("getMe", () => ({ ok: true, result: FAKE_BOT_INFO }));
    await api.getMe();
    await fake.close();
    await expect(api.getMe()).rejects.toThrow();
    await expect(api.getMe()).rejects.toThrow();
    expect((await monitor.report()).telegram).toMatchObject({ connected: false, error: "Telegram unreachable (getMe)" });
    expect(logger.entries.map((entry) => `${entry.level} ${entry.msg ?? ""}`)).toEqual([
      "warn telegram: not answering",
      "info telegram: answering again",
      "warn telegram: not answering",
    ]);
  });
});
