// The floor of one acknowledged answer: a durable write of a file the size of the officer's
// report, done the way issue 12 defines the store's write (temp file, fsync, rename, fsync of the
// folder, which makes the rename itself durable), measured on the same disk as the store.
import { mkdir, open, rename, rm } from "node:fs/promises";
import { join } from "node:path";

export interface FloorSample {
  /** write + fsync + rename + fsync of the folder: the floor. */
  readonly durable: number;
  /** The same without the folder's fsync (the floor of earlier rounds). */
  readonly withoutDir: number;
}

export async function fsyncDir(dir: string): Promise<void> {
  const handle = await open(dir, "r");
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** `count` durable writes of `bytes` bytes in `dir`; one sample each. */
export async function measureFloor(dir: string, bytes: number, count: number): Promise<FloorSample[]> {
  await mkdir(dir, { recursive: true });
  const text = "x".repeat(Math.max(1, bytes));
  const target = join(dir, "floor.json");
  const samples: FloorSample[] = [];
  for (let i = 0; i < count; i += 1) {
    const temp = join(dir, `.floor.${i}.tmp`);
    const started = performance.now();
    const handle = await open(temp, "wx");
    try {
      await handle.writeFile(text, "utf8");
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temp, target);
    const written = performance.now();
    await fsyncDir(dir);
    samples.push({ durable: performance.now() - started, withoutDir: written - started });
  }
  await rm(target, { force: true });
  return samples;
}
