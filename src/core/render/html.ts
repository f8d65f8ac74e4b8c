// The report as one self-contained HTML fragment for a portal's CMS, built from the same rows as
// the .docx tables (tables.ts) so the two cannot drift; it imports back through import-html.ts.
import { T2_CONTENT_HEADER } from "../report/format.ts";
import { reportTitle } from "../report/narrative.ts";
import type { Report } from "../report/schema.ts";
import { startColumns, type GridCell } from "./grid.ts";
import { reportPieces } from "./narrative.ts";
import { xmlSafe } from "./page.ts";
import type { TableSpec } from "./tables.ts";

function escape(text: string): string {
  return xmlSafe(text).replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

/** Column-header rows: the .docx's repeated header rows; in 表二 the article and 信息内容 rows heading each block. */
function isHeader(spec: TableSpec, row: number, cells: readonly GridCell[]): boolean {
  return row < spec.options.headerRows || cells.length === 1 || cells[0]?.text === T2_CONTENT_HEADER;
}

const BORDER = 'style="border:1px solid #000;padding:2px 4px"';

function rowSpan(starts: readonly Map<number, GridCell>[], row: number, column: number): number {
  let span = 1;
  while (starts[row + span]?.get(column)?.merge === "continue") span += 1;
  return span;
}

function tableHtml(spec: TableSpec): string {
  const starts = spec.rows.map((cells) => {
    const columns = startColumns(cells);
    return new Map(cells.map((cell, index) => [columns[index] ?? 0, cell]));
  });
  const rows = spec.rows.map((cells, row) => {
    const header = isHeader(spec, row, cells);
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

export function renderHtml(report: Report, options: { readonly title?: string } = {}): string {
  const body = reportPieces(report, options.title ?? reportTitle(report.meta)).map((piece) => {
    if (piece.kind === "title") return `<h1>${escape(piece.text)}</h1>`;
    if (piece.kind === "heading") return `<h2>${escape(piece.text)}</h2>`;
    if (piece.kind === "table") return tableHtml(piece.spec);
    const lead = piece.lead === undefined ? "" : `<strong>${escape(piece.lead)}</strong>`;
    return `<p>${lead}${escape(piece.text)}</p>`;
  });
  return `<article lang="zh-CN" class="nianbao-report">\n${body.join("\n")}\n</article>\n`;
}
