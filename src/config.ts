// Configuration from the environment, validated once at start; every problem names its variable.
// An optional `.env` in the working directory fills in what the real environment does not set.
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { parseEnv } from "node:util";
import { z } from "zod";

export const LOG_LEVELS = ["fatal", "error", "warn", "info", "debug", "trace", "silent"] as const;
/** json: one JSON object a line (journald, docker logs); pretty: short readable lines for a terminal. */
export const LOG_FORMATS = ["json", "pretty"] as const;

/** Blank values count as unset, so `BOT_TOKEN=` in .env means "no token". */
const trimmed = (value: unknown): unknown => (typeof value !== "string" ? value : value.trim() === "" ? undefined : value.trim());
const variable = <T extends z.ZodType>(schema: T) => z.preprocess(trimmed, schema);
const optional = <T extends z.ZodType>(schema: T) => variable(schema.optional());

const httpUrl = (https: boolean) =>
  z.url({ protocol: https ? /^https$/ : /^https?$/, error: https ? "must be an https:// URL" : "must be an http(s):// URL" });
const apiRoot = (fallback: string) => variable(httpUrl(false).default(fallback)).transform((url) => url.replace(/\/+$/, ""));
const port = z.coerce.number({ error: "must be a port number" }).int("must be a port number").min(1).max(65535);

const EnvSchema = z
  .object({
    BOT_TOKEN: optional(z.string().regex(/^\d+:[A-Za-z0-9_-]{20,}$/, "must look like 123456789:AA… (from @BotFather)")),
    TELEGRAM_API_ROOT: apiRoot("https://api.telegram.org"),
    DATA_DIR: variable(z.string().default("./data")),
    ADMIN_IDS: optional(
      z.string().regex(/^\d+(\s*,\s*\d+)*\s*,?$/, "must be comma-separated numeric Telegram user ids, e.g. 123,456"),
    ),
    BOT_USERNAME: optional(z.string().regex(/^@?[A-Za-z][A-Za-z0-9_]{3,31}$/, "must be a Telegram bot username, e.g. nianbao_bot")),
    WEBHOOK_URL: optional(httpUrl(true)),
    // Telegram's secret_token alphabet: 1–256 of A–Z a–z 0–9 _ -
    WEBHOOK_SECRET: optional(z.string().regex(/^[A-Za-z0-9_-]{16,256}$/, "must be 16–256 of A–Z a–z 0–9 _ -")),
    PORT: variable(port.default(8080)),
    LOG_LEVEL: variable(z.enum(LOG_LEVELS, { error: `must be one of ${LOG_LEVELS.join(", ")}` }).default("info")),
    LOG_FORMAT: variable(z.enum(LOG_FORMATS, { error: `must be one of ${LOG_FORMATS.join(", ")}` }).default("json")),
    // Where the webhook and health servers listen: loopback unless asked (a reverse proxy in front).
    HOST: variable(
      z.union([z.ipv4(), z.ipv6()], { error: "must be an IP address to listen on, e.g. 127.0.0.1 or 0.0.0.0" }).default("127.0.0.1"),
    ),
    HEALTH_PORT: optional(port),
    // DingTalk enterprise internal app (开发者后台 → 凭证与基础信息): Client ID = AppKey, Client Secret = AppSecret.
    DINGTALK_CLIENT_ID: optional(z.string().regex(/^[A-Za-z0-9_-]{6,128}$/, "must be the app's Client ID (AppKey), e.g. dingxxxxxxxx")),
    DINGTALK_CLIENT_SECRET: optional(z.string().regex(/^[A-Za-z0-9_-]{16,256}$/, "must be the app's Client Secret (AppSecret)")),
    DINGTALK_ROBOT_CODE: optional(z.string().regex(/^[A-Za-z0-9_-]{6,128}$/, "must be the robot's RobotCode (usually the Client ID)")),
    DINGTALK_API_ROOT: apiRoot("https://api.dingtalk.com"),
    DINGTALK_OAPI_ROOT: apiRoot("https://oapi.dingtalk.com"),
  })
  .superRefine((env, ctx) => {
    if (env.WEBHOOK_URL !== undefined && env.WEBHOOK_SECRET === undefined) {
      ctx.addIssue({ code: "custom", path: ["WEBHOOK_SECRET"], message: "is required when WEBHOOK_URL is set" });
    }
    if (env.WEBHOOK_URL !== undefined && env.BOT_TOKEN === undefined) {
      ctx.addIssue({ code: "custom", path: ["BOT_TOKEN"], message: "is required when WEBHOOK_URL is set" });
    }
    // DingTalk runs with all three of its settings or none.
    const dingtalk = ["DINGTALK_CLIENT_ID", "DINGTALK_CLIENT_SECRET", "DINGTALK_ROBOT_CODE"] as const;
    if (dingtalk.some((name) => env[name] !== undefined)) {
      for (const name of dingtalk) if (env[name] === undefined) ctx.addIssue({ code: "custom", path: [name], message: `is required when ${dingtalk.filter((n) => env[n] !== undefined).join(", ")} is set` });
    }
  });

/** The validated environment in the app's terms. */
const ConfigSchema = EnvSchema.transform((e) => ({
  // Absent: the app runs the terminal console instead of Telegram.
  ...(e.BOT_TOKEN !== undefined && { botToken: e.BOT_TOKEN }),
  apiRoot: e.TELEGRAM_API_ROOT,
  dataDir: resolve(e.DATA_DIR),
  adminIds: e.ADMIN_IDS === undefined ? [] : e.ADMIN_IDS.split(",").map((id) => id.trim()).filter((id) => id !== "").map(Number),
  ...(e.BOT_USERNAME !== undefined && { botUsername: e.BOT_USERNAME.replace(/^@/, "") }),
  // Webhook mode; without it the bot long-polls.
  ...(e.WEBHOOK_URL !== undefined && e.WEBHOOK_SECRET !== undefined && {
    webhook: { url: e.WEBHOOK_URL, secret: e.WEBHOOK_SECRET, port: e.PORT },
  }),
  logLevel: e.LOG_LEVEL,
  logFormat: e.LOG_FORMAT,
  host: e.HOST,
  // Polling mode: serve /healthz on this port (webhook mode serves it on the webhook's port).
  ...(e.HEALTH_PORT !== undefined && { healthPort: e.HEALTH_PORT }),
  // The DingTalk robot (Stream mode); apiRoot: gateway, token and robot API; oapiRoot: media upload.
  ...(e.DINGTALK_CLIENT_ID !== undefined && e.DINGTALK_CLIENT_SECRET !== undefined && e.DINGTALK_ROBOT_CODE !== undefined && {
    dingtalk: {
      clientId: e.DINGTALK_CLIENT_ID,
      clientSecret: e.DINGTALK_CLIENT_SECRET,
      robotCode: e.DINGTALK_ROBOT_CODE,
      apiRoot: e.DINGTALK_API_ROOT,
      oapiRoot: e.DINGTALK_OAPI_ROOT,
    },
  }),
}));

export type Config = Readonly<z.output<typeof ConfigSchema>>;

export class ConfigError extends Error {
  constructor(readonly problems: readonly { readonly variable: string; readonly message: string }[]) {
    super(`config: ${problems.map((p) => `${p.variable} ${p.message}`).join("; ")}`);
    this.name = "ConfigError";
  }
}

/** Validates the environment; throws ConfigError listing every problem. */
export function loadConfig(env: Readonly<Record<string, string | undefined>> = process.env): Config {
  const result = ConfigSchema.safeParse(env);
  if (!result.success) {
    throw new ConfigError(result.error.issues.map((issue) => ({ variable: String(issue.path[0] ?? "environment"), message: issue.message })));
  }
  return result.data;
}

/** Variables from a `.env` file ({} when it does not exist); node's own parser. */
export function readEnvFile(path = ".env"): NodeJS.Dict<string> {
  try {
    return parseEnv(readFileSync(path, "utf8"));
  } catch (error) {
    if (error instanceof Error && "code" in error && error.code === "ENOENT") return {};
    throw error;
  }
}

/** The environment with `.env` underneath: a variable set in the real environment wins. */
export function loadConfigFromProcess(envFile = ".env"): Config {
  return loadConfig({ ...readEnvFile(envFile), ...process.env });
}
