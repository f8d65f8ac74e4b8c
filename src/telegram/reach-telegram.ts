// getMe at start-up on its own, so what goes wrong is said at once (the bot's client retries
// silently): unreachable is told and retried as long as it takes; a rejected token ends the start.
import { setTimeout as sleep } from "node:timers/promises";
import { GrammyError, HttpError, type Api } from "grammy";
import type { UserFromGetMe } from "grammy/types";

/** Telegram answered 401: the token is wrong or revoked; asking again will not help. */
export class TokenRejectedError extends Error {
  constructor(readonly description: string) {
    super(`Telegram rejected BOT_TOKEN: ${description}`);
    this.name = "TokenRejectedError";
  }
}

export interface ReachOptions {
  /** Each failed attempt (1, 2, …) with its reason; the caller says it once and logs the rest. */
  readonly onUnreachable: (reason: string, attempt: number) => void;
  /** Pauses between attempts; the last one repeats. */
  readonly retryDelaysMs?: readonly number[];
  readonly signal?: AbortSignal;
}

const DEFAULT_DELAYS_MS = [1_000, 2_000, 5_000, 10_000, 30_000];

/** What went wrong, without the request's URL: it carries the token (node-fetch names it). */
function reasonOf(error: unknown): string {
  const inner = error instanceof HttpError && error.error instanceof Error ? error.error.message : undefined;
  const text = inner === undefined ? (error instanceof Error ? error.message : String(error)) : `${(error as HttpError).message} (${/reason: (.*)$/s.exec(inner)?.[1] ?? inner})`;
  return text.replace(/\/bot[^/\s]+\//g, "/bot…/");
}

/** getMe until Telegram answers; throws TokenRejectedError on 401. */
export async function reachTelegram(api: Pick<Api, "getMe">, options: ReachOptions): Promise<UserFromGetMe> {
  const delays = options.retryDelaysMs ?? DEFAULT_DELAYS_MS;
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await api.getMe();
    } catch (error) {
      // 401 Unauthorized, or 404 for a token of the wrong shape: Telegram does not know this token.
      if (error instanceof GrammyError && (error.error_code === 401 || error.error_code === 404)) throw new TokenRejectedError(error.description);
      options.onUnreachable(reasonOf(error), attempt);
    }
    await sleep(delays[Math.min(attempt - 1, delays.length - 1)] ?? 1_000, undefined, { signal: options.signal });
  }
}
