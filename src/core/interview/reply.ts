// What the engine says, as data: Fluent keys with params (locales/*/interview.ftl), findings for
// the shell to phrase with findingSentence, and buttons whose callback data carries the state version.
import type { Finding } from "../report/findings.ts";

export type LineParams = Record<string, string | number>;

/** A Fluent key from interview.ftl, or a checker finding the shell renders with findingSentence. */
export type Line = { key: string; params?: LineParams } | { finding: Finding };

export interface Button {
  /** Always a Fluent key line (never a finding). */
  readonly label: { key: string; params?: LineParams };
  /** Callback data, ≤ 64 bytes, e.g. `v12:g:y`. */
  readonly data: string;
}

export type Reply =
  | { kind: "message"; lines: Line[]; buttons?: Button[][]; mono?: string }
  | { kind: "document"; final: boolean };

/** Numbers go out as strings: Fluent would group digits (2,021) and cut decimals of 万元. */
export function plainParams(params: LineParams): Record<string, string> {
  return Object.fromEntries(Object.entries(params).map(([name, value]) => [name, String(value)]));
}

export function line(key: string, params?: LineParams): Line {
  return params === undefined ? { key } : { key, params: plainParams(params) };
}

/** Lays buttons out `perRow` to a keyboard row. */
export function grid<T>(buttons: readonly T[], perRow: number): T[][] {
  const rows: T[][] = [];
  for (let i = 0; i < buttons.length; i += perRow) rows.push(buttons.slice(i, i + perRow));
  return rows;
}
