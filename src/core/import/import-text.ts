// Text → report. Seed layout (a .docx flattened: a tab-indented line per cell, blank line between
// rows) becomes tables; web copies (a row per line) stay paragraphs for rows.ts to tokenise.
import { SECTIONS } from "../report/narrative.ts";
import { assemble } from "./assemble.ts";
import type { ImportResult } from "./import-result.ts";
import { clean } from "./normalise.ts";
import { type Block, paragraph, table } from "./rows.ts";

// Copied text may run a heading into its neighbours (「…无。五、存在的主要问题及改进情况一是…」).
const spaced = (heading: string): string =>
  [...heading.normalize("NFKC")].map((char) => char.replace(/[.*+?^${}()|[\]\\]/gu, "\\$&")).join("[\\s\u3000]*");
const HEADINGS = new RegExp(`(${SECTIONS.map((section) => spaced(section.heading)).join("|")})`, "u");

function headingLines(line: string): string[] {
  const normal = line.normalize("NFKC");
  // Cut at the headings (kept as parts); NFKC may change the length: only lines it leaves alike are cut.
  const parts = normal.length === line.length ? normal.split(HEADINGS) : [normal];
  if (parts.every((part, index) => index % 2 === 1 || part.trim() === "")) return [line];
  let at = 0;
  return parts.map((part) => line.slice(at, (at += part.length))).filter((part) => part.trim() !== "");
}

export function importText(text: string): ImportResult {
  const blocks: Block[] = [];
  let rows: string[][] = [];
  let row: string[] = [];
  const endRow = (): void => {
    if (row.length > 0) rows.push(row);
    row = [];
  };
  const endTable = (): void => {
    endRow();
    if (rows.length > 0) blocks.push(table(rows));
    rows = [];
  };

  for (const rawLine of text.split(/\r\n|\r|\n/).flatMap(headingLines)) {
    const line = clean(rawLine);
    // A web row exported with tabs (`\t\t1\t0…`, merged label cells empty) has several; a seed cell one.
    if (line.trim().includes("\t")) {
      endTable();
      blocks.push(paragraph(line.trimEnd()));
    } else if (line.startsWith("\t")) {
      row.push(line.slice(1).trim());
    } else if (line.trim() === "") {
      endRow();
    } else {
      endTable();
      blocks.push(paragraph(line.trim()));
    }
  }
  endTable();
  return assemble(blocks);
}
