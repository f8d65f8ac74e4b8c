// LOG_FORMAT=pretty: "12:03:45 INFO  update kind=message ms=12.5" for a terminal. Not pino-pretty: a
// dozen production packages and a worker thread for a convenience; lines are formatted after scrubbing.
const LEVELS: Readonly<Record<number, string>> = { 10: "TRACE", 20: "DEBUG", 30: "INFO", 40: "WARN", 50: "ERROR", 60: "FATAL" };
/** Fields every line has, shown in the prefix or not at all. */
const HIDDEN = new Set(["level", "time", "msg", "app", "pid", "hostname"]);

function value(field: unknown): string {
  if (typeof field === "string") return /[\s="]/.test(field) || field === "" ? JSON.stringify(field) : field;
  return JSON.stringify(field) ?? "undefined";
}

/** One JSON log line as one readable line; a line that is not JSON passes through. */
export function prettyLine(json: string): string {
  let entry: Record<string, unknown>;
  try {
    entry = JSON.parse(json) as Record<string, unknown>;
  } catch {
    return json.endsWith("\n") ? json : `${json}\n`;
  }
  const time = typeof entry["time"] === "number" ? new Date(entry["time"]) : new Date();
  // "12:03:45 GMT+0800 (…)": the local wall clock comes first.
  const clock = time.toTimeString().slice(0, 8);
  const level = (LEVELS[Number(entry["level"])] ?? String(entry["level"])).padEnd(5);
  const fields = Object.entries(entry)
    .filter(([key]) => !HIDDEN.has(key))
    .map(([key, field]) => `${key}=${value(field)}`);
  return `${[clock, level, typeof entry["msg"] === "string" ? entry["msg"] : "", ...fields].filter((part) => part !== "").join(" ")}\n`;
}
