// A fake Telegram Bot API on 127.0.0.1 for tests: grammY talks to it over real HTTP via
// `client: { apiRoot }`. It records every call, hands out message ids per chat, serves files
// for getFile + /file/bot<token>/<path>, queues updates for getUpdates, and injects faults
// (429 with retry_after, 500, hung or delayed responses) so retry logic can be exercised.
// One file on purpose (~350 lines): server, body parsing and recording belong together.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo, Socket } from "node:net";
import type { Update, UserFromGetMe } from "grammy/types";
import { refusal } from "./bot-api-limits.ts";

export type Params = Record<string, unknown>;
export interface UploadedFile { field: string; filename: string; bytes: Buffer }
export type Outcome = "ok" | "error" | "429" | "500" | "hang";
export interface ApiCall {
  seq: number;
  token: string;
  method: string;
  params: Params;
  /** Files sent with the call, keyed by the API field they belong to (e.g. "document"). */
  files: UploadedFile[];
  /** Chat the call targets (chat_id), when it has one. */
  chatId: number | undefined;
  outcome: Outcome;
  /** The `result` returned to the bot (undefined for faults and errors). */
  result: unknown;
}
export type Fault =
  | { kind: "429"; retryAfter: number; method?: string }
  | { kind: "500"; method?: string }
  | { kind: "hang"; method?: string; ms?: number }
  | { kind: "delay"; ms: number; method?: string };
export interface FaultRates { p429?: number; p500?: number; retryAfter?: number; random: () => number }
export interface StoredFile { file_id: string; file_unique_id: string; file_size: number; file_path: string; bytes: Buffer }
type ApiResult = { ok: true; result: unknown } | { ok: false; error_code: number; description: string; parameters?: { retry_after: number } };
export type MethodHandler = (params: Params, call: ApiCall) => ApiResult;

export const FAKE_BOT_INFO: UserFromGetMe = {
  id: 7000001, is_bot: true, first_name: "年报助手", username: "nianbao_test_bot",
  can_join_groups: true, can_read_all_group_messages: false, supports_inline_queries: false,
  can_connect_to_business: false, has_main_web_app: false, has_topics_enabled: false, allows_users_to_create_topics: false,
  can_manage_bots: false, supports_join_request_queries: false,
};

const MAX_HANG_MS = 60_000;
const MAX_POLL_SECONDS = 50;
// Bot API params that are numbers even when a multipart/urlencoded body carries them as text.
const NUMERIC = /^(chat_id|message_id|reply_to_message_id|offset|limit|timeout|cache_time|from_chat_id)$/;

const ok = (result: unknown): ApiResult => ({ ok: true, result });
const bad = (description: string, code = 400): ApiResult => ({ ok: false, error_code: code, description });

export class FakeBotApi {
  readonly calls: ApiCall[] = [];
  botInfo: UserFromGetMe = FAKE_BOT_INFO;
  private server: Server | undefined;
  private readonly sockets = new Set<Socket>();
  private readonly faults: Fault[] = [];
  private rates: FaultRates | undefined;
  private readonly nextMessageId = new Map<number, number>();
  private readonly texts = new Map<string, string>();
  private readonly files = new Map<string, StoredFile>();
  private readonly updates: Update[] = [];
  private nextUpdateId = 1;
  private webhook = "";
  private readonly cursors = new Map<number, number>();
  private readonly waiters = new Set<() => void>();
  private readonly overrides = new Map<string, MethodHandler>();
  private seq = 0;
  private fileSeq = 0;
  private closed = false;
  port = 0;

  /** Starts on 127.0.0.1 with a free port. */
  static async start(): Promise<FakeBotApi> {
    const api = new FakeBotApi();
    await api.listen();
    return api;
  }

  get apiRoot(): string { return `http://127.0.0.1:${this.port}`; }

  private async listen(): Promise<void> {
    // A malformed body is the test's bug, answered as Telegram would rather than crashing the run.
    const server = createServer((req, res) => void this.serve(req, res).catch((error: unknown) => send(res, 400, bad(`Bad Request: ${String(error)}`))));
    server.on("connection", (socket) => { this.sockets.add(socket); socket.on("close", () => this.sockets.delete(socket)); });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    this.server = server;
    this.port = (server.address() as AddressInfo).port;
  }

  async close(): Promise<void> {
    this.closed = true;
    this.wake();
    for (const socket of this.sockets) socket.destroy();
    await new Promise<void>((resolve) => (this.server === undefined ? resolve() : this.server.close(() => resolve())));
  }

  // ---- test controls ---------------------------------------------------------------------

  /** Queues faults; each one hits the next call (of its method, if given). */
  inject(...faults: Fault[]): void { this.faults.push(...faults); }
  /** Random 429/500 on any call, with an injected (seedable) random source; undefined turns it off. */
  setFaultRates(rates: FaultRates | undefined): void { this.rates = rates; }
  /** Replaces the built-in behaviour of one method. */
  override(method: string, handler: MethodHandler): void { this.overrides.set(method, handler); }

  /** Queues an update for getUpdates (update_id assigned when missing). */
  pushUpdate(update: Omit<Update, "update_id"> & { update_id?: number }): Update {
    const full = { ...update, update_id: update.update_id ?? this.nextUpdateId } as Update;
    this.nextUpdateId = Math.max(this.nextUpdateId, full.update_id + 1);
    this.updates.push(full);
    this.wake();
    return full;
  }

  /** Stores bytes as a Telegram file the bot can getFile and download. */
  addFile(bytes: Buffer | Uint8Array, name = "file.bin"): StoredFile {
    this.fileSeq += 1;
    const stored: StoredFile = {
      file_id: `FILE${this.fileSeq}`, file_unique_id: `U${this.fileSeq}`, file_size: bytes.length,
      file_path: `documents/file_${this.fileSeq}_${encodeURIComponent(name)}`, bytes: Buffer.from(bytes),
    };
    this.files.set(stored.file_id, stored);
    return stored;
  }

  /** Successful calls that target a chat, in order. */
  callsTo(chatId: number): ApiCall[] { return this.calls.filter((c) => c.chatId === chatId && c.outcome === "ok"); }
  /** Successful sendMessage/sendDocument calls to a chat (what the officer actually sees arrive). */
  messagesTo(chatId: number): ApiCall[] {
    return this.callsTo(chatId).filter((c) => c.method === "sendMessage" || c.method === "sendDocument");
  }
  /** Successful calls of one method, anywhere. */
  callsOf(method: string): ApiCall[] { return this.calls.filter((c) => c.method === method && c.outcome === "ok"); }

  /**
   * Resolves with the next `n` successful calls to a chat (after those already awaited). The
   * timeout is a safety net, generous for a loaded machine, below vitest's 30 s test timeout so
   * the clear message shows.
   */
  async waitFor(chatId: number, n: number, timeoutMs = 20_000): Promise<ApiCall[]> {
    const from = this.cursors.get(chatId) ?? 0;
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const calls = this.callsTo(chatId);
      if (calls.length >= from + n) {
        this.cursors.set(chatId, from + n);
        return calls.slice(from, from + n);
      }
      const left = deadline - Date.now();
      if (left <= 0 || this.closed) {
        throw new Error(`fake-bot-api: waited ${timeoutMs} ms for ${n} call(s) to chat ${chatId}, got ${calls.length - from}: ${calls.slice(from).map((c) => c.method).join(", ")}`);
      }
      await this.nextEvent(left);
    }
  }

  private nextEvent(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const done = (): void => { clearTimeout(timer); this.waiters.delete(done); resolve(); };
      const timer = setTimeout(done, ms);
      this.waiters.add(done);
    });
  }

  private wake(): void { for (const waiter of [...this.waiters]) waiter(); }

  // ---- HTTP ------------------------------------------------------------------------------

  private async serve(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? "/", "http://127.0.0.1");
    const body = await readBody(req);
    const download = /^\/file\/bot([^/]+)\/(.+)$/.exec(url.pathname);
    if (download?.[2] !== undefined) return this.download(download[2], res);
    const match = /^\/bot([^/]+)\/([A-Za-z]+)$/.exec(url.pathname);
    if (match?.[1] === undefined || match[2] === undefined) return send(res, 404, bad("Not Found", 404));
    const { params, files } = parseBody(req.headers["content-type"] ?? "", body, url.searchParams);
    this.seq += 1;
    const chatId = typeof params["chat_id"] === "number" ? params["chat_id"] : undefined;
    const call: ApiCall = { seq: this.seq, token: match[1], method: match[2], params, files, chatId, outcome: "ok", result: undefined };
    this.calls.push(call);
    const fault = this.takeFault(call.method);
    if (fault !== undefined && fault.kind !== "delay") return this.fail(call, fault, req, res);
    if (fault?.kind === "delay") await sleep(Math.min(fault.ms, MAX_HANG_MS));
    const answer = call.method === "getUpdates" ? await this.getUpdates(params) : this.handle(call);
    call.outcome = answer.ok ? "ok" : "error";
    call.result = answer.ok ? answer.result : undefined;
    send(res, answer.ok ? 200 : answer.error_code, answer);
    this.wake();
  }

  private takeFault(method: string): Fault | undefined {
    const index = this.faults.findIndex((f) => f.method === undefined || f.method === method);
    if (index >= 0) return this.faults.splice(index, 1)[0];
    if (this.rates === undefined || method === "getUpdates") return undefined;
    const roll = this.rates.random();
    if (roll < (this.rates.p429 ?? 0)) return { kind: "429", retryAfter: this.rates.retryAfter ?? 1 };
    if (roll < (this.rates.p429 ?? 0) + (this.rates.p500 ?? 0)) return { kind: "500" };
    return undefined;
  }

  private fail(call: ApiCall, fault: Exclude<Fault, { kind: "delay" }>, req: IncomingMessage, res: ServerResponse): void {
    call.outcome = fault.kind;
    this.wake();
    if (fault.kind === "429") {
      const answer = { ok: false, error_code: 429, description: `Too Many Requests: retry after ${fault.retryAfter}`, parameters: { retry_after: fault.retryAfter } };
      return send(res, 429, answer);
    }
    if (fault.kind === "500") return send(res, 500, bad("Internal Server Error", 500));
    // A hung response: never answered; the connection ends when the client gives up or after ms.
    const timer = setTimeout(() => res.destroy(), Math.min(fault.ms ?? MAX_HANG_MS, MAX_HANG_MS));
    req.socket.once("close", () => clearTimeout(timer));
  }

  private download(path: string, res: ServerResponse): void {
    const file = [...this.files.values()].find((f) => f.file_path === path);
    if (file === undefined) return send(res, 404, bad("Not Found: file not found", 404));
    const oversized = this.oversized.get(file.file_id);
    if (oversized !== undefined) return void streamZeros(res, oversized);
    res.writeHead(200, { "content-type": "application/octet-stream", "content-length": file.bytes.length });
    res.end(file.bytes);
  }

  private readonly oversized = new Map<string, { actualSize: number; served: number }>();

  /**
   * A file that lies about its size: the update and getFile say `declaredSize`, the download
   * streams `actualSize` bytes (zeros, chunked, no Content-Length) as fast as the reader takes
   * them. `served()` tells how many bytes went out before the reader hung up.
   */
  addOversizedFile(name: string, declaredSize: number, actualSize: number): StoredFile & { served(): number } {
    const stored = this.addFile(Buffer.alloc(0), name);
    stored.file_size = declaredSize;
    const state = { actualSize, served: 0 };
    this.oversized.set(stored.file_id, state);
    return Object.assign(stored, { served: () => state.served });
  }

  private async getUpdates(params: Params): Promise<ApiResult> {
    if (this.webhook !== "") return bad("Conflict: can't use getUpdates method while webhook is active; use deleteWebhook to delete the webhook first", 409);
    const offset = typeof params["offset"] === "number" ? params["offset"] : 0;
    const limit = typeof params["limit"] === "number" ? params["limit"] : 100;
    const timeout = Math.min(typeof params["timeout"] === "number" ? params["timeout"] : 0, MAX_POLL_SECONDS);
    // Telegram forgets updates below the offset once it is confirmed.
    while (this.updates[0] !== undefined && this.updates[0].update_id < offset) this.updates.shift();
    const deadline = Date.now() + timeout * 1000;
    while (this.updates.length === 0 && !this.closed && Date.now() < deadline) await this.nextEvent(deadline - Date.now());
    return ok(this.updates.slice(0, limit));
  }

  private handle(call: ApiCall): ApiResult {
    // What Telegram refuses (text and caption lengths, HTML, keyboards) is refused here too.
    const refused = refusal(call.method, call.params);
    if (refused !== undefined) return bad(refused);
    const override = this.overrides.get(call.method);
    if (override !== undefined) return override(call.params, call);
    const p = call.params;
    const chatId = call.chatId;
    switch (call.method) {
      case "getMe": return ok(this.botInfo);
      case "sendMessage": {
        const text = typeof p["text"] === "string" ? p["text"] : "";
        if (text.trim() === "") return bad("Bad Request: message text is empty");
        if (chatId === undefined) return bad("Bad Request: chat not found");
        return ok(this.message(chatId, { text, ...(p["reply_markup"] === undefined ? {} : { reply_markup: p["reply_markup"] }) }));
      }
      case "sendDocument": {
        if (chatId === undefined) return bad("Bad Request: chat not found");
        const upload = call.files.find((f) => f.field === "document");
        const document = upload === undefined
          ? { file_id: String(p["document"]), file_unique_id: "x", file_name: "file" }
          : (() => { const f = this.addFile(upload.bytes, upload.filename); return { file_id: f.file_id, file_unique_id: f.file_unique_id, file_name: upload.filename, file_size: f.file_size }; })();
        return ok(this.message(chatId, { document, ...(typeof p["caption"] === "string" ? { caption: p["caption"] } : {}) }));
      }
      case "editMessageText": {
        const text = typeof p["text"] === "string" ? p["text"] : "";
        if (text.trim() === "") return bad("Bad Request: message text is empty");
        if (chatId === undefined) return ok(true); // inline message
        const key = `${chatId}:${String(p["message_id"])}`;
        const markup = JSON.stringify(p["reply_markup"] ?? null);
        // Telegram refuses an edit that changes nothing; bots must expect it.
        if (this.texts.get(key) === `${text}\u0000${markup}`) return bad("Bad Request: message is not modified: specified new message content and reply markup are exactly the same as a current content and reply markup of the message");
        this.texts.set(key, `${text}\u0000${markup}`);
        return ok({ message_id: p["message_id"], date: 0, chat: chatOf(chatId), text, edit_date: 1 });
      }
      case "editMessageReplyMarkup":
        return ok(chatId === undefined ? true : { message_id: p["message_id"], date: 0, chat: chatOf(chatId), text: "" });
      case "answerCallbackQuery":
        if (typeof p["text"] === "string" && p["text"].length > 200) return bad("Bad Request: MESSAGE_TOO_LONG");
        return ok(true);
      case "setMyCommands": {
        const commands = Array.isArray(p["commands"]) ? (p["commands"] as { command?: unknown; description?: unknown }[]) : [];
        const invalid = commands.find((c) => typeof c.command !== "string" || !/^[a-z0-9_]{1,32}$/.test(c.command) || typeof c.description !== "string" || c.description.length < 1 || c.description.length > 256);
        return invalid === undefined ? ok(true) : bad("Bad Request: BOT_COMMAND_INVALID");
      }
      case "getFile": {
        const file = this.files.get(String(p["file_id"]));
        if (file === undefined) return bad("Bad Request: invalid file_id");
        return ok({ file_id: file.file_id, file_unique_id: file.file_unique_id, file_size: file.file_size, file_path: file.file_path });
      }
      case "setWebhook": this.webhook = String(p["url"] ?? ""); return ok(true);
      case "deleteWebhook":
        this.webhook = "";
        if (p["drop_pending_updates"] === true) this.updates.length = 0;
        return ok(true);
      case "getWebhookInfo": return ok({ url: this.webhook, has_custom_certificate: false, pending_update_count: this.updates.length });
      case "sendChatAction": case "deleteMessage": case "setMyDescription": case "setMyShortDescription": case "setChatMenuButton":
        return ok(true);
      default: return bad("Not Found: method not found", 404);
    }
  }

  private message(chatId: number, content: Params): Params {
    const id = this.nextMessageId.get(chatId) ?? 1;
    this.nextMessageId.set(chatId, id + 1);
    if (typeof content["text"] === "string") this.texts.set(`${chatId}:${id}`, `${content["text"]}\u0000${JSON.stringify(content["reply_markup"] ?? null)}`);
    return { message_id: id, date: 1_700_000_000 + this.seq, chat: chatOf(chatId), from: this.botInfo, ...content };
  }
}

function chatOf(chatId: number): Params {
  return chatId > 0 ? { id: chatId, type: "private", first_name: "officer" } : { id: chatId, type: "supergroup", title: "group" };
}

function send(res: ServerResponse, status: number, body: unknown): void {
  if (res.writableEnded || res.destroyed) return;
  const text = JSON.stringify(body);
  res.writeHead(status, { "content-type": "application/json", "content-length": Buffer.byteLength(text) });
  res.end(text);
}

function sleep(ms: number): Promise<void> { return new Promise((resolve) => setTimeout(resolve, ms)); }

/** Writes `state.actualSize` zero bytes with backpressure, counting what the socket took, until the reader goes. */
export async function streamZeros(res: ServerResponse, state: { actualSize: number; served: number }): Promise<void> {
  const chunk = Buffer.alloc(64 * 1024);
  res.writeHead(200, { "content-type": "application/octet-stream" });
  let closed = false;
  res.once("close", () => (closed = true));
  while (!closed && state.served < state.actualSize) {
    const piece = chunk.subarray(0, Math.min(chunk.length, state.actualSize - state.served));
    state.served += piece.length;
    if (!res.write(piece)) await new Promise<void>((resolve) => { res.once("drain", resolve); res.once("close", resolve); });
  }
  if (!closed) res.end();
}

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/** JSON, urlencoded or multipart, parsed leniently; query string params are merged in. */
export function parseBody(contentType: string, body: Buffer, query?: URLSearchParams): { params: Params; files: UploadedFile[] } {
  const params: Params = {};
  for (const [key, value] of query ?? []) params[key] = coerce(key, value);
  if (/json/i.test(contentType) && body.length > 0) {
    return { params: { ...params, ...(JSON.parse(body.toString("utf8")) as Params) }, files: [] };
  }
  if (/x-www-form-urlencoded/i.test(contentType)) {
    for (const [key, value] of new URLSearchParams(body.toString("utf8"))) params[key] = coerce(key, value);
    return { params, files: [] };
  }
  const boundary = /boundary=(?:"([^"]+)"|([^;\s]+))/i.exec(contentType);
  const marker = boundary?.[1] ?? boundary?.[2];
  if (marker === undefined) return { params, files: [] };
  const attached = new Map<string, { filename: string; bytes: Buffer }>();
  for (const part of multipartParts(body, marker)) {
    if (part.filename === undefined) params[part.name] = coerce(part.name, part.bytes.toString("utf8"));
    else attached.set(part.name, { filename: part.filename, bytes: part.bytes });
  }
  // grammY sends files as attach://<id> references; name each file after the field that points at it.
  const files: UploadedFile[] = [];
  for (const [name, file] of attached) {
    const field = Object.keys(params).find((key) => params[key] === `attach://${name}`) ?? name;
    files.push({ field, ...file });
  }
  return { params, files };
}

function coerce(key: string, value: string): unknown {
  if (NUMERIC.test(key) && /^-?\d+$/.test(value)) return Number(value);
  if (/^[[{]/.test(value) || value === "true" || value === "false") {
    try { return JSON.parse(value) as unknown; } catch { return value; }
  }
  return value;
}

interface Part { name: string; filename: string | undefined; bytes: Buffer }

/** Splits a multipart body on its boundary; headers are decoded as UTF-8 and may be unquoted. */
function* multipartParts(body: Buffer, boundary: string): Generator<Part> {
  const delimiter = Buffer.from(`--${boundary}`);
  let start = body.indexOf(delimiter);
  while (start >= 0) {
    const next = body.indexOf(delimiter, start + delimiter.length);
    if (next < 0) return;
    let chunk = body.subarray(start + delimiter.length, next);
    if (chunk.subarray(0, 2).toString() === "\r\n") chunk = chunk.subarray(2);
    if (chunk.subarray(-2).toString() === "\r\n") chunk = chunk.subarray(0, -2);
    const split = chunk.indexOf("\r\n\r\n");
    if (split >= 0) {
      const head = chunk.subarray(0, split).toString("utf8");
      const name = /name="([^"]*)"|name=([^;\r\n]+)/i.exec(head.replace(/filename=/gi, "file\u0000="));
      // grammY writes the file name last and unquoted, so an unquoted name runs to the line end.
      const filename = /filename="([^"]*)"|filename=([^\r\n]+)/i.exec(head);
      yield {
        name: (name?.[1] ?? name?.[2] ?? "").trim(),
        filename: filename === null ? undefined : (filename[1] ?? filename[2] ?? "").trim(),
        bytes: Buffer.from(chunk.subarray(split + 4)),
      };
    }
    start = next;
  }
}
