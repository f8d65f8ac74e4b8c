// Whether Telegram answers, from every Bot API call: any answer (even a 400) means up; none, or a refused token,
// down. Each change is logged once.
import { HttpError, type Api } from "grammy";
import type { HealthMonitor } from "../app/health.ts";
import type { BotLogger } from "./context.ts";

export function reportApiHealth(api: Api, monitor: Pick<HealthMonitor, "noteApi">, logger?: BotLogger): void {
  let down: string | undefined;
  const note = (problem: string | undefined): void => {
    monitor.noteApi(problem === undefined ? { ok: true } : { ok: false, error: problem });
    if (problem !== undefined && down === undefined) logger?.warn({ problem }, "telegram: not answering");
    if (problem === undefined && down !== undefined) logger?.info({ was: down }, "telegram: answering again");
    down = problem;
  };
  api.config.use(async (prev, method, payload, signal) => {
    try {
      const response = await prev(method, payload, signal);
      note(!response.ok && (response.error_code === 401 || response.error_code === 404) ? `token refused (${response.error_code})` : undefined);
      return response;
    } catch (error) {
      // HttpError: the request never got an answer. Anything else is ours, not the channel's.
      if (error instanceof HttpError) note(`Telegram unreachable (${method})`);
      throw error;
    }
  });
}
