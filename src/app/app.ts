// What the shells share at run time, built once by main.ts and handed to each feature: no globals.
import type { Store } from "./store-port.ts";
import type { ResolveWorkspace } from "./workspace.ts";

/** Structural subset of pino's logger, so tests can pass a recorder. */
export interface AppLogger {
  error(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
  info(obj: object, msg?: string): void;
}

export interface App {
  readonly store: Store;
  readonly logger: AppLogger;
  /** The current instant as an ISO string; tests pass a controlled clock. */
  readonly now: () => string;
  /** Cryptographically random bytes (invitation codes). */
  readonly randomBytes: (length: number) => Uint8Array;
  /** Telegram user ids (as strings) with the admin role (ADMIN_IDS). */
  readonly adminIds: readonly string[];
  /** For deep links https://t.me/<bot>?start=<code>. */
  readonly botUsername: string | undefined;
  /** Which department's report a user works on, or why none. */
  readonly workspaces: ResolveWorkspace;
}
