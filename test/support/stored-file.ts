// Report files are written lazily (answers are durable in the store's journal first): a test that
// compares a file's bytes asks the store to write every journaled change, then reads the file.
import { readFile } from "node:fs/promises";
import type { Store } from "../../src/store/store.ts";

export async function storedFile(store: Store, file: string): Promise<Buffer> {
  await store.flush();
  return readFile(file);
}
