// A stored file's bytes once every write started so far has settled (each update is durable in its
// file when it resolves; this only waits for writes still in flight).
import { readFile } from "node:fs/promises";
import type { Store } from "../../src/store/store.ts";

export async function storedFile(store: Store, file: string): Promise<Buffer> {
  await store.flush();
  return readFile(file);
}
