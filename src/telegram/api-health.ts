// Tells the health monitor whether Telegram answers: every Bot API call's outcome, seen from an API
// transformer. Any answer from Telegram (even a 400 about one message) means the channel is up;
// no answer (network error, timeout) or a refused token (401/404) means it is not.
import { HttpError, type Api } from "grammy";
import type { HealthMonitor } from "../ops/health.ts";

export function reportApiHealth(api: Api, monitor: Pick<HealthMonitor, "noteApi">): void {
  api.config.use(async (prev, method, payload, signal) => {
    try {
      const response = await prev(method, payload, signal);
      const refused = !response.ok && (response.error_code === 401 || response.error_code === 404);
      monitor.noteApi(refused ? { ok: false, error: `token refused (${response.error_code})` } : { ok: true });
      return response;
    } catch (error) {
      // HttpError: the request never got an answer. Anything else is ours, not the channel's.
      if (error instanceof HttpError) monitor.noteApi({ ok: false, error: `Telegram unreachable (${method})` });
      throw error;
    }
  });
}
