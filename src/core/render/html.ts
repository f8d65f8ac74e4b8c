// The report as one self-contained HTML fragment for a portal's CMS: title, headings, narrative
// and the three tables with the official template's merges (vertical merges as rowspan), semantic
// markup (<th scope>), no scripts, no styles beyond a few inline borders. It is built from the same
// rows as the .docx tables (table2Rows…), so the two cannot drift, and it imports back through
// src/core/import/import-html.ts (test/core/render/html.test.ts).
import { withTotals } from "../report/arithmetic.ts";
import { NARRATIVE_PARTS, SECTIONS, reportTitle, type SectionKey } from "../report/narrative.ts";
import type { Report, Values } from "../report/schema.ts";
import type { GridCell } from "./grid.ts";
import { paragraphsOf } from "./narrative.ts";
import { table2Rows } from "./table2.ts";
import { T3_HEADER_ROWS, table3Rows } from "./table3.ts";
import { table4Rows } from "./table4.ts";
import { xmlSafe } from "./xml-text.ts";

export interface HtmlOptions {
  readonly title?: string;
}

function escape(text: string): string {
  return xmlSafe(text).replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

interface TableSpec {
  readonly rows: GridCell[][];
  /** Rows that are column headers. */
  readonly isHeader: (row: number, cells: readonly GridCell[]) => boolean;
}

const TABLES: Record<2 | 3 | 4, (values: Values) => TableSpec> = {
  // 表二: the article rows and the 信息内容 rows head their blocks.
  2: (values) => ({ rows: table2Rows(values), isHeader: (_row, cells) => cells.length === 1 || cells[0]?.text === "信息内容" }),
  3: (values) => ({ rows: table3Rows(values), isHeader: (row) => row < T3_HEADER_ROWS }),
  4: (values) => ({ rows: table4Rows(values), isHeader: (row) => row < 3 }),
};

const BORDER = 'style="border:1px solid #000;padding:2px 4px"';

/** rowspan of the cell opening a vertical merge at grid column `column` of row `row`. */
function rowSpan(starts: readonly Map<number, GridCell>[], row: number, column: number): number {
  let span = 1;
  while (starts[row + span]?.get(column)?.merge === "continue") span += 1;
  return span;
}

function tableHtml(spec: TableSpec): string {
  // Each row's cells by the grid column they start in.
  const starts = spec.rows.map((cells) => {
    const map = new Map<number, GridCell>();
    let column = 0;
    for (const cell of cells) {
      map.set(column, cell);
      column += cell.span ?? 1;
    }
    return map;
  });
  const rows = spec.rows.map((cells, row) => {
    const header = spec.isHeader(row, cells);
    const html = [...(starts[row] ?? new Map<number, GridCell>()).entries()]
      .filter(([, cell]) => cell.merge !== "continue")
      .map(([column, cell]) => {
        const label = cell.align === "left" || (column === 0 && !header);
        const tag = header || label ? "th" : "td";
        const scope = header ? ' scope="col"' : label ? ' scope="row"' : "";
        const colspan = (cell.span ?? 1) > 1 ? ` colspan="${cell.span}"` : "";
        const rowspan = cell.merge === "restart" ? rowSpan(starts, row, column) : 1;
        const rows = rowspan > 1 ? ` rowspan="${rowspan}"` : "";
        return `<${tag}${scope}${colspan}${rows} ${BORDER}>${escape(cell.text)}</${tag}>`;
      });
    return `<tr>${html.join("")}</tr>`;
  });
  return `<table style="border-collapse:collapse;width:100%"><tbody>\n${rows.join("\n")}\n</tbody></table>`;
}

function partsHtml(report: Report, section: SectionKey | null): string[] {
  return NARRATIVE_PARTS.filter((part) => part.section === section).flatMap((part) => {
    const paragraphs = paragraphsOf(report.text[part.id]);
    if (part.lead === undefined) return paragraphs.map((text) => `<p>${escape(text)}</p>`);
    const [first, ...rest] = paragraphs;
    if (first === undefined) return [`<p><strong>${escape(part.lead)}</strong></p>`];
    return [`<p><strong>${escape(`${part.lead}。`)}</strong>${escape(first)}</p>`, ...rest.map((text) => `<p>${escape(text)}</p>`)];
  });
}

export function renderHtml(report: Report, options: HtmlOptions = {}): string {
  const values = withTotals(report.values);
  const body = [
    `<h1>${escape(options.title ?? reportTitle(report.meta))}</h1>`,
    ...partsHtml(report, null),
    ...SECTIONS.flatMap((section) => [
      `<h2>${escape(section.heading)}</h2>`,
      ...partsHtml(report, section.key),
      ...(section.table === undefined ? [] : [tableHtml(TABLES[section.table](values))]),
    ]),
  ];
  return `<article lang="zh-CN" class="nianbao-report">\n${body.join("\n")}\n</article>\n`;
}
