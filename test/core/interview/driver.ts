// Test driver for the interview engine: an officer's session as a list of steps, with the replies
// rendered through the real Fluent files (and findingSentence) so tests read what an officer reads.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { step, type InterviewEvent, type StepResult } from "../../../src/core/interview/engine.ts";
import type { Button, Reply } from "../../../src/core/interview/reply.ts";
import type { InterviewState } from "../../../src/core/interview/state.ts";
import type { Report } from "../../../src/core/report/schema.ts";
import { findingSentence } from "../../../src/findings-text.ts";
import { LOCALES_DIR, translator, type Locale } from "../../../src/i18n.ts";

export const NOW = "2022-01-10T02:00:00.000Z";

export function seedReport(): Report {
  return JSON.parse(readFileSync(join(import.meta.dirname, "..", "..", "fixtures", "seed-2021.report.json"), "utf8")) as Report;
}

export function seedText(): string {
  return readFileSync(join(import.meta.dirname, "..", "..", "fixtures", "seed-2021.txt"), "utf8");
}

/** Keys defined in locales/<locale>/interview.ftl. */
export function ftlKeys(locale: Locale): Set<string> {
  const text = readFileSync(join(LOCALES_DIR, locale, "interview.ftl"), "utf8");
  return new Set([...text.matchAll(/^([a-z][a-z0-9-]*)\s*=/gmu)].map((match) => match[1] ?? ""));
}

export function render(reply: Reply, locale: Locale = "zh-CN"): string {
  if (reply.kind === "document") return `[document final=${reply.final}]`;
  const t = translator(locale);
  const lines = reply.lines.map((line) => ("finding" in line ? findingSentence(t, line.finding) : t(line.key, line.params)));
  return [...lines, ...(reply.mono === undefined ? [] : [reply.mono])].join("\n");
}

export function buttonsOf(result: StepResult): Button[] {
  return result.replies.flatMap((reply) => (reply.kind === "message" ? (reply.buttons ?? []).flat() : []));
}

/** A session: feeds events, counts the officer's interactions, keeps the last result. */
export class Session {
  interactions = 0;
  last: StepResult;
  readonly changes: StepResult["changes"] = [];

  constructor(
    public state: InterviewState,
    private readonly lastYear?: Report,
  ) {
    this.last = { state, replies: [], changes: [] };
  }

  send(event: InterviewEvent): StepResult {
    this.interactions += 1;
    const context = this.lastYear === undefined ? { now: NOW } : { now: NOW, lastYear: this.lastYear };
    this.last = step(this.state, event, context);
    this.state = this.last.state;
    this.changes.push(...this.last.changes);
    return this.last;
  }

  text(text: string): StepResult {
    return this.send({ type: "text", text });
  }

  command(name: Extract<InterviewEvent, { type: "command" }>["name"], arg?: string): StepResult {
    return this.send(arg === undefined ? { type: "command", name } : { type: "command", name, arg });
  }

  /** Taps the (first) button of the last replies whose label key is `key` (and whose params match). */
  tap(key: string, params?: Record<string, string>): StepResult {
    const found = buttonsOf(this.last).find(
      (candidate) =>
        candidate.label.key === key &&
        Object.entries(params ?? {}).every(([name, value]) => candidate.label.params?.[name] === value),
    );
    if (found === undefined) {
      throw new Error(`no button ${key} in:\n${this.last.replies.map((reply) => render(reply)).join("\n---\n")}\n${JSON.stringify(buttonsOf(this.last).map((b) => b.label))}`);
    }
    return this.send({ type: "button", data: found.data });
  }

  rendered(): string {
    return this.last.replies.map((reply) => render(reply)).join("\n---\n");
  }

  hasDocument(final: boolean): boolean {
    return this.last.replies.some((reply) => reply.kind === "document" && reply.final === final);
  }
}
