// meta from the title 「{agency}{year}年政府信息公开工作年度报告」 (both parts may be absent; the
// year may also open the title: 「2021年度某局政府信息公开工作年度报告」). A title without a year
// takes the first 「20xx年」 of the narrative, and says so.
import { NARRATIVE_IDS, TITLE_SUFFIX } from "../report/narrative.ts";
import type { ReportMeta } from "../report/schema.ts";
import type { ImportNote } from "./import-result.ts";

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
