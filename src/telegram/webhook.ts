// Webhook mode: only a POST to the path, with the secret token (compared without leaking its length, which
// grammY's own check does) and a declared body within the limit, reaches grammY's webhookCallback.
import { createHash, timingSafeEqual } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import { webhookCallback, type Bot, type Context } from "grammy";
import type { BotLogger } from "./context.ts";
import { HEALTH_PATH, listen, type Listening } from "../app/health.ts";

const SECRET_HEADER = "x-telegram-bot-api-secret-token";
/** Updates are a few KB; a megabyte leaves room for long messages and still refuses floods. */
const MAX_BODY_BYTES = 1024 * 1024;
/** Below Telegram's own patience; an update still running then is retried by Telegram and absorbed. */
const TIMEOUT_MS = 50_000;

interface WebhookOptions {
  /** From WEBHOOK_SECRET; also passed to setWebhook as secret_token. */
  readonly secret: string;
  /** The path of WEBHOOK_URL, e.g. `/nianbao/hook`. */
  readonly path: string;
  readonly logger: BotLogger;
  /** GET /healthz on the same port (HEALTH_PATH), for the reverse proxy or a monitor. */
  readonly health?: (req: IncomingMessage, res: ServerResponse) => Promise<void>;
}

const digest = (text: string): Buffer => createHash("sha256").update(text, "utf8").digest();

function secretMatches(header: string | string[] | undefined, secret: string): boolean {
  const value = Array.isArray(header) ? header[0] : header;
  return value !== undefined && timingSafeEqual(digest(value), digest(secret));
}

function answer(res: ServerResponse, status: number, headers: Record<string, string> = {}): void {
  if (res.headersSent) return;
  res.writeHead(status, { "content-type": "text/plain; charset=utf-8", connection: "close", ...headers });
  res.end(`${status}\n`);
}

function webhookHandler<C extends Context>(bot: Bot<C>, options: WebhookOptions): (req: IncomingMessage, res: ServerResponse) => Promise<void> {
  const callback = webhookCallback(bot, "http", { secretToken: options.secret, onTimeout: "throw", timeoutMilliseconds: TIMEOUT_MS });
  const reject = (req: IncomingMessage, res: ServerResponse, status: number, why: string, headers?: Record<string, string>): void => {
    options.logger.warn({ status, method: req.method }, `webhook: ${why}`);
    answer(res, status, headers);
    // Whatever body was sent is not read; drop the connection rather than drain it.
    req.resume();
  };
  return async (req, res) => {
    const path = new URL(req.url ?? "/", "http://localhost").pathname;
    if (path === HEALTH_PATH && options.health !== undefined) return options.health(req, res);
    if (path !== options.path) return reject(req, res, 404, "unknown path");
    if (req.method !== "POST") return reject(req, res, 405, "method not allowed", { allow: "POST" });
    if (!secretMatches(req.headers[SECRET_HEADER], options.secret)) return reject(req, res, 401, "wrong or missing secret token");
    const length = req.headers["content-length"];
    if (length === undefined || !/^\d+$/.test(length)) return reject(req, res, 411, "no content length");
    if (Number(length) > MAX_BODY_BYTES) return reject(req, res, 413, "body too large");
    try {
      await callback(req, res);
    } catch (error) {
      // Not a 2xx: Telegram delivers the update again later, and the dedupe absorbs a repeat.
      options.logger.error({ err: error instanceof Error ? error.message : typeof error }, "webhook: update not handled");
      answer(res, error instanceof SyntaxError ? 400 : 500);
    }
  };
}

export async function startWebhookServer<C extends Context>(bot: Bot<C>, options: WebhookOptions & { port: number; host?: string }): Promise<Listening> {
  const handler = webhookHandler(bot, options);
  const server = createServer((req, res) => void handler(req, res));
  server.requestTimeout = 60_000;
  // Loopback unless told otherwise: a reverse proxy on the same machine terminates TLS.
  return listen(server, options.port, options.host ?? "127.0.0.1");
}
