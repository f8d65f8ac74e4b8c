// Asks the bot that holds DATA_DIR over its control socket (src/app/control-server.ts).
import { connect } from "node:net";
import { join } from "node:path";
import { CONTROL_SOCKET, type ControlRequest, type ControlResponse } from "../app/control-server.ts";

/** The running bot's answer, or undefined when no process answers on the socket (an older release). */
export function askRunningBot(dataDir: string, request: ControlRequest): Promise<ControlResponse | undefined> {
  return new Promise((resolve) => {
    const socket = connect(join(dataDir, CONTROL_SOCKET));
    let text = "";
    socket.setEncoding("utf8");
    socket.on("connect", () => socket.write(`${JSON.stringify(request)}\n`));
    socket.on("data", (chunk: string) => (text += chunk));
    socket.on("error", () => resolve(undefined));
    socket.on("close", () => {
      try {
        resolve(JSON.parse(text) as ControlResponse);
      } catch {
        resolve(undefined);
      }
    });
  });
}
