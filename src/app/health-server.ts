// /healthz over HTTP: GET or HEAD answers the HealthReport as JSON, 200 when ok and 503 when not,
// so a load balancer, `curl -f` or docker's HEALTHCHECK can act on the status alone. Served on the
// webhook server's port in webhook mode, or on its own HEALTH_PORT in polling mode.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import type { HealthMonitor } from "./health.ts";

export const HEALTH_PATH = "/healthz";

export async function answerHealth(monitor: HealthMonitor, req: IncomingMessage, res: ServerResponse): Promise<void> {
  if (req.method !== "GET" && req.method !== "HEAD") {
    res.writeHead(405, { allow: "GET, HEAD", "content-type": "text/plain; charset=utf-8" }).end("405\n");
    return;
  }
  const report = await monitor.report();
  const body = `${JSON.stringify(report)}\n`;
  res.writeHead(report.ok ? 200 : 503, { "content-type": "application/json; charset=utf-8", "cache-control": "no-store" });
  res.end(req.method === "HEAD" ? undefined : body);
}

export interface HealthServer {
  readonly port: number;
  close(): Promise<void>;
}

/** A server with /healthz only (polling mode); anything else is 404. */
export async function startHealthServer(monitor: HealthMonitor, options: { port: number; host: string }): Promise<HealthServer> {
  const server: Server = createServer((req, res) => {
    const path = new URL(req.url ?? "/", "http://localhost").pathname;
    if (path !== HEALTH_PATH) return void res.writeHead(404, { "content-type": "text/plain; charset=utf-8" }).end("404\n");
    answerHealth(monitor, req, res).catch(() => {
      if (!res.headersSent) res.writeHead(500).end("500\n");
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port, options.host, () => resolve());
  });
  return {
    port: (server.address() as AddressInfo).port,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeIdleConnections();
      }),
  };
}
