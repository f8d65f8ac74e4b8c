// What a value cell prints: the number as given (0, 64, 12.5), or nothing when unanswered — never 0.
import type { Values } from "../report/schema.ts";

export function cellText(values: Values, id: string): string {
  const value = values[id];
  return value === undefined ? "" : String(value);
}
