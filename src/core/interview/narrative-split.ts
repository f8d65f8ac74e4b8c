// A whole 一、总体情况 pasted in one message: cut it at its （一）…（五） leads into the narrative
// parts, the lead-less opening into s1.summary and anything before the heading into intro.
// Reference: spec report-format.md, "Document outline" (a part's text excludes its lead).
import { NARRATIVE_PARTS, SECTIONS } from "../report/narrative.ts";

/** Paragraphs separated by one blank line, each trimmed (full-width indents included). */
export function normaliseNarrative(text: string): string {
  return text
    .split(/\r?\n/u)
    .map((row) => row.replace(/^[\s\u3000]+|[\s\u3000]+$/gu, ""))
    .filter((row) => row !== "")
    .join("\n\n");
}

const LED_PARTS = NARRATIVE_PARTS.filter((part) => part.section === "s1" && part.lead !== undefined);
const SUMMARY = NARRATIVE_PARTS.find((part) => part.section === "s1" && part.lead === undefined);
const INTRO = NARRATIVE_PARTS.find((part) => part.section === null);
const HEADING = SECTIONS.find((section) => section.key === "s1")?.heading ?? "";

interface Marker {
  readonly id: string;
  /** 「（一）」, matched with half-width brackets too. */
  readonly numeral: string;
  /** 「主动公开情况」 */
  readonly title: string;
}

const MARKERS: readonly Marker[] = LED_PARTS.map((part) => {
  const lead = part.lead ?? "";
  const close = lead.indexOf("）");
  return { id: part.id, numeral: lead.slice(1, close), title: lead.slice(close + 1) };
});

export interface SplitResult {
  /** Narrative id → text, for every part the paste contained. */
  readonly parts: Record<string, string>;
}

function startPattern(marker: Marker): RegExp {
  return new RegExp(`^[\\s\\u3000]*[（(]${marker.numeral}[）)]`, "u");
}

/** Strips the lead's title words (「主动公开情况。」 or a variant ending in 情况) after the numeral. */
function stripTitle(text: string, marker: Marker): string {
  const exact = text.startsWith(marker.title) ? text.slice(marker.title.length) : undefined;
  const rest = exact ?? /^[^。：:\n]{1,20}情况(?=[。：:\n]|$)/u.exec(text)?.[0];
  const after = exact ?? (rest === undefined ? text : text.slice(rest.length));
  return after.replace(/^[。：:．.，,\s]+/u, "");
}

/**
 * Splits a paste into s1 parts when it carries at least one （一）…（五） lead at a line start or the
 * 一、总体情况 heading; returns undefined for plain text (one part's answer). The lead-less opening
 * goes to s1.summary, except when the officer answers a led part the paste does not name: then it
 * is that part's text (「区应急管理局按照…」 followed by a pasted （二）).
 */
export function splitSection1(text: string, current?: string): SplitResult | undefined {
  const lines = text.split(/\r?\n/u);
  const headingAt = lines.findIndex((row) => row.trim().startsWith(HEADING));
  const starts: { line: number; marker: Marker }[] = [];
  lines.forEach((row, index) => {
    const marker = MARKERS.find((candidate) => startPattern(candidate).test(row));
    if (marker !== undefined && !starts.some((start) => start.marker === marker)) starts.push({ line: index, marker });
  });
  if (starts.length === 0 && headingAt < 0) return undefined;
  const parts: Record<string, string> = {};
  const put = (id: string | undefined, body: string): void => {
    const clean = normaliseNarrative(body);
    if (id !== undefined && clean !== "") parts[id] = clean;
  };
  const firstLead = starts[0]?.line ?? lines.length;
  if (headingAt >= 0 && headingAt < firstLead) {
    put(INTRO?.id, lines.slice(0, headingAt).join("\n"));
    const headingRest = (lines[headingAt] ?? "").trim().slice(HEADING.length);
    put(SUMMARY?.id, [headingRest, ...lines.slice(headingAt + 1, firstLead)].join("\n"));
  } else {
    const named = starts.some((start) => start.marker.id === current);
    const led = MARKERS.some((marker) => marker.id === current);
    put(led && !named ? current : SUMMARY?.id, lines.slice(0, firstLead).join("\n"));
  }
  starts.forEach((start, index) => {
    const end = starts[index + 1]?.line ?? lines.length;
    const first = (lines[start.line] ?? "").replace(startPattern(start.marker), "");
    put(start.marker.id, [stripTitle(first.trimStart(), start.marker), ...lines.slice(start.line + 1, end)].join("\n"));
  });
  return { parts };
}

export const SECTION1_PART_IDS: readonly string[] = [INTRO, SUMMARY, ...LED_PARTS].flatMap((part) =>
  part === undefined ? [] : [part.id],
);
