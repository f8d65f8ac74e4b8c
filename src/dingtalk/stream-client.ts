// The official Stream SDK (dingtalk-stream 2.1.5) with two changes. Its gateway URL is a constant,
// so getEndpoint() sends the same request to DINGTALK_API_ROOT (a fake, a private gateway). And it
// starts a keepAlive timer per connection but clears it only on disconnect(): after a reconnect the
// old timers ping a socket still CONNECTING, ws throws and the process dies; _connect() clears it.
import { DWClient } from "dingtalk-stream";

interface GatewayAnswer {
  readonly endpoint?: unknown;
  readonly ticket?: unknown;
}

export class StreamClient extends DWClient {
  private readonly apiRoot: string;

  constructor(options: { readonly clientId: string; readonly clientSecret: string; readonly apiRoot: string }) {
    // keepAlive pings the gateway and drops a half-open socket, so the SDK's reconnect notices a dead network.
    super({ clientId: options.clientId, clientSecret: options.clientSecret, keepAlive: true, ua: "nianbao" });
    this.apiRoot = options.apiRoot;
  }

  override _connect(): Promise<void> {
    // heartbeatIntervallId is private in the SDK's types; the SDK's own disconnect() clears it the same way.
    const self = this as unknown as { heartbeatIntervallId?: ReturnType<typeof setInterval> };
    if (self.heartbeatIntervallId !== undefined) clearInterval(self.heartbeatIntervallId);
    self.heartbeatIntervallId = undefined;
    return super._connect();
  }

  /** The SDK's request (same body and header) to the configured root; fetch instead of axios. */
  override async getEndpoint(): Promise<this> {
    const { clientId, clientSecret, ua, subscriptions } = this.config;
    const response = await fetch(`${this.apiRoot}/v1.0/gateway/connections/open`, {
      method: "POST",
      headers: { "content-type": "application/json", accept: "application/json" },
      body: JSON.stringify({ clientId, clientSecret, ua, subscriptions }),
    });
    if (!response.ok) throw new Error(`dingtalk: gateway answered ${response.status}`);
    const answer = (await response.json()) as GatewayAnswer;
    if (typeof answer.endpoint !== "string" || typeof answer.ticket !== "string") throw new Error("dingtalk: gateway gave no endpoint or ticket");
    this.config.endpoint = answer.endpoint;
    // dw_url is private in the SDK's types but is what _connect() opens, exactly as its getEndpoint sets it.
    (this as unknown as { dw_url: string }).dw_url = `${answer.endpoint}?ticket=${answer.ticket}`;
    return this;
  }
}
