// What the engine says, as data (interview.ftl keys, findings, buttons carrying the state version),
// and the Turn that gathers one step's replies and cell changes on a private copy of the state.
import type { Finding } from "../report/findings.ts";
import type { Report } from "../report/schema.ts";
import { encodeAction, type Action } from "./callback.ts";
import type { InterviewState } from "./state.ts";

export type LineParams = Record<string, string | number>;

type KeyLine = { key: string; params?: LineParams };
/** A Fluent key from interview.ftl, or a checker finding the shell renders with findingSentence. */
export type Line = KeyLine | { finding: Finding };

export interface Button {
  readonly label: KeyLine;
  /** Callback data, ≤ 64 bytes, e.g. `v12:g:y`. */
  readonly data: string;
}

type Message<B> = { kind: "message"; lines: Line[]; buttons?: B[][]; mono?: string };

export type Reply = Message<Button> | { kind: "document"; final: boolean };

/** Numbers go out as strings: Fluent would group digits (2,021) and cut decimals of 万元. */
function plainParams(params: LineParams): Record<string, string> {
  return Object.fromEntries(Object.entries(params).map(([name, value]) => [name, String(value)]));
}

export function line(key: string, params?: LineParams): Line {
  return params === undefined ? { key } : { key, params: plainParams(params) };
}

export function grid<T>(buttons: readonly T[], perRow: number): T[][] {
  const rows: T[][] = [];
  for (let i = 0; i < buttons.length; i += perRow) rows.push(buttons.slice(i, i + perRow));
  return rows;
}

/** The first `chars` characters of a text, with … when it goes on. */
export const preview = (text: string, chars: number): string =>
  text.length > chars ? `${text.slice(0, chars)}…` : text;

export interface CellChange {
  /** Cell id, narrative id, or `meta.agency` / `meta.year`. */
  readonly cell: string;
  readonly old: number | string | undefined;
  readonly new: number | string | undefined;
}

export interface StepContext {
  /** ISO time of the event. */
  readonly now: string;
  readonly lastYear?: Report;
  /** Organisation mode: the office decides which year is collected, not the officer. */
  readonly yearFixed?: boolean;
}

/** A button before the step ends: its action is encoded once the new version is known. */
export interface DraftButton {
  readonly label: KeyLine;
  readonly action: Action;
}

export const btn = (key: string, action: Action, params?: LineParams): DraftButton =>
  params === undefined ? { label: { key }, action } : { label: { key, params: plainParams(params) }, action };

export const cancelButton = (): DraftButton => btn("interview-btn-cancel", { type: "confirm", yes: false });

/** Confirms what is pending, beside 「取消」. */
export const confirmRow = (key: string): DraftButton[] => [btn(key, { type: "confirm", yes: true }), cancelButton()];

export class Turn {
  readonly state: InterviewState;
  readonly changes: CellChange[] = [];
  private readonly out: (Message<DraftButton> | { kind: "document"; final: boolean })[] = [];
  /** The report as the step found it: its parts stay shared until the step changes them. */
  private readonly found: Report;

  constructor(
    state: InterviewState,
    readonly context: StepContext,
  ) {
    // No deep clone per answer: only the containers step code mutates are copied, one level (the
    // report's parts on their first change, so an unchanged part stays the stored object).
    this.found = state.report;
    this.state = {
      ...state,
      report: { ...state.report },
      stack: [...state.stack],
      skipped: [...state.skipped],
      gates: { ...state.gates },
      acknowledged: [...state.acknowledged],
    };
  }

  say(lines: Line[], buttons: DraftButton[][] = [], mono?: string): void {
    this.out.push(mono === undefined ? { kind: "message", lines, buttons } : { kind: "message", lines, buttons, mono });
  }

  document(final: boolean): void {
    this.out.push({ kind: "document", final });
  }

  setValue(cell: string, value: number | undefined): void {
    if (this.state.report.values[cell] !== value) this.put(this.own("values"), cell, value);
  }

  setText(id: string, text: string | undefined): void {
    if (this.state.report.text[id] !== text) this.put(this.own("text"), id, text);
  }

  setMeta<K extends "agency" | "year">(field: K, value: NonNullable<Report["meta"][K]>): void {
    const old = this.state.report.meta[field];
    if (old === value) return;
    this.own("meta")[field] = value;
    this.note(`meta.${field}`, old, value);
  }

  /** The step's own copy of a part of the report, made on its first change. */
  private own<P extends "meta" | "text" | "values">(part: P): Report[P] {
    const report = this.state.report;
    if (report[part] !== this.found[part]) return report[part];
    // A null-prototype dictionary: values gains cell ids per answer, and each new shape of an ordinary object made
    // V8's lookups by cell id miss their caches. Copied key by key: a spread or Object.assign of one is slower.
    const from: Record<string, unknown> = report[part];
    const copy: Report[P] = Object.create(null);
    const into: Record<string, unknown> = copy;
    for (const key of Object.keys(from)) into[key] = from[key];
    report[part] = copy;
    return copy;
  }

  private put<T extends number | string>(record: Record<string, T>, key: string, value: T | undefined): void {
    const old = record[key];
    if (old === value) return;
    if (value === undefined) delete record[key];
    else record[key] = value;
    this.note(key, old, value);
  }

  /** One change per cell, net of the step: a cell set back to where it started is no change (step relies on it). */
  private note(cell: string, old: CellChange["old"], value: CellChange["new"]): void {
    const index = this.changes.findIndex((change) => change.cell === cell);
    const first = index < 0 ? old : this.changes.splice(index, 1)[0]?.old;
    if (first !== value) this.changes.push({ cell, old: first, new: value });
  }

  /** The replies, with every button's action encoded against `version`. */
  replies(version: number): Reply[] {
    return this.out.map((reply): Reply => {
      if (reply.kind === "document") return reply;
      const { buttons, ...message } = reply;
      const rows = (buttons ?? []).filter((row) => row.length > 0);
      if (rows.length === 0) return message;
      const encoded = rows.map((row) => row.map((b) => ({ label: b.label, data: encodeAction(version, b.action) })));
      return { ...message, buttons: encoded };
    });
  }
}
