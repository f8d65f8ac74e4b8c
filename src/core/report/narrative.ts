// The document outline and its narrative parts. Reference: spec report-format.md, "Document outline".

export const TITLE_SUFFIX = "政府信息公开工作年度报告";
/** The opening paragraph has no printed heading; this is its name in the outline (document vocabulary, like the headings). */
export const INTRO_LABEL = "开头段落";

export type SectionKey = "s1" | "s2" | "s3" | "s4" | "s5" | "s6";

export interface Section {
  readonly key: SectionKey;
  /** Exact heading text, e.g. 「一、总体情况」. */
  readonly heading: string;
  /** The table printed under this heading, if any. */
  readonly table?: 2 | 3 | 4;
}

export const SECTIONS: readonly Section[] = [
  { key: "s1", heading: "一、总体情况" },
  { key: "s2", heading: "二、主动公开政府信息情况", table: 2 },
  { key: "s3", heading: "三、收到和处理政府信息公开申请情况", table: 3 },
  { key: "s4", heading: "四、政府信息公开行政复议、行政诉讼情况", table: 4 },
  { key: "s5", heading: "五、存在的主要问题及改进情况" },
  { key: "s6", heading: "六、其他需要报告的事项" },
];

export interface NarrativePart {
  readonly id: string;
  /** The section it is printed under; null for the opening paragraph before 一. */
  readonly section: SectionKey | null;
  /** The bold lead the renderer prints before the text, e.g. 「（一）主动公开情况」. */
  readonly lead?: string;
  /** Optional parts may stay empty in a final report. */
  readonly optional: boolean;
}

export const NARRATIVE_PARTS: readonly NarrativePart[] = [
  { id: "intro", section: null, optional: true },
  { id: "s1.summary", section: "s1", optional: true },
  { id: "s1.active", section: "s1", lead: "（一）主动公开情况", optional: false },
  { id: "s1.onRequest", section: "s1", lead: "（二）依申请公开情况", optional: false },
  { id: "s1.management", section: "s1", lead: "（三）政府信息管理情况", optional: false },
  { id: "s1.platform", section: "s1", lead: "（四）政府信息公开平台建设情况", optional: false },
  { id: "s1.oversight", section: "s1", lead: "（五）监督保障情况", optional: false },
  { id: "s5.problems", section: "s5", optional: false },
  { id: "s6.other", section: "s6", optional: false },
];

export const NARRATIVE_IDS: readonly string[] = NARRATIVE_PARTS.map((part) => part.id);

/** The parts printed under a section (null: the opening paragraph before 一), in order. */
export function partsIn(section: SectionKey | null): NarrativePart[] {
  return NARRATIVE_PARTS.filter((part) => part.section === section);
}

export function isNarrativeId(id: string): boolean {
  return NARRATIVE_IDS.includes(id);
}

/** 「{agency}{year}年政府信息公开工作年度报告」; both parts may be absent (the seed's title omits them). */
export function reportTitle(meta: { agency?: string | undefined; year?: number | undefined }): string {
  return `${meta.agency ?? ""}${meta.year === undefined ? "" : `${meta.year}年`}${TITLE_SUFFIX}`;
}
