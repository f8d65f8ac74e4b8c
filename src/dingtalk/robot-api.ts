// The robot API of an enterprise internal app: the access token (cached, fetched again on a 401), one-to-one
// messages, file upload and download. Over Node's fetch, not the SDK's axios: one HTTP client in our code.
import { setTimeout as sleepFor } from "node:timers/promises";
import { downloadLimited, type Download } from "../app/download-limited.ts";

export interface DingTalkSettings {
  readonly clientId: string;
  readonly clientSecret: string;
  readonly robotCode: string;
  readonly apiRoot: string;
  readonly oapiRoot: string;
}

/** A message template and its parameters, as batchSend takes them. */
interface RobotMessageOut {
  readonly msgKey: string;
  readonly msgParam: Record<string, string>;
}

class DingTalkApiError extends Error {
  constructor(readonly status: number, readonly code: string, message: string) {
    super(`dingtalk: ${status} ${code}: ${message}`);
    this.name = "DingTalkApiError";
  }
}

/** Attempts for a call DingTalk answers 429/5xx (or the network fails) before giving up. */
const ATTEMPTS = 5;
const TOKEN_MARGIN_MS = 5 * 60_000;

export interface RobotApi {
  sendToPerson(staffId: string, message: RobotMessageOut): Promise<void>;
  uploadFile(fileName: string, bytes: Uint8Array): Promise<string>;
  /** A file a person sent, cut off once more than `maxBytes` arrive (DingTalk states no size). */
  downloadFile(downloadCode: string, maxBytes: number): Promise<Download>;
}

/** `sleep` waits between retries (tests pass a no-op). */
export function createRobotApi(options: DingTalkSettings, sleep: (ms: number) => Promise<unknown> = sleepFor): RobotApi {
  let token: { value: string; until: number } | undefined;

  async function accessToken(): Promise<string> {
    if (token !== undefined && Date.now() < token.until) return token.value;
    const response = await fetch(`${options.apiRoot}/v1.0/oauth2/accessToken`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ appKey: options.clientId, appSecret: options.clientSecret }),
    });
    const body = (await response.json().catch(() => ({}))) as { accessToken?: string; expireIn?: number; code?: string; message?: string };
    if (!response.ok || typeof body.accessToken !== "string") throw new DingTalkApiError(response.status, body.code ?? "token", body.message ?? "no access token");
    token = { value: body.accessToken, until: Date.now() + (body.expireIn ?? 7200) * 1000 - TOKEN_MARGIN_MS };
    return token.value;
  }

  /** A 401 is tried once more with a fresh token; 429, 5xx and network errors with backoff (nothing was delivered). */
  async function call(request: (token: string) => Promise<Response>): Promise<Response> {
    let refreshed = false;
    for (let attempt = 1; ; attempt += 1) {
      let response: Response | undefined;
      try {
        response = await request(await accessToken());
      } catch (error) {
        if (error instanceof DingTalkApiError || attempt >= ATTEMPTS) throw error;
      }
      if (response?.status === 401 && !refreshed) {
        refreshed = true;
        token = undefined;
        continue;
      }
      if (response !== undefined && response.status !== 429 && response.status < 500) return response;
      if (attempt >= ATTEMPTS) return response ?? Promise.reject(new Error("dingtalk: network"));
      await sleep(Math.min(8000, 250 * 2 ** attempt));
    }
  }

  const post = (path: string, body: object): Promise<Response> =>
    call((value) =>
      fetch(`${options.apiRoot}${path}`, {
        method: "POST",
        headers: { "content-type": "application/json", "x-acs-dingtalk-access-token": value },
        body: JSON.stringify(body),
      }),
    );

  async function ok<T>(response: Response): Promise<T> {
    const body = (await response.json().catch(() => ({}))) as T & { code?: string; message?: string };
    if (!response.ok) throw new DingTalkApiError(response.status, body.code ?? "http", body.message ?? response.statusText);
    return body;
  }

  return {
    async sendToPerson(staffId, message) {
      // msgParam is a JSON string inside the JSON body, as the API wants it.
      const msgParam = JSON.stringify(message.msgParam);
      await ok(await post("/v1.0/robot/oToMessages/batchSend", { robotCode: options.robotCode, userIds: [staffId], msgKey: message.msgKey, msgParam }));
    },

    async uploadFile(fileName, bytes) {
      // The legacy OAPI answers 200 with an errcode; 40014/42001 is a token it no longer takes.
      for (let attempt = 1; ; attempt += 1) {
        const response = await call((value) => {
          const form = new FormData();
          form.append("media", new Blob([bytes]), fileName);
          return fetch(`${options.oapiRoot}/media/upload?access_token=${encodeURIComponent(value)}&type=file`, { method: "POST", body: form });
        });
        const body = await ok<{ errcode?: number; errmsg?: string; media_id?: string }>(response);
        if (body.errcode === 0 && typeof body.media_id === "string") return body.media_id;
        if ((body.errcode === 40014 || body.errcode === 42001) && attempt === 1) {
          token = undefined;
          continue;
        }
        throw new DingTalkApiError(response.status, String(body.errcode), body.errmsg ?? "upload failed");
      }
    },

    async downloadFile(downloadCode, maxBytes) {
      const response = await post("/v1.0/robot/messageFiles/download", { downloadCode, robotCode: options.robotCode });
      const { downloadUrl } = await ok<{ downloadUrl?: string }>(response);
      if (typeof downloadUrl !== "string") throw new DingTalkApiError(response.status, "download", "no downloadUrl");
      // The URL is short-lived and already authorised: fetched as it is, counted on the stream.
      return downloadLimited(downloadUrl, maxBytes);
    },
  };
}
