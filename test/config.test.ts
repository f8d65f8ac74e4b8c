import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { ConfigError, loadConfig, readEnvFile } from "../src/config.ts";

const TOKEN = "123456789:AAFakeTokenForTestsOnly_abcdefghij";

function problemsOf(env: Record<string, string>): { variable: string; message: string }[] {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return [...error.problems];
    throw error;
  }
  return [];
}

describe("loadConfig", () => {
  it("runs with an empty environment: console mode and defaults", () => {
    expect(loadConfig({})).toEqual({
      apiRoot: "https://api.telegram.org",
      dataDir: resolve("./data"),
      adminIds: [],
      logLevel: "info",
      logFormat: "json",
      host: "127.0.0.1",
    });
  });

  it("reads every variable", () => {
    const config = loadConfig({
      BOT_TOKEN: TOKEN,
      TELEGRAM_API_ROOT: "http://127.0.0.1:8081/",
      DATA_DIR: "/var/lib/nianbao",
      ADMIN_IDS: "111, 222,333",
      BOT_USERNAME: "@nianbao_bot",
      WEBHOOK_URL: "https://bot.example.gov.cn/hook",
      WEBHOOK_SECRET: "s3cret_s3cret_s3cret",
      PORT: "3000",
      LOG_LEVEL: "debug",
      LOG_FORMAT: "pretty",
      HOST: "0.0.0.0",
      HEALTH_PORT: "9090",
    });
    expect(config).toEqual({
      botToken: TOKEN,
      apiRoot: "http://127.0.0.1:8081",
      dataDir: "/var/lib/nianbao",
      adminIds: [111, 222, 333],
      botUsername: "nianbao_bot",
      webhook: { url: "https://bot.example.gov.cn/hook", secret: "s3cret_s3cret_s3cret", port: 3000 },
      logLevel: "debug",
      logFormat: "pretty",
      host: "0.0.0.0",
      healthPort: 9090,
    });
  });

  it("treats blank values as unset", () => {
    expect(loadConfig({ BOT_TOKEN: "", ADMIN_IDS: " ", WEBHOOK_URL: "" }).botToken).toBeUndefined();
  });

  it("listens on loopback unless HOST asks otherwise (IPv6 too)", () => {
    expect(loadConfig({}).host).toBe("127.0.0.1");
    expect(loadConfig({ HOST: "::" }).host).toBe("::");
  });

  it("defaults the webhook port to 8080", () => {
    expect(loadConfig({ BOT_TOKEN: TOKEN, WEBHOOK_URL: "https://x.example/h", WEBHOOK_SECRET: "abcdefghijklmnop" }).webhook?.port).toBe(8080);
  });

  it.each([
    ["BOT_TOKEN", { BOT_TOKEN: "not-a-token" }],
    ["TELEGRAM_API_ROOT", { TELEGRAM_API_ROOT: "api.telegram.org" }],
    ["ADMIN_IDS", { ADMIN_IDS: "12,abc" }],
    ["BOT_USERNAME", { BOT_USERNAME: "no spaces allowed" }],
    ["WEBHOOK_URL", { BOT_TOKEN: TOKEN, WEBHOOK_URL: "http://insecure.example/h", WEBHOOK_SECRET: "abcdefghijklmnop" }],
    ["WEBHOOK_SECRET", { BOT_TOKEN: TOKEN, WEBHOOK_URL: "https://x.example/h" }],
    ["PORT", { PORT: "70000" }],
    ["PORT", { PORT: "eighty" }],
    ["LOG_LEVEL", { LOG_LEVEL: "verbose" }],
    ["LOG_FORMAT", { LOG_FORMAT: "colour" }],
    ["HOST", { HOST: "bot.example.gov.cn" }],
    ["HOST", { HOST: "0.0.0.0:8080" }],
    ["HEALTH_PORT", { HEALTH_PORT: "0" }],
  ])("names %s when it is wrong", (variable, env) => {
    const problems = problemsOf(env);
    expect(problems.map((p) => p.variable)).toEqual([variable]);
  });

  it("lists every problem at once, in the message too", () => {
    const problems = problemsOf({ BOT_TOKEN: "x", LOG_LEVEL: "loud", ADMIN_IDS: "a" });
    expect(problems.map((p) => p.variable).sort()).toEqual(["ADMIN_IDS", "BOT_TOKEN", "LOG_LEVEL"]);
    expect(() => loadConfig({ BOT_TOKEN: "x", LOG_LEVEL: "loud" })).toThrow(/^config: .*BOT_TOKEN.*LOG_LEVEL|^config: .*LOG_LEVEL.*BOT_TOKEN/);
  });

  it("never echoes a bad token's value in the error", () => {
    const secret = "123:short";
    expect(() => loadConfig({ BOT_TOKEN: secret })).toThrow(ConfigError);
    try {
      loadConfig({ BOT_TOKEN: secret });
    } catch (error) {
      expect((error as Error).message).not.toContain(secret);
    }
  });
});

describe("readEnvFile", () => {
  it("parses a .env file and returns {} when there is none", async () => {
    const dir = await mkdtemp(join(tmpdir(), "nianbao-env-"));
    try {
      expect(readEnvFile(join(dir, ".env"))).toEqual({});
      await writeFile(join(dir, ".env"), '# comment\nBOT_USERNAME=nianbao_bot\nLOG_LEVEL="warn"\nEMPTY=\n');
      const env = readEnvFile(join(dir, ".env"));
      expect(env).toMatchObject({ BOT_USERNAME: "nianbao_bot", LOG_LEVEL: "warn" });
      expect(loadConfig(env)).toMatchObject({ botUsername: "nianbao_bot", logLevel: "warn" });
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
  it("reads DingTalk's settings, with the public roots by default, and wants all three or none", () => {
    const dingtalk = { DINGTALK_CLIENT_ID: "dingabc123", DINGTALK_CLIENT_SECRET: "s3cret_s3cret_s3cret", DINGTALK_ROBOT_CODE: "dingabc123" };
    expect(loadConfig(dingtalk).dingtalk).toEqual({ clientId: "dingabc123", clientSecret: "s3cret_s3cret_s3cret", robotCode: "dingabc123", apiRoot: "https://api.dingtalk.com", oapiRoot: "https://oapi.dingtalk.com" });
    expect(loadConfig({ ...dingtalk, DINGTALK_API_ROOT: "http://127.0.0.1:9/", DINGTALK_OAPI_ROOT: "http://127.0.0.1:10" }).dingtalk).toMatchObject({ apiRoot: "http://127.0.0.1:9", oapiRoot: "http://127.0.0.1:10" });
    expect(problemsOf({ DINGTALK_CLIENT_ID: "dingabc123" }).map((p) => p.variable)).toEqual(["DINGTALK_CLIENT_SECRET", "DINGTALK_ROBOT_CODE"]);
    expect(problemsOf({ ...dingtalk, DINGTALK_CLIENT_SECRET: "short" }).map((p) => p.variable)).toContain("DINGTALK_CLIENT_SECRET");
    expect(loadConfig({}).dingtalk).toBeUndefined();
  });
});
