// The Bot API thread: performs the HTTP requests grammY builds on the bot's thread (api-thread.ts),
// over kept-alive connections, and posts back each response's status and body.
import { Agent as HttpAgent, request as httpRequest, type ClientRequest, type IncomingMessage } from "node:http";
import { Agent as HttpsAgent, request as httpsRequest } from "node:https";
import { parentPort, workerData } from "node:worker_threads";
import type { FromWorker, ToWorker, WorkerOptions } from "./protocol.ts";

const port = parentPort;
if (port === null) throw new Error("api-thread: worker.ts runs as a worker thread");
const { maxSockets } = workerData as WorkerOptions;
const agentOptions = { keepAlive: true, maxSockets, maxFreeSockets: maxSockets };
const httpAgent = new HttpAgent(agentOptions);
const httpsAgent = new HttpsAgent(agentOptions);
/** Requests not yet answered; removed once settled, so each id is answered exactly once. */
const inFlight = new Map<number, ClientRequest>();

function settle(message: Exclude<FromWorker, { kind: "ready" }>): void {
  if (!inFlight.delete(message.id)) return;
  port?.postMessage(message);
}

function send(id: number, url: string, headers: Readonly<Record<string, string>>, body: string | Uint8Array): void {
  const bytes = typeof body === "string" ? Buffer.from(body, "utf8") : body;
  const secure = url.startsWith("https:");
  const options = { method: "POST", headers: { ...headers, "content-length": String(bytes.byteLength) }, agent: secure ? httpsAgent : httpAgent };
  const onResponse = (response: IncomingMessage): void => {
    const chunks: Buffer[] = [];
    response.on("data", (chunk: Buffer) => chunks.push(chunk));
    response.on("end", () => settle({ kind: "response", id, status: response.statusCode ?? 0, body: Buffer.concat(chunks).toString("utf8") }));
    response.on("error", (error: NodeJS.ErrnoException) => settle(failure(id, error)));
  };
  const request = secure ? httpsRequest(url, options, onResponse) : httpRequest(url, options, onResponse);
  request.on("error", (error: NodeJS.ErrnoException) => settle(failure(id, error)));
  inFlight.set(id, request);
  request.end(bytes);
}

const failure = (id: number, error: NodeJS.ErrnoException): Exclude<FromWorker, { kind: "ready" }> => ({ kind: "failure", id, message: error.message, ...(error.code === undefined ? {} : { code: error.code }) });

port.on("message", (message: ToWorker) => {
  if (message.kind === "request") {
    send(message.id, message.url, message.headers, message.body);
    return;
  }
  // The bot gave up on it (grammY's timeout, bot.stop()): drop the connection, answer nothing.
  const request = inFlight.get(message.id);
  inFlight.delete(message.id);
  request?.destroy();
});

port.postMessage({ kind: "ready" } satisfies FromWorker);
