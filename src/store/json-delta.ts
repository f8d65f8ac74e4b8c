// The journal's record of one change: the difference between two versions of a JSON document as a
// few path operations. The store never mutates a stored document (a new version shares every
// unchanged part with the old one), so unchanged subtrees are skipped by reference and an answer
// costs a few operations whatever the size of the report; an array that only grew (the history)
// is recorded as its new items.

export type JsonPath = readonly string[];

export type DeltaOp =
  /** Sets the value at the path (the whole document when the path is empty). */
  | readonly ["set", JsonPath, unknown]
  /** Removes the key at the path. */
  | readonly ["del", JsonPath]
  /** Keeps the first `at` items of the array at the path and appends `items`. */
  | readonly ["push", JsonPath, number, readonly unknown[]];

type JsonObject = Record<string, unknown>;

function isObject(value: unknown): value is JsonObject {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** True when `after` is `before` with items appended (items compared by identity). */
function grewFrom(before: readonly unknown[], after: readonly unknown[]): boolean {
  if (after.length < before.length) return false;
  for (let i = 0; i < before.length; i += 1) if (before[i] !== after[i]) return false;
  return true;
}

function diffInto(ops: DeltaOp[], path: string[], before: unknown, after: unknown): void {
  if (before === after) return;
  if (isObject(before) && isObject(after)) {
    for (const key of Object.keys(before)) {
      // JSON drops undefined members, so a member set to undefined counts as removed.
      if (before[key] !== undefined && after[key] === undefined) ops.push(["del", [...path, key]]);
    }
    for (const key of Object.keys(after)) {
      const next = after[key];
      if (next === undefined) continue;
      const previous = before[key];
      if (previous === undefined) ops.push(["set", [...path, key], next]);
      else {
        path.push(key);
        diffInto(ops, path, previous, next);
        path.pop();
      }
    }
    return;
  }
  if (Array.isArray(before) && Array.isArray(after) && grewFrom(before, after)) {
    if (after.length > before.length) ops.push(["push", [...path], before.length, after.slice(before.length)]);
    return;
  }
  ops.push(["set", [...path], after]);
}

/** The operations that turn `before` into `after` (both JSON-like; `null` is a value). */
export function diffJson(before: unknown, after: unknown): DeltaOp[] {
  const ops: DeltaOp[] = [];
  diffInto(ops, [], before, after);
  return ops;
}

export class DeltaError extends Error {
  constructor(message: string) {
    super(`journal: ${message}`);
    this.name = "DeltaError";
  }
}

/** The object at `path` inside `root` (which the caller owns); throws when the path does not lead to one. */
function parentOf(root: unknown, path: JsonPath): JsonObject {
  let node = root;
  for (const key of path) {
    if (!isObject(node) || !Object.hasOwn(node, key) || !isObject(node[key])) throw new DeltaError(`path ${JSON.stringify(path)} does not lead to an object`);
    node = node[key];
  }
  if (!isObject(node)) throw new DeltaError(`path ${JSON.stringify(path)} does not lead to an object`);
  return node;
}

/**
 * Applies `ops` to `doc`, mutating it (the caller owns it: replay works on freshly parsed files),
 * and returns the result (a new value when the whole document is set). Throws DeltaError when an
 * operation does not fit the document, which means the entry was made from another version.
 */
export function applyDelta(doc: unknown, ops: readonly DeltaOp[]): unknown {
  let root = doc;
  for (const op of ops) {
    const path = op[1];
    if (path.length === 0 && op[0] === "set") {
      root = structuredClone(op[2]);
      continue;
    }
    if (path.length === 0 && op[0] === "del") throw new DeltaError("del needs a path");
    const parent = path.length === 0 ? undefined : parentOf(root, path.slice(0, -1));
    const key = path[path.length - 1] as string;
    if (op[0] === "set") Object.defineProperty(parent, key, { value: structuredClone(op[2]), writable: true, enumerable: true, configurable: true });
    else if (op[0] === "del") delete parent?.[key];
    else {
      const list = parent === undefined ? root : parent[key];
      if (!Array.isArray(list) || list.length < op[2]) throw new DeltaError(`cannot append at ${op[2]} to ${JSON.stringify(path)}`);
      list.length = op[2];
      list.push(...structuredClone(op[3]));
    }
  }
  return root;
}
