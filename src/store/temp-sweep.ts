// Removes the temp files a killed process left behind (`.<name>.<pid>.<n>.tmp`, see durable-file.ts).
// They are never read, so this runs in the background after the store opens; only one process
// uses a data folder at a time, so a temp file with another pid belongs to a dead process, and
// this process's own (a write in progress) are left alone.
import { readdir, rm } from "node:fs/promises";
import { join } from "node:path";

const TEMP = /^\..+\.(\d+)\.\d+\.tmp$/;

/** Deletes stray temp files under `dir` (recursively); resolves with how many. */
export async function sweepTempFiles(dir: string, ownPid: number): Promise<number> {
  let removed = 0;
  const folders = [dir];
  for (let folder = folders.pop(); folder !== undefined; folder = folders.pop()) {
    let entries;
    try {
      entries = await readdir(folder, { withFileTypes: true });
    } catch {
      continue; // removed meanwhile, or unreadable: nothing of ours to clean there
    }
    for (const entry of entries) {
      const path = join(folder, entry.name);
      if (entry.isDirectory()) {
        folders.push(path);
        continue;
      }
      const match = TEMP.exec(entry.name);
      if (match === null || Number(match[1]) === ownPid) continue;
      await rm(path, { force: true });
      removed += 1;
    }
  }
  return removed;
}
