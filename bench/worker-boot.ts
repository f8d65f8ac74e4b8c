// Starts one of the bench's TypeScript worker threads and resolves once it reports ready.
import { Worker } from "node:worker_threads";

export async function startBenchWorker<Ready extends { kind: "ready" }, Other>(file: string, onMessage: (message: Other) => void): Promise<{ worker: Worker; ready: Ready }> {
  // A worker does not inherit tsx's loader: register it inside before importing the TypeScript.
  const tsx = import.meta.resolve("tsx/esm/api");
  const script = new URL(file, import.meta.url).href;
  const boot = `import(${JSON.stringify(tsx)}).then((m) => { m.register(); return import(${JSON.stringify(script)}); });`;
  const worker = new Worker(boot, { eval: true });
  const ready = await new Promise<Ready>((resolve, reject) => {
    worker.once("error", reject);
    worker.on("message", (message: Ready | Other) => {
      if (typeof message === "object" && message !== null && (message as { kind?: unknown }).kind === "ready") resolve(message as Ready);
      else onMessage(message as Other);
    });
  });
  return { worker, ready };
}
