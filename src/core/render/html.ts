// The report as one self-contained HTML fragment for a portal's CMS, built from the same rows as
// the .docx tables (tables.ts) so the two cannot drift; it imports back through import-html.ts.
import { T2_CONTENT_HEADER } from "../report/format.ts";
import type { Report } from "../report/schema.ts";
import { drawnCells, type GridCell } from "./grid.ts";
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

function tableHtml(spec: TableSpec): string {
  const rows = drawnCells(spec.rows).map((drawn, row) => {
    const header = isHeader(spec, row, spec.rows[row] ?? []);
    const html = drawn.map(({ cell, column, rowSpan }) => {
      const label = cell.align === "left" || (column === 0 && !header);
      const tag = header || label ? "th" : "td";
      const scope = header ? ' scope="col"' : label ? ' scope="row"' : "";
      const colspan = (cell.span ?? 1) > 1 ? ` colspan="${cell.span}"` : "";
      const rows = rowSpan > 1 ? ` rowspan="${rowSpan}"` : "";
      return `<${tag}${scope}${colspan}${rows} ${BORDER}>${escape(cell.text)}</${tag}>`;
    });
    return `<tr>${html.join("")}</tr>`;
  });
  return `<table style="border-collapse:collapse;width:100%"><tbody>\n${rows.join("\n")}\n</tbody></table>`;
}

export function renderHtml(report: Report, options: { readonly title?: string } = {}): string {
  const body = reportPieces(report, options.title).map((piece) => {
    if (piece.kind === "title") return `<h1>${escape(piece.text)}</h1>`;
    if (piece.kind === "heading") return `<h2>${escape(piece.text)}</h2>`;
    if (piece.kind === "table") return tableHtml(piece.spec);
    const lead = piece.lead === undefined ? "" : `<strong>${escape(piece.lead)}</strong>`;
    return `<p>${lead}${escape(piece.text)}</p>`;
  });
  return `<article lang="zh-CN" class="nianbao-report">\n${body.join("\n")}\n</article>\n`;
}
