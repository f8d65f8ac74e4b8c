// One step's scratchpad: a private copy of the state, the replies so far (buttons hold actions,
// encoded with the final version when the step ends) and the cell changes for the store's history.
import type { Finding } from "../report/findings.ts";
import type { Report } from "../report/schema.ts";
import { encodeAction, type Action } from "./callback.ts";
import type { Button, Line, LineParams, Reply } from "./reply.ts";
import type { InterviewState } from "./state.ts";

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
  /**
   * The report's year is not the officer's to change (organisation mode: the office decides which
   * year is collected, and the store, /status, /submit and /summary all go by it).
   */
  readonly yearFixed?: boolean;
}

export interface DraftButton {
  readonly label: { key: string; params?: LineParams };
  readonly action: Action;
}

type Out = { kind: "message"; lines: Line[]; buttons: DraftButton[][]; mono?: string } | { kind: "document"; final: boolean };

export class Turn {
  readonly state: InterviewState;
  readonly changes: CellChange[] = [];
  private readonly out: Out[] = [];

  constructor(
    state: InterviewState,
    readonly context: StepContext,
  ) {
    // Private, without a deep clone per answer: every container a step changes in place is copied
    // one level (the step code mutates only these); everything else stays shared, immutable.
    const report = state.report;
    this.state = {
      ...state,
      report: { ...report, meta: { ...report.meta }, text: { ...report.text }, values: { ...report.values } },
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
    const values = this.state.report.values;
    const old = values[cell];
    if (old === value) return;
    if (value === undefined) delete values[cell];
    else values[cell] = value;
    this.changes.push({ cell, old, new: value });
  }

  setText(id: string, text: string | undefined): void {
    const texts = this.state.report.text;
    const old = texts[id];
    if (old === text) return;
    if (text === undefined) delete texts[id];
    else texts[id] = text;
    this.changes.push({ cell: id, old, new: text });
  }

  setMeta(field: "agency" | "year", value: string | number): void {
    const meta = this.state.report.meta;
    const old = meta[field];
    if (old === value) return;
    if (field === "agency" && typeof value === "string") meta.agency = value;
    if (field === "year" && typeof value === "number") meta.year = value;
    this.changes.push({ cell: `meta.${field}`, old, new: value });
  }

  /** The replies, with every button's action encoded against `version`. */
  replies(version: number): Reply[] {
    return this.out.map((reply): Reply => {
      if (reply.kind === "document") return reply;
      const encoded: Reply = { kind: "message", lines: reply.lines };
      const buttons = reply.buttons
        .filter((row) => row.length > 0)
        .map((row) => row.map((b): Button => ({ label: b.label, data: encodeAction(version, b.action) })));
      if (buttons.length > 0) encoded.buttons = buttons;
      if (reply.mono !== undefined) encoded.mono = reply.mono;
      return encoded;
    });
  }
}

export const findingLine = (finding: Finding): Line => ({ finding });
