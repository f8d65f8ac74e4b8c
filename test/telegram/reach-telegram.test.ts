// Start-up against a Telegram that cannot be reached or refuses the token: said at once, retried
// (unreachable) or given up with a named cause (401). Real grammY Api over HTTP on 127.0.0.1.
import { createServer } from "node:net";
import { Api } from "grammy";
import { afterEach, describe, expect, it } from "vitest";
import { reachTelegram, TokenRejectedError } from "../../src/telegram/reach-telegram.ts";
import { FakeBotApi } from "../support/fake-bot-api.ts";

const TOKEN = "123456:TEST-token-abcdefghijklmnopqrstuvwxyz";
let api: FakeBotApi | undefined;
afterEach(async () => {
  await api?.close();
  api = undefined;
});

/** A port nothing listens on: connections are refused. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

describe("reachTelegram", () => {
  it("says Telegram cannot be reached at the first failure, keeps trying, and returns the bot once it answers", async () => {
    api = await FakeBotApi.start();
    let refusals = 3;
    // The first three getMe find Telegram down (a network failure, as grammY reports it).
    const probe = new Api(TOKEN, {
      apiRoot: api.apiRoot,
      fetch: ((url: string, init: unknown) => (refusals-- > 0 ? Promise.reject(new Error("connect ECONNREFUSED")) : fetch(url, init as RequestInit))) as never,
    });
    const told: string[] = [];
    const me = await reachTelegram(probe, { onUnreachable: (reason, attempt) => told.push(`${attempt}:${reason}`), retryDelaysMs: [1, 1] });
    expect(me.username).toBe(api.botInfo.username);
    expect(told).toHaveLength(3);
    expect(told[0]).toMatch(/^1:.*ECONNREFUSED/u);
  });

  it("gives up at once on 401 with TokenRejectedError", async () => {
    api = await FakeBotApi.start();
    api.override("getMe", () => ({ ok: false, error_code: 401, description: "Unauthorized" }));
    const told: string[] = [];
    const probe = new Api(TOKEN, { apiRoot: api.apiRoot });
    await expect(reachTelegram(probe, { onUnreachable: (reason) => told.push(reason), retryDelaysMs: [1] })).rejects.toBeInstanceOf(TokenRejectedError);
    expect(told).toEqual([]);
  });

  it("reports a refused connection (nothing listening) as unreachable, and stops when asked", async () => {
    const probe = new Api(TOKEN, { apiRoot: `http://127.0.0.1:${await closedPort()}` });
    const controller = new AbortController();
    const told: string[] = [];
    const reaching = reachTelegram(probe, {
      onUnreachable: (reason) => {
        told.push(reason);
        controller.abort();
      },
      retryDelaysMs: [1],
      signal: controller.signal,
    });
    await expect(reaching).rejects.toThrow(/aborted/iu);
    expect(told).toHaveLength(1);
  });
});
