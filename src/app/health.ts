// What /healthz reports: the data folder takes a write, Telegram answered the last Bot API call, and
// the last update's age (reported, never judged: a quiet weekend is not broken). The probe is a real
// fsynced write, not fs.access: a full disk or a read-only remount passes access() and fails a write.
import { once } from "node:events";
import { unlink, writeFile } from "node:fs/promises";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { join } from "node:path";

export interface HealthReport {
  readonly ok: boolean;
  readonly store: { readonly writable: boolean; readonly error?: string };
  readonly telegram: { readonly connected: boolean; readonly lastAnswerAgeSeconds: number | null; readonly error?: string };
  readonly updates: { readonly handled: number; readonly lastAgeSeconds: number | null };
}

let probeSeq = 0;

/** Writes and removes a small file in the folder; the error code (ENOSPC, EROFS, EACCES …) when it fails. */
async function probeWritable(dir: string): Promise<{ writable: true } | { writable: false; error: string }> {
  probeSeq += 1;
  const path = join(dir, `.healthz-${process.pid}-${probeSeq}`);
  try {
    await writeFile(path, "ok\n", { flush: true });
    await unlink(path);
    return { writable: true };
  } catch (error) {
    await unlink(path).catch(() => undefined);
    const code = error instanceof Error && "code" in error ? String(error.code) : "unknown";
    return { writable: false, error: code };
  }
}

const ageSeconds = (now: number, at: number | undefined): number | null => (at === undefined ? null : Math.max(0, Math.round((now - at) / 1000)));

export type HealthMonitor = ReturnType<typeof healthMonitor>;

/** `now` (milliseconds since the epoch) is injected so tests control the ages. */
export function healthMonitor(options: { dataDir: string; now?: () => number }) {
  const now = options.now ?? Date.now;
  let handled = 0;
  let lastUpdateAt: number | undefined;
  let lastAnswerAt: number | undefined;
  let apiError: string | undefined = "no Bot API call yet";
  return {
    /** An update reached the bot. */
    noteUpdate(): void {
      handled += 1;
      lastUpdateAt = now();
    },
    /** A Bot API call got an answer from Telegram (ok) or did not (network error, token refused). */
    noteApi(outcome: { ok: true } | { ok: false; error: string }): void {
      if (outcome.ok) {
        lastAnswerAt = now();
        apiError = undefined;
      } else apiError = outcome.error;
    },
    async report(): Promise<HealthReport> {
      const store = await probeWritable(options.dataDir);
      const at = now();
      const connected = apiError === undefined;
      return {
        ok: store.writable && connected,
        store,
        telegram: { connected, lastAnswerAgeSeconds: ageSeconds(at, lastAnswerAt), ...(apiError === undefined ? {} : { error: apiError }) },
        updates: { handled, lastAgeSeconds: ageSeconds(at, lastUpdateAt) },
      };
    },
  };
}

// 200 when ok, 503 when not: a load balancer, `curl -f` or docker's HEALTHCHECK acts on the status alone.
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

/** A listening HTTP server: its port (0 asks for a free one) and a close that waits for requests in flight. */
export interface Listening {
  readonly port: number;
  close(): Promise<void>;
}

/** Starts `server` on the port and host (the health and webhook servers alike). */
export async function listen(server: Server, port: number, host: string): Promise<Listening> {
  server.listen(port, host);
  await once(server, "listening");
  return {
    port: (server.address() as AddressInfo).port,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeIdleConnections();
      }),
  };
}

/** A server with /healthz only (polling mode); anything else is 404. */
export async function startHealthServer(monitor: HealthMonitor, options: { port: number; host: string }): Promise<Listening> {
  const server = createServer((req, res) => {
    const path = new URL(req.url ?? "/", "http://localhost").pathname;
    if (path !== HEALTH_PATH) return void res.writeHead(404, { "content-type": "text/plain; charset=utf-8" }).end("404\n");
    answerHealth(monitor, req, res).catch(() => {
      if (!res.headersSent) res.writeHead(500).end("500\n");
    });
  });
  return listen(server, options.port, options.host);
}
