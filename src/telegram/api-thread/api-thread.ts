// The Bot API's HTTP on a thread of its own. Profiled at 1 000 concurrent officers (bench/), sending
// replies through node-fetch and node:http took about a third of the bot's one JavaScript thread:
// sockets, streams, headers and their garbage. grammY still builds every call and reads every
// result on the bot's thread (its errors, timeouts and auto-retry work unchanged); this `fetch`
// hands the request bytes to a worker thread that owns the kept-alive connections.
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
import type { FromWorker, ToWorker, WorkerOptions } from "./protocol.ts";

/** What grammY reads of a fetch response (client.js: `res.json()`). */
export interface ApiResponse {
  readonly ok: boolean;
  readonly status: number;
  json(): Promise<unknown>;
  text(): Promise<string>;
}

interface AbortSignalLike {
  readonly aborted: boolean;
  addEventListener(type: "abort", listener: () => void): void;
  removeEventListener(type: "abort", listener: () => void): void;
}

/** The subset of fetch's init grammY passes (payload.js: JSON string or multipart stream). */
export interface ApiRequestInit {
  readonly headers?: Readonly<Record<string, string>>;
  readonly body?: string | AsyncIterable<Uint8Array | string>;
  readonly signal?: AbortSignalLike | null;
}

export type ApiFetch = (url: string, init?: ApiRequestInit) => Promise<ApiResponse>;

export interface ApiThread {
  /** For grammY's `client.fetch`. */
  readonly fetch: ApiFetch;
  /** Waits up to `graceMs` for requests in flight, then ends the thread; later calls fail. */
  close(graceMs?: number): Promise<void>;
}

interface Pending {
  resolve(response: ApiResponse): void;
  reject(error: Error): void;
}

const DEFAULT_MAX_SOCKETS = 64;
const DEFAULT_GRACE_MS = 5_000;

function abortError(): Error {
  const error = new Error("The operation was aborted.");
  error.name = "AbortError";
  return error;
}

function responseOf(status: number, body: string): ApiResponse {
  return { ok: status >= 200 && status < 300, status, json: () => Promise.resolve(JSON.parse(body) as unknown), text: () => Promise.resolve(body) };
}

/** A multipart upload (sendDocument) arrives as a stream: its bytes cross to the thread at once. */
async function bodyOf(body: AsyncIterable<Uint8Array | string>): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  for await (const chunk of body) chunks.push(typeof chunk === "string" ? Buffer.from(chunk, "utf8") : Buffer.from(chunk));
  return Buffer.concat(chunks);
}

/** The bundle ships the worker as api-thread-worker.js beside main.js; from source, tsx loads worker.ts. */
export function spawnApiWorker(options: WorkerOptions): Worker {
  if (!import.meta.url.endsWith(".ts")) {
    const beside = new URL("./api-thread-worker.js", import.meta.url);
    const script = existsSync(fileURLToPath(beside)) ? beside : new URL("../api-thread-worker.js", import.meta.url);
    return new Worker(script, { workerData: options });
  }
  // A worker does not inherit tsx's loader: register it inside before importing the TypeScript.
  const tsx = import.meta.resolve("tsx/esm/api");
  const script = new URL("./worker.ts", import.meta.url).href;
  const boot = `import(${JSON.stringify(tsx)}).then((m) => { m.register(); return import(${JSON.stringify(script)}); });`;
  return new Worker(boot, { eval: true, workerData: options });
}

export interface ApiThreadOptions extends Partial<WorkerOptions> {
  /** Starts the thread (tests wrap it to reach the Worker). */
  readonly spawn?: (options: WorkerOptions) => Worker;
}

export function startApiThread(options: ApiThreadOptions = {}): ApiThread {
  const workerOptions = { maxSockets: options.maxSockets ?? DEFAULT_MAX_SOCKETS };
  const spawn = options.spawn ?? spawnApiWorker;
  const pending = new Map<number, Pending>();
  /** Uploads whose stream is still being read: not yet in `pending`, but close() waits for them. */
  let assembling = 0;
  let nextId = 0;
  /** Set by close(): later calls fail. */
  let ended: Error | undefined;
  const drained: (() => void)[] = [];
  const idle = (): void => {
    if (pending.size > 0 || assembling > 0) return;
    worker.unref();
    for (const done of drained.splice(0)) done();
  };
  const forget = (id: number): Pending | undefined => {
    const entry = pending.get(id);
    pending.delete(id);
    idle();
    return entry;
  };
  const failPending = (error: Error): void => {
    for (const id of [...pending.keys()]) forget(id)?.reject(error);
  };

  function attach(): Worker {
    const thread = spawn(workerOptions);
    // The thread keeps the process alive only while it has work (a long poll counts).
    thread.unref();
    let online = false;
    thread.on("message", (message: FromWorker) => {
      if (message.kind === "ready") {
        online = true;
        return;
      }
      const entry = forget(message.id);
      if (message.kind === "response") entry?.resolve(responseOf(message.status, message.body));
      else entry?.reject(Object.assign(new Error(message.message), message.code === undefined ? {} : { code: message.code }));
    });
    thread.on("error", (error: Error) => failPending(error));
    thread.on("exit", () => {
      failPending(new Error("api-thread: the Bot API thread has ended"));
      if (ended !== undefined || worker !== thread) return;
      // A thread that never started would fail again: later calls fail instead of a respawn loop.
      if (!online) ended = new Error("api-thread: the Bot API thread could not start");
      // Died while in use: a fresh thread takes the next calls (auto-retry repeats the failed ones).
      else worker = attach();
    });
    return thread;
  }
  let worker = attach();

  const post = (message: ToWorker): void => worker.postMessage(message);

  function request(url: string, init: ApiRequestInit, body: string | Uint8Array): Promise<ApiResponse> {
    if (ended !== undefined) return Promise.reject(ended);
    const signal = init.signal ?? undefined;
    if (signal?.aborted === true) return Promise.reject(abortError());
    const id = (nextId += 1);
    return new Promise<ApiResponse>((resolve, reject) => {
      const onAbort = (): void => {
        if (forget(id) === undefined) return;
        post({ kind: "abort", id });
        reject(abortError());
      };
      const unlisten = (): void => signal?.removeEventListener("abort", onAbort);
      pending.set(id, {
        resolve: (response) => (unlisten(), resolve(response)),
        reject: (error) => (unlisten(), reject(error)),
      });
      worker.ref();
      signal?.addEventListener("abort", onAbort);
      // Bytes are copied, not transferred: a small Buffer can be a view of Node's shared pool.
      post({ kind: "request", id, url, headers: init.headers ?? {}, body });
    });
  }

  /** JSON calls go out synchronously, so a call made before close() is always waited for. */
  function fetch(url: string, init: ApiRequestInit = {}): Promise<ApiResponse> {
    if (init.body === undefined || typeof init.body === "string") return request(url, init, init.body ?? "");
    assembling += 1;
    const read = bodyOf(init.body);
    const done = (): void => {
      assembling -= 1;
      idle();
    };
    return read.then(
      (body) => {
        const sent = request(url, init, body);
        done();
        return sent;
      },
      (error: unknown) => {
        done();
        throw error;
      },
    );
  }

  async function close(graceMs = DEFAULT_GRACE_MS): Promise<void> {
    if (pending.size > 0 || assembling > 0) {
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, graceMs);
        drained.push(() => (clearTimeout(timer), resolve()));
      });
    }
    ended = new Error("api-thread: closed");
    failPending(ended);
    await worker.terminate();
  }

  return { fetch, close };
}
