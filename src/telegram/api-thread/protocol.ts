// Messages between the bot's thread and the Bot API thread (api-thread.ts ↔ worker.ts).

export interface WorkerOptions {
  /** Connections kept open to the Bot API (keep-alive), per protocol. */
  readonly maxSockets: number;
}

export type ToWorker =
  | { readonly kind: "request"; readonly id: number; readonly url: string; readonly headers: Readonly<Record<string, string>>; readonly body: string | Uint8Array }
  | { readonly kind: "abort"; readonly id: number };

export type FromWorker =
  /** The worker's module has loaded and listens. */
  | { readonly kind: "ready" }
  | { readonly kind: "response"; readonly id: number; readonly status: number; readonly body: string }
  | { readonly kind: "failure"; readonly id: number; readonly message: string; readonly code?: string };
