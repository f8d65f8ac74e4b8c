// The outline (title, intro, the six sections; spec "Document outline"), the narrative and the meta.
// Headings are recognised by numeral and wording, in order: 「一、本年新收…申请数量 3 0 1」 is a table row.
import { NARRATIVE_IDS, NARRATIVE_PARTS, SECTIONS, type SectionKey, TITLE_SUFFIX } from "../report/narrative.ts";
import type { ReportMeta } from "../report/schema.ts";
import type { ImportNote } from "./import-result.ts";
import { clean, compact, labelKey, similarity } from "./normalise.ts";
import type { Block } from "./rows.ts";

interface Outline {
  readonly title: string | null;
  /** Without a title, what precedes 一 is page furniture. */
  readonly intro: readonly string[];
  readonly sections: ReadonlyMap<SectionKey, readonly Block[]>;
}

const HEADING = /^\s*([一二三四五六])\s*[、.．]/u;
// Web-page furniture between a title and the text.
const FURNITURE = /^(索引号|发布机构|发布日期|发布时间|发文日期|成文日期|来源|信息来源|字号|浏览|访问量|点击|打印|关闭|分享|【)/u;

/** The section a heading line opens (after section `after`), or -1. */
export function headingIndex(text: string, after: number): number {
  const match = HEADING.exec(text);
  if (match === null || text.length > 60) return -1;
  const index = "一二三四五六".indexOf(match[1] ?? "");
  const section = SECTIONS[index];
  if (section === undefined || index <= after) return -1;
  return similarity(labelKey(text), labelKey(section.heading)) >= 0.5 ? index : -1;
}

export function outline(blocks: readonly Block[]): Outline {
  let title: string | null = null;
  const intro: string[] = [];
  const sections = new Map<SectionKey, Block[]>();
  let current = -1;
  // A title on two lines (「淮安市人民政府办公室」 / 「2024年政府信息公开…」): the line before is the agency.
  let before: string | null = null;
  for (const block of blocks) {
    if (block.kind === "paragraph") {
      const index = headingIndex(block.text, current);
      if (index !== -1) {
        current = index;
        const section = SECTIONS[index];
        if (section !== undefined) sections.set(section.key, []);
        continue;
      }
      if (current === -1) {
        if (title === null && compact(block.text).includes(TITLE_SUFFIX)) {
          const opensWithYear = /^((19|20)\d{2}年度?)?政府信息公开/u.test(compact(block.text));
          title = opensWithYear && before !== null ? `${before}${block.text.trim()}` : block.text.trim();
        } else if (title === null && block.text.trim() !== "") {
          // Only a bare name: not page furniture, no breadcrumb or sentence marks.
          const line = block.text.trim();
          before = line.length <= 40 && !FURNITURE.test(compact(line)) && !/[>：:|/，。]/u.test(line) ? line : null;
        }
        else if (title !== null && block.text.trim() !== "" && !FURNITURE.test(compact(block.text))) intro.push(block.text.trim());
        continue;
      }
    }
    const key = SECTIONS[current]?.key;
    if (key !== undefined) sections.get(key)?.push(block);
  }
  return { title, intro, sections };
}

const LEAD = /^\s*[（(]\s*([一二三四五六七八九十])\s*[）)]\s*/u;
// Template placeholders such as 「（文字描述）」 are not text.
const PLACEHOLDER = /^\(.*文字描述.*\)$/u;

function paragraphsOf(blocks: readonly Block[] | undefined): string[] {
  return (blocks ?? [])
    .flatMap((block) => (block.kind === "paragraph" ? clean(block.text).split("\n") : []))
    .map((text) => text.trim())
    .filter((text) => text !== "" && !PLACEHOLDER.test(compact(text)));
}

/** 「（一）主动公开情况。区应急……」 → 「区应急……」 (the renderer prints the lead); null without the numeral. */
function afterLead(text: string, lead: string): { text: string; worded: boolean } | null {
  const marker = LEAD.exec(text);
  const leadMarker = LEAD.exec(lead);
  if (marker === null || leadMarker === null || marker[1] !== leadMarker[1]) return null;
  const rest = text.slice(marker[0].length);
  const words = labelKey(lead);
  const stop = rest.search(/[。：:．]/u);
  if (stop !== -1 && stop <= 30 && similarity(labelKey(rest.slice(0, stop)), words) >= 0.5) return { text: rest.slice(stop + 1).trim(), worded: true };
  if (stop === -1 && similarity(labelKey(rest), words) >= 0.6) return { text: "", worded: true };
  // 「（一）本年度主动公开信息585条……」: a part without its lead words keeps its text.
  return { text: rest.trim(), worded: false };
}

function sectionOne(paragraphs: readonly string[]): Map<string, string[]> {
  const parts = new Map<string, string[]>();
  const led = NARRATIVE_PARTS.filter((part) => part.section === "s1" && part.lead !== undefined);
  let current = NARRATIVE_PARTS.find((part) => part.section === "s1" && part.lead === undefined)?.id ?? "s1.summary";
  let position = -1;
  for (const paragraph of paragraphs) {
    // Leads come in order; a later （一） inside a part is the part's own enumeration.
    // A skipped part is accepted only when the lead's words are there.
    const next = led.findIndex((part, index) => index > position && part.lead !== undefined && afterLead(paragraph, part.lead) !== null);
    const part = led[next];
    const found = part?.lead === undefined ? null : afterLead(paragraph, part.lead);
    if (part !== undefined && found !== null && (next === position + 1 || found.worded)) {
      position = next;
      current = part.id;
      parts.set(current, found.text === "" ? [] : [found.text]);
      continue;
    }
    parts.set(current, [...(parts.get(current) ?? []), paragraph]);
  }
  return parts;
}

export function readNarrative(doc: Outline): Record<string, string> {
  const text: Record<string, string> = {};
  const put = (id: string, paragraphs: readonly string[]): void => {
    if (paragraphs.length > 0) text[id] = paragraphs.join("\n\n");
  };
  put("intro", doc.intro.filter((paragraph) => !PLACEHOLDER.test(compact(paragraph))));
  for (const [id, paragraphs] of sectionOne(paragraphsOf(doc.sections.get("s1")))) put(id, paragraphs);
  for (const part of NARRATIVE_PARTS) {
    if (part.section === null || part.section === "s1") continue;
    put(part.id, paragraphsOf(doc.sections.get(part.section)));
  }
  return text;
}

const YEAR = /((?:19|20)\d{2})\s*年度?/u;

function plausibleYear(text: string | undefined): number | undefined {
  const year = Number(text);
  return Number.isInteger(year) && year >= 2000 && year <= 2100 ? year : undefined;
}

export function readMeta(title: string | null, text: Readonly<Record<string, string>>): { meta: ReportMeta; notes: ImportNote[] } {
  const notes: ImportNote[] = [];
  const meta: ReportMeta = {};
  const plain = (title ?? "").normalize("NFKC").replace(/\s+/gu, "");
  const head = plain.includes(TITLE_SUFFIX) ? plain.slice(0, plain.indexOf(TITLE_SUFFIX)) : "";
  const titleYear = YEAR.exec(head);
  const year = plausibleYear(titleYear?.[1]);
  const agency = (titleYear === null ? head : head.replace(titleYear[0], ""))
    .replace(/^关于/u, "")
    .replace(/(关于|的)$/u, "")
    .trim();
  if (agency !== "") meta.agency = agency.slice(0, 200);
  else notes.push({ code: "agency-missing" });
  if (year !== undefined) {
    meta.year = year;
  } else {
    const narrative = NARRATIVE_IDS.map((id) => text[id] ?? "").join("\n").normalize("NFKC");
    const inferred = plausibleYear(/(20\d{2})\s*年/u.exec(narrative)?.[1]);
    if (inferred !== undefined) {
      meta.year = inferred;
      notes.push({ code: "year-inferred", params: { year: inferred } });
    } else {
      notes.push({ code: "year-missing" });
    }
  }
  return { meta, notes };
}
