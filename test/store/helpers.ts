// Shared test helpers for the store: temp folders and a logger that remembers what it was told.
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { StoreLogger } from "../../src/store/report-repository.ts";

export const silentLogger: StoreLogger = { warn: () => undefined, error: () => undefined };

export interface RecordingLogger extends StoreLogger {
  readonly warnings: { obj: object; msg: string }[];
  readonly errors: { obj: object; msg: string }[];
}

export function recordingLogger(): RecordingLogger {
  const warnings: { obj: object; msg: string }[] = [];
  const errors: { obj: object; msg: string }[] = [];
  return {
    warnings,
    errors,
    warn: (obj, msg) => warnings.push({ obj, msg }),
    error: (obj, msg) => errors.push({ obj, msg }),
  };
}

export async function tempDir(): Promise<{ dir: string; cleanup: () => Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), "nianbao-store-"));
  return { dir, cleanup: () => rm(dir, { recursive: true, force: true }) };
}
