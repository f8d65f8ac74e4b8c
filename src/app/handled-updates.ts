// The chat update ids a report record has absorbed (`handled`, kept in the same atomic write as the
// change they made): a re-delivered update finds its id there and changes nothing again.
import { HANDLED_MAX } from "./report-record.ts";

export function rememberUpdate(handled: readonly number[] | undefined, updateId: number | undefined): number[] | undefined {
  if (updateId === undefined) return handled === undefined ? undefined : [...handled];
  return [...(handled ?? []), updateId].slice(-HANDLED_MAX);
}

export function wasHandled(handled: readonly number[] | undefined, updateId: number | undefined): boolean {
  return updateId !== undefined && handled?.includes(updateId) === true;
}
