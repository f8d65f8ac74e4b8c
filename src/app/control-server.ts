// The running bot's control socket, DATA_DIR/.control.sock (mode 0600, nothing on the network): one
// process writes a data folder, so `npx nianbao admin` and `backup` ask it. One JSON line each way.
import { once } from "node:events";
import { chmod, mkdir, rm } from "node:fs/promises";
import { createServer, type Server, type Socket } from "node:net";
import { join } from "node:path";
import { createInterface } from "node:readline";
import { adminActions, operatorAction } from "./admin-actions.ts";
import { createOrgService } from "./org-service.ts";
import type { Line } from "../core/summary/line.ts";
import type { App } from "./app.ts";

export const CONTROL_SOCKET = ".control.sock";
export const SNAPSHOTS_DIR = ".snapshots";

export type ControlRequest =
  | { v: 1; command: "admin"; positionals: string[]; role?: string; expires?: string }
  | { v: 1; command: "snapshot" };

export type ControlResponse =
  | { ok: true; lines?: Line[]; snapshot?: string }
  | { ok: false; key: string; params: Line["params"]; exitCode: number };

/** Also what the CLI runs itself when no bot holds the folder. */
export async function answerControl(app: Pick<App, "store" | "now" | "randomBytes" | "botUsername">, request: ControlRequest): Promise<ControlResponse> {
  if (request.command === "snapshot") {
    const dir = join(app.store.dataDir, SNAPSHOTS_DIR, `${app.now().replace(/[^0-9]/g, "")}-${process.pid}-${Math.floor(Math.random() * 1e9)}`);
    await mkdir(dir, { recursive: true });
    await app.store.snapshot(join(dir, "data"));
    return { ok: true, snapshot: dir };
  }
  const answer = await operatorAction(adminActions(app, createOrgService(app)), request);
  if (answer.ok) return { ok: true, lines: answer.lines };
  const { key, params } = answer.refusal === "usage" ? { key: "org-cli-usage", params: {} } : answer.refusal;
  return { ok: false, key, params, exitCode: 2 };
}

function serve(app: App, socket: Socket): void {
  socket.on("error", () => undefined);
  const lines = createInterface({ input: socket });
  lines.once("line", (text) => {
    lines.close();
    void (async () => {
      let response: ControlResponse;
      try {
        response = await answerControl(app, JSON.parse(text) as ControlRequest);
      } catch (error) {
        app.logger.error({ err: String(error) }, "control: request failed");
        response = { ok: false, key: "control-failed", params: { reason: error instanceof Error ? error.message : String(error) }, exitCode: 3 };
      }
      socket.end(`${JSON.stringify(response)}\n`);
    })();
  });
}

/** Listens on DATA_DIR/.control.sock; resolves the function that stops listening. */
export async function startControlServer(app: App): Promise<() => Promise<void>> {
  const path = join(app.store.dataDir, CONTROL_SOCKET);
  // A socket file left by a killed process: this process holds the lock, so it is stale.
  await rm(path, { force: true });
  const server: Server = createServer((socket) => serve(app, socket));
  try {
    server.listen(path);
    await once(server, "listening");
  } catch (error) {
    // E.g. a path longer than a socket address holds (~107 bytes): the bot runs, admin says "in use".
    app.logger.warn({ err: String(error), socket: path }, "control: cannot listen; admin and backup need the bot stopped");
    return async () => undefined;
  }
  await chmod(path, 0o600);
  app.logger.info({ socket: path }, "control: listening");
  return () => new Promise<void>((resolve) => server.close(() => resolve()));
}
