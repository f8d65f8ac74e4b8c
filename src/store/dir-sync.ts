// Group commit for folder fsyncs. A rename is durable once its folder is fsynced; when many writes
// land in one folder at once (every department's index shard lives in index/reports/), one fsync
// that starts after all their renames makes them all durable. A caller is only released by an
// fsync that began after it asked, so no rename is acknowledged by an fsync that could miss it.
import { open } from "node:fs/promises";

interface Folder {
  /** The fsync running now (it may have started before the waiting renames). */
  running: Promise<void> | undefined;
  /** The next fsync, shared by everyone who asked while `running` was in flight. */
  next: Promise<void> | undefined;
}

const folders = new Map<string, Folder>();

async function fsyncFolder(dir: string): Promise<void> {
  const handle = await open(dir, "r");
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

function start(dir: string, folder: Folder): Promise<void> {
  const run = fsyncFolder(dir);
  folder.running = run;
  const settle = (): void => {
    if (folder.running === run) folder.running = undefined;
    if (folder.running === undefined && folder.next === undefined && folders.get(dir) === folder) folders.delete(dir);
  };
  run.then(settle, settle);
  return run;
}

/** Resolves once an fsync of `dir` that started after this call has completed. */
export function syncDir(dir: string): Promise<void> {
  let folder = folders.get(dir);
  if (folder === undefined) {
    folder = { running: undefined, next: undefined };
    folders.set(dir, folder);
  }
  const running = folder.running;
  if (running === undefined) return start(dir, folder);
  if (folder.next !== undefined) return folder.next;
  const f = folder;
  const after = running.then(
    () => undefined,
    () => undefined,
  );
  f.next = after.then(() => {
    f.next = undefined;
    return start(dir, f);
  });
  return f.next;
}
