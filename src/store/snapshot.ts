// A consistent copy of the data folder, taken while the bot runs: with every file at rest
// (Documents.hold), each file is hard-linked into the snapshot folder. Every write replaces a file
// by rename, so a linked inode never changes afterwards: the pause lasts one link() per file.
import { copyFile, link, mkdir, readdir } from "node:fs/promises";
import { dirname, join, relative, sep } from "node:path";
import { errorCode } from "./durable-file.ts";

/** Names never copied: the lock, the socket, temp files, snapshots (all start with a dot). */
const skipped = (name: string): boolean => name.startsWith(".");

/** Every regular file under `dir` (relative, forward slashes), dot-names left out. */
export async function dataFiles(dir: string, root = dir, found: string[] = []): Promise<string[]> {
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    if (skipped(entry.name)) continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) await dataFiles(path, root, found);
    else if (entry.isFile()) found.push(relative(root, path).split(sep).join("/"));
  }
  return found.sort();
}

/** Links (or, across file systems, copies) every data file into `into`; returns their names. */
export async function linkTree(dataDir: string, into: string): Promise<string[]> {
  const files = await dataFiles(dataDir);
  const made = new Set<string>();
  for (const file of files) {
    const target = join(into, file);
    // One mkdir per folder, not per file: the bot's writes wait while this runs.
    if (!made.has(dirname(target))) {
      await mkdir(dirname(target), { recursive: true });
      made.add(dirname(target));
    }
    try {
      await link(join(dataDir, file), target);
    } catch (error) {
      if (errorCode(error) !== "EXDEV" && errorCode(error) !== "EPERM") throw error;
      await copyFile(join(dataDir, file), target);
    }
  }
  return files;
}
