// The document's outline: title, the opening before 一, and the blocks under each of the six
// headings 一、…六、 (spec "Document outline"). Headings are recognised by their numeral and
// wording, in order, so a table row such as 「一、本年新收政府信息公开申请数量 3 0 1…」 is no heading.
import { SECTIONS, type SectionKey, TITLE_SUFFIX } from "../report/narrative.ts";
import type { Block } from "./rows.ts";
import { compact, labelKey, similarity } from "./normalise.ts";

export interface Outline {
  readonly title: string | null;
  /** Paragraphs between the title and 一 (nothing when there is no title: that is page furniture). */
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
  // A title set on two lines (「淮安市人民政府办公室」 / 「2024年政府信息公开工作年度报告」, a line
  // break or two paragraphs) arrives as two blocks: the line before a title that opens with its
  // year is the agency.
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
