// A whole 一、总体情况 pasted at once, cut at its （一）…（五） leads (spec "Document outline"). Pastes
// from a portal or PDF run the parts together, so leads are found anywhere, in order; 「1.」「一是」 are
// enumerations. A later heading (二、…六、) ends 一: what follows is left out, and said so.
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

/** Per led part: its 「（一）」 (half-width brackets too) and the title words after it (「主动公开情况」). */
const MARKERS = LED_PARTS.map((part) => {
  const lead = part.lead ?? "";
  const close = lead.indexOf("）");
  return { id: part.id, pattern: new RegExp(`[（(]${lead.slice(1, close)}[）)]`, "u"), title: lead.slice(close + 1) };
});
type Marker = (typeof MARKERS)[number];

/** 「一、总体情况」 and the later headings, by numeral and the first words of their titles. */
function headingPattern(heading: string): RegExp {
  const [numeral = "", title = ""] = heading.split("、");
  return new RegExp(`${numeral}[、，,．.]\\s*${title.slice(0, 4)}`, "u");
}
const S1_HEADING = headingPattern(SECTIONS.find((section) => section.key === "s1")?.heading ?? "一、总体情况");
const LATER_HEADINGS = SECTIONS.filter((section) => section.key !== "s1").map((section) => headingPattern(section.heading));

interface SplitResult {
  /** Narrative id → text, for every part the paste contained. */
  readonly parts: Record<string, string>;
  /** Characters from a later section's heading on, which are not part of 一 and were left out. */
  readonly leftOut: string;
}

/** Strips the lead's title words (「主动公开情况。」, 「主动公开方面」 or a variant) after the numeral. */
function stripTitle(text: string, marker: Marker): string {
  const exact = text.startsWith(marker.title) ? marker.title : undefined;
  const variant = exact ?? /^[^。：:，,\s]{1,20}(?:情况|方面)(?=[\s。：:，,]|$)/u.exec(text)?.[0];
  return (variant === undefined ? text : text.slice(variant.length)).replace(/^[\s\u3000。：:．.，,]+/u, "");
}

interface Lead { readonly at: number; readonly end: number; readonly marker: Marker }

/** The leads in order, each searched after the previous one (a missing numeral is passed over). */
function findLeads(text: string, from: number): Lead[] {
  const leads: Lead[] = [];
  let cursor = from;
  for (const marker of MARKERS) {
    const match = marker.pattern.exec(text.slice(cursor));
    if (match === null) continue;
    const at = cursor + match.index;
    leads.push({ at, end: at + match[0].length, marker });
    cursor = at + match[0].length;
  }
  return leads;
}

const atLineStart = (text: string, at: number): boolean => /(?:^|\n)[\s\u3000]*$/u.test(text.slice(0, at));

/**
 * s1 parts of a paste with the heading, two or more leads, or one lead at a line start (else undefined).
 * The lead-less opening is s1.summary, or the part being answered when the paste does not name it.
 */
export function splitSection1(text: string, current?: string): SplitResult | undefined {
  const heading = S1_HEADING.exec(text);
  const bodyFrom = heading === null ? 0 : heading.index + heading[0].length;
  const later = LATER_HEADINGS.map((pattern) => pattern.exec(text.slice(bodyFrom))).filter((match) => match !== null);
  const stop = later.length === 0 ? text.length : bodyFrom + Math.min(...later.map((match) => match.index));
  const all = findLeads(text.slice(0, stop), bodyFrom);
  // The heading and a lead at a line start are clear; a single lead inside a sentence is a mention.
  const leads = heading === null && all.length === 1 && !atLineStart(text, all[0]?.at ?? 0) ? [] : all;
  if (leads.length === 0 && heading === null) return undefined;
  const parts: Record<string, string> = {};
  const put = (id: string | undefined, body: string): void => {
    const clean = normaliseNarrative(body);
    if (id !== undefined && clean !== "") parts[id] = clean;
  };
  const firstLead = leads[0]?.at ?? stop;
  if (heading !== null) {
    put(INTRO?.id, text.slice(0, heading.index));
    put(SUMMARY?.id, text.slice(bodyFrom, firstLead).replace(/^[\s\u3000。：:，,]+/u, ""));
  } else {
    const named = leads.some((lead) => lead.marker.id === current);
    const led = MARKERS.some((marker) => marker.id === current);
    put(led && !named ? current : SUMMARY?.id, text.slice(0, firstLead));
  }
  leads.forEach((lead, index) => {
    const end = leads[index + 1]?.at ?? stop;
    put(lead.marker.id, stripTitle(text.slice(lead.end, end).replace(/^[\s\u3000]+/u, ""), lead.marker));
  });
  return { parts, leftOut: text.slice(stop).trim() };
}
