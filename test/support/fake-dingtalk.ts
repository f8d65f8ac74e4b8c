// A strict fake DingTalk on 127.0.0.1, for the real dingtalk-stream SDK and our robot API client:
// the Stream gateway (connections/open → a WebSocket endpoint and a single-use ticket, CALLBACK
// frames for robot messages, SYSTEM pings, every callback's acknowledgement checked), the token
// endpoint (tokens that expire), oToMessages/batchSend, media upload and message-file download.
// It records every call and rejects what DingTalk rejects; faults are injected by the test.
import { randomUUID } from "node:crypto";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { WebSocketServer, type WebSocket } from "ws";
import { streamZeros } from "./fake-bot-api.ts";

export const TOPIC_ROBOT = "/v1.0/im/bot/messages/get";
/** The robot API's message templates (open platform: 机器人发送消息的类型). */
export const MSG_KEYS = ["sampleText", "sampleMarkdown", "sampleImageMsg", "sampleLink", "sampleActionCard", "sampleActionCard2", "sampleActionCard3", "sampleActionCard4", "sampleActionCard5", "sampleActionCard6", "sampleFile", "sampleAudio", "sampleVideo"];

export interface RecordedCall {
  readonly path: string;
  readonly status: number;
  readonly body: unknown;
}

/** One message the robot sent to one person, as DingTalk would show it. */
export interface SentMessage {
  readonly userId: string;
  readonly msgKey: string;
  readonly param: Record<string, string>;
}

/** A download of `actualSize` zero bytes streamed with backpressure; `served` counts what went out. */
export interface ZeroStream {
  readonly actualSize: number;
  served: number;
}

export interface RobotMessageInput {
  readonly staffId: string;
  readonly text?: string;
  /** A file the person sends (msgtype file): bytes served by the download API. */
  readonly file?: { readonly fileName: string; readonly bytes: Uint8Array } | { readonly fileName: string; readonly zeros: ZeroStream };
  /** "2" is a group chat. */
  readonly conversationType?: "1" | "2";
  readonly msgId?: string;
}

interface Pending {
  readonly frame: string;
  readonly acked: Promise<unknown>;
  resolve(data: unknown): void;
}

export interface FakeDingTalkOptions {
  readonly clientId: string;
  readonly clientSecret: string;
  readonly robotCode: string;
}

export class FakeDingTalk {
  readonly calls: RecordedCall[] = [];
  readonly sent: SentMessage[] = [];
  readonly uploads = new Map<string, { fileName: string; bytes: Uint8Array }>();
  /** Frames' messageIds the client acknowledged, with the data it returned. */
  readonly acks = new Map<string, unknown>();
  /** Answers to SYSTEM pings. */
  pongs = 0;
  connections = 0;
  /** Frames sent, redeliveries included. */
  deliveries = 0;
  /** When > 0: the socket drops right after that many more frames are sent (before any ack). */
  dropAfterFrames = 0;
  /** Texts the robot sent into group chats through a message's session webhook. */
  readonly groupReplies: unknown[] = [];
  private readonly server: Server;
  // Pongs are answered by hand, so a test can make a connection half-open.
  private readonly wss = new WebSocketServer({ noServer: true, autoPong: false });
  private readonly silenced = new WeakSet<WebSocket>();
  private readonly tickets = new Set<string>();
  private readonly tokens = new Map<string, boolean>();
  private readonly files = new Map<string, Uint8Array | ZeroStream>();
  private readonly pending = new Map<string, Pending>();
  private socket: WebSocket | undefined;
  private waitingForSocket: ((socket: WebSocket) => void)[] = [];
  /** Statuses the next send-API calls answer with before working again (429, 500 …). */
  readonly sendFaults: number[] = [];
  private port = 0;

  constructor(readonly options: FakeDingTalkOptions) {
    this.server = createServer((req, res) => void this.route(req, res));
    this.server.on("upgrade", (req, socket, head) => {
      const url = new URL(req.url ?? "/", "http://x");
      const ticket = url.searchParams.get("ticket") ?? "";
      // Tickets are single use: a replayed one is refused like the real gateway refuses it.
      if (url.pathname !== "/connect" || !this.tickets.delete(ticket)) {
        socket.end("HTTP/1.1 401 Unauthorized\r\n\r\n");
        return;
      }
      this.wss.handleUpgrade(req, socket, head, (ws) => this.accept(ws));
    });
  }

  async start(): Promise<void> {
    await new Promise<void>((resolve) => this.server.listen(0, "127.0.0.1", resolve));
    this.port = (this.server.address() as AddressInfo).port;
  }

  get root(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  async close(): Promise<void> {
    for (const client of this.wss.clients) client.terminate();
    this.wss.close();
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  /** Resolves once a client is connected (now, or after the next connection). */
  connected(): Promise<WebSocket> {
    if (this.socket !== undefined && this.socket.readyState === this.socket.OPEN) return Promise.resolve(this.socket);
    return new Promise((resolve) => this.waitingForSocket.push(resolve));
  }

  /** Delivers a robot message as a CALLBACK frame; resolves with the frame's messageId once acked. */
  async deliver(input: RobotMessageInput): Promise<{ messageId: string; msgId: string }> {
    const msgId = input.msgId ?? `msg${randomUUID().replaceAll("-", "")}`;
    const data: Record<string, unknown> = {
      conversationId: `cid${input.staffId}`,
      chatbotCorpId: "dingcorp",
      chatbotUserId: "$:LWCP_v1:$robot",
      msgId,
      senderNick: input.staffId,
      isAdmin: false,
      senderStaffId: input.staffId,
      sessionWebhookExpiredTime: Date.now() + 90 * 60_000,
      createAt: Date.now(),
      senderCorpId: "dingcorp",
      conversationType: input.conversationType ?? "1",
      senderId: `$:LWCP_v1:$${input.staffId}`,
      sessionWebhook: `${this.root}/robot/sendBySession?session=x`,
      robotCode: this.options.robotCode,
    };
    if (input.file !== undefined) {
      const downloadCode = `dl${randomUUID()}`;
      this.files.set(downloadCode, "bytes" in input.file ? input.file.bytes : input.file.zeros);
      Object.assign(data, { msgtype: "file", content: { downloadCode, fileName: input.file.fileName } });
    } else {
      Object.assign(data, { msgtype: "text", text: { content: input.text ?? "" } });
    }
    const messageId = randomUUID();
    const frame = JSON.stringify({
      specVersion: "1.0",
      type: "CALLBACK",
      headers: { appId: "app", connectionId: "c", contentType: "application/json", messageId, time: String(Date.now()), topic: TOPIC_ROBOT },
      data: JSON.stringify(data),
    });
    await this.push(messageId, frame);
    return { messageId, msgId };
  }

  /** Sends a frame again (DingTalk redelivers an unacknowledged callback) and waits for its ack. */
  async redeliver(messageId: string): Promise<void> {
    const pending = this.pending.get(messageId);
    if (pending === undefined) throw new Error(`fake-dingtalk: no frame ${messageId}`);
    this.acks.delete(messageId);
    this.pending.delete(messageId);
    await this.push(messageId, pending.frame);
  }

  /** Callbacks sent and never acknowledged. */
  unacked(): string[] {
    return [...this.pending.keys()].filter((id) => !this.acks.has(id));
  }

  /** A SYSTEM ping; resolves when the client answers it. */
  async ping(): Promise<void> {
    const messageId = randomUUID();
    await this.push(messageId, JSON.stringify({ specVersion: "1.0", type: "SYSTEM", headers: { contentType: "application/json", messageId, time: String(Date.now()), topic: "ping" }, data: JSON.stringify({ opaque: messageId }) }));
    this.pongs += 1;
  }

  /** Drops the socket without a close handshake (the network went away). */
  drop(): void {
    this.socket?.terminate();
    this.socket = undefined;
  }

  /**
   * The connection goes half-open: the socket stays up but nothing passes any more — no pong, no
   * frame. Only the client's keepAlive can notice; frames wait for the next connection.
   */
  halfOpen(): void {
    if (this.socket !== undefined) this.silenced.add(this.socket);
    this.socket = undefined;
  }

  /** Every token issued so far stops working (401), as after its 7 200 s. */
  expireTokens(): void {
    for (const token of this.tokens.keys()) this.tokens.set(token, false);
  }

  /**
   * Sends a frame and waits for its ack. Like DingTalk, a frame whose socket closed before the ack
   * is delivered again on the next connection.
   */
  private async push(messageId: string, frame: string): Promise<void> {
    let resolve: (data: unknown) => void = () => undefined;
    const acked = new Promise<unknown>((r) => (resolve = r));
    this.pending.set(messageId, { frame, acked, resolve });
    for (;;) {
      const socket = await this.connected();
      const closed = new Promise<"closed">((r) => socket.once("close", () => r("closed")));
      this.deliveries += 1;
      socket.send(frame);
      if (this.dropAfterFrames > 0 && --this.dropAfterFrames === 0) this.drop();
      if ((await Promise.race([acked.then(() => "acked" as const), closed])) === "acked") return;
    }
  }

  private accept(ws: WebSocket): void {
    this.connections += 1;
    this.socket = ws;
    ws.on("ping", (data) => {
      if (!this.silenced.has(ws)) ws.pong(data);
    });
    ws.on("message", (raw) => {
      if (this.silenced.has(ws)) return;
      const reply = JSON.parse(String(raw)) as { code?: number; headers?: { messageId?: string }; data?: string };
      const id = reply.headers?.messageId;
      const pending = id === undefined ? undefined : this.pending.get(id);
      if (id === undefined || pending === undefined || reply.code !== 200) return;
      this.acks.set(id, reply.data === undefined ? undefined : JSON.parse(reply.data));
      pending.resolve(reply.data);
    });
    ws.send(JSON.stringify({ specVersion: "1.0", type: "SYSTEM", headers: { topic: "REGISTERED", messageId: randomUUID(), contentType: "application/json", time: String(Date.now()) }, data: "{}" }));
    const waiting = this.waitingForSocket;
    this.waitingForSocket = [];
    for (const resolve of waiting) resolve(ws);
  }

  private async route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? "/", "http://x");
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const raw = Buffer.concat(chunks);
    const answer = (status: number, body: unknown, bytes?: Uint8Array): void => {
      this.calls.push({ path: url.pathname, status, body: bytes === undefined ? body : `<${bytes.length} bytes>` });
      if (bytes !== undefined) {
        res.writeHead(status, { "content-type": "application/octet-stream" }).end(bytes);
        return;
      }
      res.writeHead(status, { "content-type": "application/json" }).end(JSON.stringify(body));
    };
    const json = (): Record<string, unknown> => {
      try {
        return JSON.parse(raw.toString("utf8")) as Record<string, unknown>;
      } catch {
        return {};
      }
    };
    const tokenOk = (token: string | null | undefined): boolean => token != null && this.tokens.get(token) === true;
    const { clientId, clientSecret, robotCode } = this.options;

    if (req.method === "POST" && url.pathname === "/v1.0/gateway/connections/open") {
      const body = json();
      if (body["clientId"] !== clientId || body["clientSecret"] !== clientSecret) return answer(401, { code: "InvalidAuthentication", message: "bad client" });
      const subscriptions = body["subscriptions"] as { type: string; topic: string }[] | undefined;
      if (!Array.isArray(subscriptions) || !subscriptions.some((s) => s.type === "CALLBACK" && s.topic === TOPIC_ROBOT)) return answer(400, { code: "InvalidParameter", message: "no robot subscription" });
      const ticket = randomUUID();
      this.tickets.add(ticket);
      return answer(200, { endpoint: `ws://127.0.0.1:${this.port}/connect`, ticket });
    }
    if (req.method === "POST" && url.pathname === "/v1.0/oauth2/accessToken") {
      const body = json();
      if (body["appKey"] !== clientId || body["appSecret"] !== clientSecret) return answer(400, { code: "invalidClientIdOrSecret", message: "bad app" });
      const accessToken = randomUUID().replaceAll("-", "");
      this.tokens.set(accessToken, true);
      return answer(200, { accessToken, expireIn: 7200 });
    }
    if (req.method === "POST" && url.pathname === "/v1.0/robot/oToMessages/batchSend") {
      if (!tokenOk(req.headers["x-acs-dingtalk-access-token"] as string | undefined)) return answer(401, { code: "InvalidAuthentication", message: "token invalid or expired" });
      const fault = this.sendFaults.shift();
      if (fault !== undefined) return answer(fault, { code: fault === 429 ? "Throttling" : "ServiceUnavailable", message: "injected" });
      const body = json();
      const { msgKey, msgParam, userIds } = body as { msgKey?: unknown; msgParam?: unknown; userIds?: unknown };
      if (body["robotCode"] !== robotCode) return answer(400, { code: "invalidParameter.robotCode", message: "robot not found" });
      if (typeof msgKey !== "string" || !MSG_KEYS.includes(msgKey)) return answer(400, { code: "invalidParameter.msgKey", message: "msgKey invalid" });
      if (typeof msgParam !== "string") return answer(400, { code: "invalidParameter.msgParam", message: "msgParam must be a JSON string" });
      let param: Record<string, string>;
      try {
        param = JSON.parse(msgParam) as Record<string, string>;
      } catch {
        return answer(400, { code: "invalidParameter.msgParam", message: "msgParam is not JSON" });
      }
      if (!Array.isArray(userIds) || userIds.length === 0 || userIds.length > 20 || !userIds.every((id) => typeof id === "string")) return answer(400, { code: "invalidParameter.userIds", message: "1–20 userIds" });
      if (msgKey === "sampleFile" && !this.uploads.has(param["mediaId"] ?? "")) return answer(400, { code: "invalidParameter.mediaId", message: "unknown mediaId" });
      for (const userId of userIds as string[]) this.sent.push({ userId, msgKey, param });
      return answer(200, { processQueryKey: randomUUID(), invalidStaffIdList: [], flowControlledStaffIdList: [] });
    }
    if (req.method === "POST" && url.pathname === "/robot/sendBySession") {
      const body = json();
      if (typeof body["msgtype"] !== "string") return answer(200, { errcode: 40035, errmsg: "缺少参数 msgtype" });
      this.groupReplies.push(body);
      return answer(200, { errcode: 0, errmsg: "ok" });
    }
    if (req.method === "POST" && url.pathname === "/media/upload") {
      if (!tokenOk(url.searchParams.get("access_token"))) return answer(200, { errcode: 40014, errmsg: "不合法的access_token" });
      if (url.searchParams.get("type") !== "file") return answer(200, { errcode: 40004, errmsg: "不合法的媒体文件类型" });
      const form = await new Response(raw, { headers: { "content-type": req.headers["content-type"] ?? "" } }).formData().catch(() => undefined);
      const media = form?.get("media");
      if (media === null || media === undefined || typeof media === "string") return answer(200, { errcode: 40005, errmsg: "缺少媒体文件" });
      const mediaId = `@lA${randomUUID()}`;
      this.uploads.set(mediaId, { fileName: media.name, bytes: new Uint8Array(await media.arrayBuffer()) });
      return answer(200, { errcode: 0, errmsg: "ok", type: "file", media_id: mediaId, created_at: Date.now() });
    }
    if (req.method === "POST" && url.pathname === "/v1.0/robot/messageFiles/download") {
      if (!tokenOk(req.headers["x-acs-dingtalk-access-token"] as string | undefined)) return answer(401, { code: "InvalidAuthentication", message: "token invalid or expired" });
      const body = json();
      if (body["robotCode"] !== robotCode) return answer(400, { code: "invalidParameter.robotCode", message: "robot not found" });
      const code = String(body["downloadCode"] ?? "");
      if (!this.files.has(code)) return answer(400, { code: "invalidParameter.downloadCode", message: "unknown downloadCode" });
      return answer(200, { downloadUrl: `${this.root}/files/${encodeURIComponent(code)}` });
    }
    if (req.method === "GET" && url.pathname.startsWith("/files/")) {
      const bytes = this.files.get(decodeURIComponent(url.pathname.slice("/files/".length)));
      if (bytes === undefined) return answer(404, { message: "gone" });
      if (!(bytes instanceof Uint8Array)) {
        this.calls.push({ path: url.pathname, status: 200, body: `<${bytes.actualSize} zero bytes, streamed>` });
        return streamZeros(res, bytes);
      }
      return answer(200, undefined, bytes);
    }
    return answer(404, { code: "NotFound", message: `${req.method} ${url.pathname}` });
  }
}

export async function startFakeDingTalk(options: FakeDingTalkOptions): Promise<FakeDingTalk> {
  const fake = new FakeDingTalk(options);
  await fake.start();
  return fake;
}
